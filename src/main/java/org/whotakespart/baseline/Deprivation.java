package org.whotakespart.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.JobConfig;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.CsvTable;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.Project;

/**
 * Each area's deprivation from the English Indices of Deprivation 2019 (MHCLG File 10, local
 * authority district summaries): the proportion of its small areas (LSOAs) in England's most
 * deprived 10%. File 10 publishes no "most deprived 20%" figure, so the 20% measure is compared
 * with everyone in the scope only.
 *
 * <p>The file is on 2019 boundaries: the districts merged into Buckinghamshire (E06000060), North
 * and West Northamptonshire (E06000061, E06000062) cannot be combined without their LSOA counts,
 * which File 10 does not give, so those three areas have no figure; Wales is not covered.
 */
public final class Deprivation {
  public static final List<String> COLUMNS =
      List.of("area_code", "area_name", "most_deprived_10_share", "source");
  public static final String SOURCE =
      "Source: Ministry of Housing, Communities and Local"
          + " Government, English Indices of Deprivation 2019, File 10 (local authority district"
          + " summaries), licensed under the Open Government Licence v.3.0";
  static final String SHEET = "IMD";
  static final String PROPORTION_HEADER =
      "IMD - Proportion of LSOAs in most deprived 10% nationally";

  private Deprivation() {}

  /** An area's share of small areas in England's most deprived 10%. */
  public record AreaShare(String areaCode, String areaName, double share) {}

  /** Reads File 10's IMD sheet (column names checked, as in the published file). */
  public static List<AreaShare> importFile10(Path xlsx) {
    try (InputStream in = Files.newInputStream(xlsx);
        Workbook wb = WorkbookFactory.create(in)) {
      Sheet s = wb.getSheet(SHEET);
      if (s == null) {
        throw new InputException(
            xlsx
                + ": no sheet named "
                + SHEET
                + "; give File 10 of the English"
                + " Indices of Deprivation 2019 (local authority district summaries, lower tier)");
      }
      Row header = s.getRow(0);
      int code = -1;
      int name = -1;
      int proportion = -1;
      for (Cell c : header) {
        String h = c.getStringCellValue().trim();
        if (h.startsWith("Local Authority District code")) {
          code = c.getColumnIndex();
        } else if (h.startsWith("Local Authority District name")) {
          name = c.getColumnIndex();
        } else if (h.equals(PROPORTION_HEADER)) {
          proportion = c.getColumnIndex();
        }
      }
      if (code < 0 || name < 0 || proportion < 0) {
        throw new InputException(
            xlsx
                + ": the "
                + SHEET
                + " sheet lacks the district code, name or '"
                + PROPORTION_HEADER
                + "' column; give File 10 as published");
      }
      List<AreaShare> out = new ArrayList<>();
      for (int i = 1; i <= s.getLastRowNum(); i++) {
        Row r = s.getRow(i);
        if (r == null
            || r.getCell(code) == null
            || r.getCell(code).getCellType() != CellType.STRING) {
          continue;
        }
        out.add(
            new AreaShare(
                r.getCell(code).getStringCellValue().trim(),
                r.getCell(name).getStringCellValue().trim(),
                r.getCell(proportion).getNumericCellValue()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + xlsx + ": " + e.getMessage(), e);
    }
  }

  public static void write(List<AreaShare> rows, Path file) {
    try (Writer w = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
        CSVPrinter p =
            new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      p.printRecord(COLUMNS);
      for (AreaShare a : rows) {
        p.printRecord(a.areaCode(), a.areaName(), BigDecimalText.of(a.share()), SOURCE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a deprivation table written by {@link #write}. */
  public static Map<String, AreaShare> read(String file, Configuration conf) {
    Map<String, AreaShare> m = new LinkedHashMap<>();
    for (CsvTable.Line l :
        CsvTable.read(
            file, StandardCharsets.UTF_8, conf, "deprivation", COLUMNS.subList(0, 3), COLUMNS)) {
      double share;
      try {
        share = Double.parseDouble(l.get("most_deprived_10_share"));
      } catch (NumberFormatException e) {
        throw new InputException(
            file
                + " line "
                + l.number()
                + ": most_deprived_10_share '"
                + l.get("most_deprived_10_share")
                + "' is not a number from 0 to 1");
      }
      if (!(share >= 0 && share <= 1)) {
        throw new InputException(
            file
                + " line "
                + l.number()
                + ": most_deprived_10_share "
                + share
                + " is not from 0 to 1");
      }
      m.put(l.get("area_code"), new AreaShare(l.get("area_code"), l.get("area_name"), share));
    }
    return m;
  }

  /**
   * Each project's catchment share: its areas' shares weighted by their residents (the sex baseline
   * at the youngest age given); no figure when any area of the catchment has none.
   */
  public static Map<String, Double> projectShares(
      JobConfig config, List<Project> projects, List<BaselineRow> baselines, Configuration conf) {
    if (config.deprivation() == null) {
      return Map.of();
    }
    Map<String, AreaShare> shares = read(config.deprivation(), conf);
    record Area(String baseline, String code) {}
    Map<Area, Long> residents = new HashMap<>();
    Map<Area, Integer> youngest = new HashMap<>();
    for (BaselineRow b : baselines) {
      if (b.characteristic().equals(Characteristic.SEX.code())) {
        youngest.merge(new Area(b.baseline(), b.areaCode()), b.minAge(), Math::min);
      }
    }
    for (BaselineRow b : baselines) {
      if (b.characteristic().equals(Characteristic.SEX.code())
          && youngest.get(new Area(b.baseline(), b.areaCode())) == b.minAge()) {
        residents.merge(new Area(b.baseline(), b.areaCode()), b.population(), Long::sum);
      }
    }
    Map<String, Double> out = new HashMap<>();
    for (Project p : projects) {
      double sum = 0;
      double weight = 0;
      boolean complete = true;
      for (String area : p.catchment()) {
        AreaShare a = shares.get(area);
        if (a == null) {
          complete = false;
          break;
        }
        long w = residents.getOrDefault(new Area(p.baseline(), area), 1L);
        sum += w * a.share();
        weight += w;
      }
      if (complete && weight > 0) {
        out.put(p.projectId(), sum / weight);
      }
    }
    return out;
  }

  /** Shortest plain decimal text. */
  private static final class BigDecimalText {
    static String of(double d) {
      return d == 0 ? "0" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
  }
}
