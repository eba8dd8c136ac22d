package org.whotakespart.baseline;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.CsvTable;
import org.whotakespart.ingest.InputException;

/**
 * Neighbourhood (MSOA, {@code E02…}/{@code W02…}) baselines from the Census 2021 small-area files
 * (their SOURCES.md says where each came from), each at the ages its table covers:
 *
 * <ul>
 *   <li>ethnic group, 19 groups and the 5 broad ones: TS021 by MSOA (all ages);
 *   <li>sex: the MSOA rows of TS008 (all ages);
 *   <li>age bands at min_age 0, 16 and 18: TS007 single years by MSOA, as for local authorities;
 *   <li>religion (all ages) and disability in 3 categories (all ages): the output-area TS030 and
 *       TS038 files summed to their MSOA through the parent codes of TS008 (output area to LSOA to
 *       MSOA);
 *   <li>unpaid care, provides any (yes) or none (no): TS039 by MSOA (ages 5 and over).
 * </ul>
 *
 * Sexual orientation and gender identity have no small-area table: an MSOA takes the shares of the
 * authority it lies in ({@link CatchmentBaselines}).
 */
public final class MsoaImporter {
  public static final String TS021_FILE = "census2021-ts021-msoa.csv";
  public static final String TS008_FILE = "TS008_sex_2021.csv.gz";
  public static final String AGE_FILE = "msoa_age_by_single_year_2021_data.csv";
  public static final String CARE_FILE = "msoa_provision_of_unpaid_care_2021_data.csv";
  public static final String RELIGION_FILE = "oa-ts030-religion.parquet";
  public static final String DISABILITY_FILE = "oa-ts038-disability.parquet";

  static final String SOURCE = "ONS Census 2021 TS021 Ethnic group (MSOA). " + CensusImporter.OGL;
  static final String SEX_SOURCE = "ONS Census 2021 TS008 Sex (MSOA). " + CensusImporter.OGL;
  static final String AGE_SOURCE =
      "ONS Census 2021 TS007 Age by single year (MSOA). " + CensusImporter.OGL;
  static final String RELIGION_SOURCE =
      "ONS Census 2021 TS030 Religion (output areas summed to MSOA). " + CensusImporter.OGL;
  static final String DISABILITY_SOURCE =
      "ONS Census 2021 TS038 Disability (output areas summed to MSOA). " + CensusImporter.OGL;
  static final String CARE_SOURCE =
      "ONS Census 2021 TS039 Provision of unpaid care (MSOA, 5+). " + CensusImporter.OGL;

  /** Unpaid care is asked of residents aged 5 and over. */
  static final int CARE_MIN_AGE = 5;

  /** Output-area columns of TS030 in the order of {@link Characteristic#RELIGION}'s categories. */
  private static final List<String> RELIGION_COLUMNS =
      List.of(
          "ts0300002",
          "ts0300003",
          "ts0300004",
          "ts0300005",
          "ts0300006",
          "ts0300007",
          "ts0300008",
          "ts0300009");

  /** TS038: limited a lot, limited a little, not disabled (Characteristic#DISABILITY's order). */
  private static final List<String> DISABILITY_COLUMNS =
      List.of("ts0380003", "ts0380004", "ts0380005");

  private MsoaImporter() {}

  /** True for a neighbourhood (MSOA) code of England or Wales. */
  public static boolean isMsoa(String areaCode) {
    return areaCode.length() == 9 && (areaCode.startsWith("E02") || areaCode.startsWith("W02"));
  }

  /** Ethnic group (19 and broad) of every MSOA in the file, at min_age 0 (all residents). */
  public static List<BaselineRow> ethnicGroups(String file, Configuration conf) {
    List<String> codes = Characteristic.ETHNIC_GROUP.categoryCodes();
    List<BaselineRow> rows = new ArrayList<>();
    CensusCsv.forEachLine(
        file,
        conf,
        "Census 2021 TS021 by MSOA",
        List.of("geography", "geography code"),
        line -> {
          String area = line.get("geography code");
          if (!isMsoa(area)) {
            return;
          }
          for (int i = 0; i < codes.size(); i++) {
            String column =
                ("ethnic group: " + CensusTables.ETHNIC_LABELS[i]).toLowerCase(Locale.ROOT);
            long n = count(file, line, column, "use the Nomis TS021 MSOA file as downloaded");
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
        });
    List<BaselineRow> out = new ArrayList<>(rows);
    out.addAll(CensusImporter.broadEthnicGroups(rows));
    return out;
  }

  /** What {@link #importFolder} found: the rows, and how many rows each table gave. */
  public record Imported(List<BaselineRow> rows, Map<String, Integer> rowsByCharacteristic) {}

  /**
   * Every neighbourhood baseline the small-area folder allows: each table whose file is present is
   * read (religion and disability also need TS008, for the output areas' MSOAs), in a stable order.
   */
  public static Imported importFolder(String folder, Configuration conf) {
    List<BaselineRow> rows = new ArrayList<>();
    Predicate<String> has = name -> Files.exists(java.nio.file.Path.of(folder, name));
    String path = folder + "/";
    if (has.test(TS021_FILE)) {
      rows.addAll(ethnicGroups(path + TS021_FILE, conf));
    }
    if (has.test(TS008_FILE)) {
      List<AreaRow> areas = readTs008(path + TS008_FILE, conf);
      rows.addAll(sexes(areas));
      Map<String, String> msoaOf = msoaOfOutputArea(areas);
      Map<String, String> names = msoaNames(areas);
      if (has.test(RELIGION_FILE)) {
        rows.addAll(
            OutputAreas.sum(
                path + RELIGION_FILE,
                conf,
                Characteristic.RELIGION,
                RELIGION_COLUMNS,
                RELIGION_SOURCE,
                msoaOf,
                names));
      }
      if (has.test(DISABILITY_FILE)) {
        rows.addAll(
            OutputAreas.sum(
                path + DISABILITY_FILE,
                conf,
                Characteristic.DISABILITY,
                DISABILITY_COLUMNS,
                DISABILITY_SOURCE,
                msoaOf,
                names));
      }
    }
    if (has.test(AGE_FILE)) {
      rows.addAll(ages(path + AGE_FILE, conf));
    }
    if (has.test(CARE_FILE)) {
      rows.addAll(unpaidCare(path + CARE_FILE, conf));
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (BaselineRow r : rows) {
      counts.merge(r.characteristic(), 1, Integer::sum);
    }
    return new Imported(rows, counts);
  }

  /** One row of the ONS TS008 file: an area at any level, its parent and its residents by sex. */
  public record AreaRow(
      String code, String name, String type, String parent, long female, long male) {}

  /** Every row of the ONS TS008 extract (plain or gzipped CSV), any level. */
  public static List<AreaRow> readTs008(String file, Configuration conf) {
    List<AreaRow> out = new ArrayList<>();
    CensusCsv.forEachLine(
        file,
        conf,
        "Census 2021 TS008 (sex, every level)",
        List.of("geography code", "geography label", "geography area type", "parent area code"),
        line ->
            out.add(
                new AreaRow(
                    line.get("geography code"),
                    line.get("geography label"),
                    line.get("geography area type"),
                    line.get("parent area code"),
                    count(file, line, "female"),
                    count(file, line, "male"))));
    return out;
  }

  /** Each MSOA's residents by sex (TS008, all ages). */
  static List<BaselineRow> sexes(List<AreaRow> areas) {
    List<BaselineRow> rows = new ArrayList<>();
    for (AreaRow a : areas) {
      if (a.type().equals("MSOA") && isMsoa(a.code())) {
        rows.add(row(a.code(), a.name(), Characteristic.SEX, "female", 0, a.female(), SEX_SOURCE));
        rows.add(row(a.code(), a.name(), Characteristic.SEX, "male", 0, a.male(), SEX_SOURCE));
      }
    }
    return rows;
  }

  /** Output area to its MSOA, through its LSOA (the parent codes of TS008). */
  public static Map<String, String> msoaOfOutputArea(List<AreaRow> areas) {
    Map<String, String> msoaOfLsoa = byType(areas, "LSOA", AreaRow::parent);
    Map<String, String> out = new HashMap<>();
    for (AreaRow a : areas) {
      if (a.type().equals("Output Area") && msoaOfLsoa.containsKey(a.parent())) {
        out.put(a.code(), msoaOfLsoa.get(a.parent()));
      }
    }
    return out;
  }

  private static Map<String, String> msoaNames(List<AreaRow> areas) {
    return byType(areas, "MSOA", AreaRow::name);
  }

  /** Each area of the type (its code) to its value. */
  private static Map<String, String> byType(
      List<AreaRow> areas, String type, Function<AreaRow, String> value) {
    Map<String, String> out = new HashMap<>();
    for (AreaRow a : areas) {
      if (a.type().equals(type)) {
        out.put(a.code(), value.apply(a));
      }
    }
    return out;
  }

  /** Residents of each MSOA by single year, 0 to 100 (100 and over), from the TS007 MSOA file. */
  public static Map<String, long[]> singleYears(String file, Configuration conf) {
    Map<String, long[]> out = new LinkedHashMap<>();
    CensusCsv.forEachLine(
        file,
        conf,
        "Census 2021 TS007 age by single year, by MSOA",
        List.of("msoa21cd", "msoa21nm"),
        line -> {
          long[] byAge = new long[101];
          for (int a = 0; a <= 100; a++) {
            String column =
                a == 0
                    ? "aged under 1 year"
                    : a == 100
                        ? "aged 100 years and over"
                        : "aged " + a + (a == 1 ? " year" : " years");
            byAge[a] = count(file, line, column);
          }
          out.put(line.get("msoa21cd"), byAge);
        });
    return out;
  }

  /** Age bands of every MSOA at min_age 0, 16 and 18, as for local authorities from TS007. */
  static List<BaselineRow> ages(String file, Configuration conf) {
    Map<String, String> names = new HashMap<>();
    CensusCsv.forEachLine(
        file,
        conf,
        "Census 2021 TS007 age by single year, by MSOA",
        List.of("msoa21cd", "msoa21nm"),
        line -> names.put(line.get("msoa21cd"), line.get("msoa21nm")));
    List<BaselineRow> rows = new ArrayList<>();
    singleYears(file, conf)
        .forEach(
            (msoa, byAge) -> {
              if (!isMsoa(msoa)) {
                return;
              }
              rows.addAll(CensusImporter.ageBands(msoa, names.get(msoa), byAge, AGE_SOURCE));
            });
    return rows;
  }

  /** Unpaid care of every MSOA, ages 5 and over: yes = any hours a week, no = none. */
  static List<BaselineRow> unpaidCare(String file, Configuration conf) {
    List<String> hours =
        List.of(
            "provides_9_hours_or_less_unpaid_care_a_week",
            "provides_10_to_19_hours_unpaid_care_a_week",
            "provides_20_to_34_hours_unpaid_care_a_week",
            "provides_35_to_49_hours_unpaid_care_a_week",
            "provides_50_or_more_hours_unpaid_care_a_week");
    List<BaselineRow> rows = new ArrayList<>();
    CensusCsv.forEachLine(
        file,
        conf,
        "Census 2021 TS039 unpaid care, by MSOA",
        List.of("msoa21cd", "msoa21nm", "provides_no_unpaid_care"),
        line -> {
          String msoa = line.get("msoa21cd");
          if (!isMsoa(msoa)) {
            return;
          }
          long yes = 0;
          for (String h : hours) {
            yes += count(file, line, h);
          }
          String name = line.get("msoa21nm");
          rows.add(
              row(msoa, name, Characteristic.UNPAID_CARER, "yes", CARE_MIN_AGE, yes, CARE_SOURCE));
          rows.add(
              row(
                  msoa,
                  name,
                  Characteristic.UNPAID_CARER,
                  "no",
                  CARE_MIN_AGE,
                  count(file, line, "provides_no_unpaid_care"),
                  CARE_SOURCE));
        });
    return rows;
  }

  static BaselineRow row(
      String area,
      String name,
      Characteristic c,
      String category,
      int minAge,
      long n,
      String source) {
    return new BaselineRow(
        CensusImporter.BASELINE, area, name, c.code(), category, minAge, n, source);
  }

  private static long count(String file, CsvTable.Line line, String column) {
    return count(file, line, column, "use the Census file as downloaded");
  }

  /** The column's whole number; otherwise stops, naming the file, line and column, and the fix. */
  private static long count(String file, CsvTable.Line line, String column, String fix) {
    try {
      return Long.parseLong(line.get(column));
    } catch (NumberFormatException e) {
      throw new InputException(
          file
              + " line "
              + line.number()
              + ": column '"
              + column
              + "' is missing or not a whole number; "
              + fix);
    }
  }
}
