package org.whotakespart.baseline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.CsvTable;
import org.whotakespart.ingest.InputException;

/**
 * Neighbourhood (MSOA, {@code E02…}/{@code W02…}) baselines from the Census 2021 small-area files
 * (their SOURCES.md says where each came from). This first part reads ethnic group: TS021 by MSOA
 * (Nomis bulk file {@code census2021-ts021-msoa.csv}, all ages), 19 groups and the 5 broad ones.
 */
public final class MsoaImporter {
  public static final String TS021_FILE = "census2021-ts021-msoa.csv";
  static final String SOURCE = "ONS Census 2021 TS021 Ethnic group (MSOA). " + CensusImporter.OGL;

  private MsoaImporter() {}

  /** True for a neighbourhood (MSOA) code of England or Wales. */
  public static boolean isMsoa(String areaCode) {
    return areaCode.length() == 9 && (areaCode.startsWith("E02") || areaCode.startsWith("W02"));
  }

  /** Ethnic group (19 and broad) of every MSOA in the file, at min_age 0 (all residents). */
  public static List<BaselineRow> ethnicGroups(String file, Configuration conf) {
    List<String> codes = Characteristic.ETHNIC_GROUP.categoryCodes();
    List<BaselineRow> rows = new ArrayList<>();
    for (CsvTable.Line line :
        CsvTable.read(
            file,
            StandardCharsets.UTF_8,
            conf,
            "Census 2021 TS021 by MSOA",
            List.of("geography", "geography code"),
            List.of())) {
      String area = line.get("geography code");
      if (!isMsoa(area)) {
        continue;
      }
      for (int i = 0; i < codes.size(); i++) {
        String column =
            ("ethnic group: " + CensusImporter.ETHNIC_LABELS[i]).toLowerCase(java.util.Locale.ROOT);
        String v = line.get(column);
        long n;
        try {
          n = Long.parseLong(v);
        } catch (NumberFormatException e) {
          throw new InputException(
              file
                  + " line "
                  + line.number()
                  + ": column '"
                  + column
                  + "' is missing or not a whole number; use the Nomis TS021 MSOA file as downloaded");
        }
        rows.add(
            new BaselineRow(
                CensusImporter.BASELINE,
                area,
                line.get("geography"),
                Characteristic.ETHNIC_GROUP.code(),
                codes.get(i),
                0,
                n,
                SOURCE));
      }
    }
    List<BaselineRow> out = new ArrayList<>(rows);
    out.addAll(CensusImporter.broadEthnicGroups(rows));
    return out;
  }
}
