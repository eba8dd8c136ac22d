package org.whotakespart.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.Project;
import org.whotakespart.output.chart.Charts;
import org.whotakespart.output.xlsx.WorkbookWriter;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.ReportModel;
import org.whotakespart.stats.Bands;
import org.whotakespart.stats.CategoryCount;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;

/**
 * A workbook made from data built to tempt disclosure (tiny projects, one person in a group, one
 * small cell in a row with a total, a project whose all-projects figure would give it away), read
 * back cell by cell: no count from 1 to 4, nothing from which one can be worked out, and text from
 * the inputs never a formula.
 */
class WorkbookDisclosureTest {
  private static final String FORMULA_NAME = "=HYPERLINK(\"http://x\",\"y\")";
  private static final List<String> COUNT_HEADERS =
      List.of("People taking part", "People who answered");
  private static final List<String> DERIVED_HEADERS =
      List.of("Share", "Share: 95% interval", "Ratio", "Ratio: 95% interval", "Shortfall");

  @TempDir static Path dir;
  private static Workbook workbook;

  @BeforeAll
  static void writeTheTemptingWorkbook() throws IOException {
    List<Project> projects =
        List.of(
            new Project("TINY", "Tiny group", "", "ICB", List.of("E1"), 16, "census2021"),
            new Project(
                "ONE", FORMULA_NAME, "+cmd|' /C calc'!A0", "ICB", List.of("E1"), 16, "census2021"),
            new Project("MID", "@SUM(1+1)", "-2+3", "ICB", List.of("E1"), 16, "census2021"),
            new Project("BIG", "Big forum", "", "ICB", List.of("E1"), 16, "census2021"));
    // sex: TINY 3 women 0 men; ONE 11 women 1 man; MID 20 women 2 men (two small men cells in a
    // column whose total would give them away); BIG 40 women 35 men.
    // age: ONE has one person 16 to 24 and 11 people 45 to 54 (one small cell, total shown).
    List<CategoryCount> counts =
        new ArrayList<>(
            List.of(
                new CategoryCount("TINY", "sex", 0, 3, 0),
                new CategoryCount("ONE", "sex", 0, 11, 0),
                new CategoryCount("ONE", "sex", 1, 1, 0),
                new CategoryCount("MID", "sex", 0, 20, 0),
                new CategoryCount("MID", "sex", 1, 2, 0),
                new CategoryCount("MID", "sex", null, 3, 0),
                new CategoryCount("BIG", "sex", 0, 40, 0),
                new CategoryCount("BIG", "sex", 1, 35, 0),
                new CategoryCount("ONE", "age_band", 1, 1, 0),
                new CategoryCount("ONE", "age_band", 4, 11, 0),
                new CategoryCount("BIG", "age_band", 4, 60, 0),
                new CategoryCount("BIG", "age_band", 6, 15, 0)));
    List<ProjectBaseline> baselines = new ArrayList<>();
    for (Project p : projects) {
      baselines.add(new ProjectBaseline(p.projectId(), "sex", "female", 51, 100, 0));
      baselines.add(new ProjectBaseline(p.projectId(), "sex", "male", 49, 100, 0));
      for (String band : Characteristic.AGE_BAND.categoryCodes().subList(1, 9)) {
        baselines.add(new ProjectBaseline(p.projectId(), "age_band", band, 10, 80, 16));
      }
    }
    MetricCalculator calc = new MetricCalculator("2025-26 Q2", Bands.DEFAULT);
    List<MetricRow> rows = calc.projectMetrics(projects, counts, baselines);
    List<MetricRow> all = new ArrayList<>(rows);
    all.addAll(
        calc.rollup(
            ScopeType.ALL, rows, MetricCalculator.scopes(ScopeType.ALL, projects, Map.of())));
    all.sort(MetricCalculator.ORDER);
    Map<String, Long> people =
        new LinkedHashMap<>(Map.of("TINY", 3L, "ONE", 12L, "MID", 25L, "BIG", 75L));
    ReportModel model =
        new ReportModel(
            Period.parse("2025-26 Q2"),
            MetricCalculator.ALL_NAME,
            "test",
            Bands.DEFAULT,
            5,
            List.of("lived_experience"),
            projects,
            all,
            List.of(),
            people,
            List.of(),
            new DataQuality(List.of(), Map.of(), Map.of(), 0, 0, List.of()),
            List.of(),
            Map.of(),
            org.whotakespart.report.History.none());
    Path xlsx = dir.resolve("tempting.xlsx");
    org.whotakespart.report.BoardView board = org.whotakespart.report.BoardView.of(model);
    WorkbookWriter.write(model, board, Charts.forReport(model, board), xlsx);
    try (InputStream in = Files.newInputStream(xlsx)) {
      workbook = WorkbookFactory.create(in);
    }
  }

  /** One data row of a characteristic sheet, by header. */
  private static List<Map<String, Cell>> table(String sheetName) {
    Sheet sheet = workbook.getSheet(sheetName);
    Map<Integer, String> header = new HashMap<>();
    List<Map<String, Cell>> rows = new ArrayList<>();
    for (Row r : sheet) {
      Cell first = r.getCell(0);
      if (first != null
          && first.getCellType() == CellType.STRING
          && first.getStringCellValue().equals("Project")) {
        r.forEach(c -> header.put(c.getColumnIndex(), c.getStringCellValue()));
        continue;
      }
      if (header.isEmpty()) {
        continue;
      }
      Map<String, Cell> m = new HashMap<>();
      r.forEach(c -> m.put(header.get(c.getColumnIndex()), c));
      rows.add(m);
    }
    return rows;
  }

  private static boolean isShown(Cell c) {
    return c != null && c.getCellType() == CellType.NUMERIC;
  }

  private static boolean isEmpty(Cell c) {
    return c == null
        || c.getCellType() == CellType.BLANK
        || (c.getCellType() == CellType.STRING && c.getStringCellValue().isEmpty());
  }

  @Test
  void noCellAnywhereHoldsACountFromOneToFour() {
    for (Sheet s : workbook) {
      for (Map<String, Cell> row :
          s.getSheetName().equals("Sex") || s.getSheetName().equals("Age")
              ? table(s.getSheetName())
              : List.<Map<String, Cell>>of()) {
        for (String h : COUNT_HEADERS) {
          Cell c = row.get(h);
          if (isShown(c)) {
            double v = c.getNumericCellValue();
            assertFalse(v >= 1 && v <= 4, s.getSheetName() + " " + h + " shows " + v);
          }
        }
      }
    }
  }

  @Test
  void aHiddenCountTakesItsShareRatioIntervalAndShortfallWithIt() {
    int hidden = 0;
    for (String sheet : List.of("Sex", "Age")) {
      for (Map<String, Cell> row : table(sheet)) {
        if (!isShown(row.get("People taking part"))) {
          hidden++;
          for (String h : DERIVED_HEADERS) {
            assertTrue(isEmpty(row.get(h)), sheet + " " + h + " is shown beside a hidden count");
          }
        }
      }
    }
    assertTrue(hidden > 0, "the data was built to need hiding");
  }

  /** Within each project (and all projects), and within each group across projects. */
  @Test
  void noHiddenCountCanBeWorkedOutFromTheTotals() {
    for (String sheet : List.of("Sex", "Age")) {
      Map<String, List<Map<String, Cell>>> byProject = new LinkedHashMap<>();
      Map<String, List<Map<String, Cell>>> byGroup = new LinkedHashMap<>();
      for (Map<String, Cell> row : table(sheet)) {
        String project = row.get("Project").getStringCellValue();
        byProject.computeIfAbsent(project, k -> new ArrayList<>()).add(row);
        byGroup
            .computeIfAbsent(row.get("Group").getStringCellValue(), k -> new ArrayList<>())
            .add(row);
      }
      byProject.forEach(
          (project, rows) -> {
            Cell known = rows.get(0).get("People who answered");
            if (isShown(known)) {
              assertSafe(
                  sheet + " " + project,
                  rows.stream().map(r -> r.get("People taking part")).toList(),
                  (long) known.getNumericCellValue());
            }
          });
      byGroup.forEach(
          (group, rows) -> {
            Map<String, Cell> allProjects =
                rows.stream()
                    .filter(
                        r ->
                            r.get("Project").getStringCellValue().equals(MetricCalculator.ALL_NAME))
                    .findFirst()
                    .orElseThrow();
            Cell total = allProjects.get("People taking part");
            if (isShown(total)) {
              assertSafe(
                  sheet + " " + group + " across projects",
                  rows.stream()
                      .filter(r -> r != allProjects)
                      .map(r -> r.get("People taking part"))
                      .toList(),
                  (long) total.getNumericCellValue());
            }
          });
    }
  }

  /**
   * A reader who knows that a shown count is rounded to the nearest 5 (so within 2 of it, and 5 or
   * more), that "fewer than 5" is 1 to 4 and a withheld count at least 1, and that the cells add up
   * to the total: each hidden cell, on this line alone, keeps at least three possible values.
   */
  private static void assertSafe(String where, List<Cell> cells, long total) {
    long restLow = Math.max(5, total - 2);
    long restHigh = total + 2;
    if (total == 0) {
      restLow = 0;
      restHigh = 0;
    }
    List<long[]> hidden = new ArrayList<>();
    for (Cell c : cells) {
      if (isShown(c)) {
        long v = (long) c.getNumericCellValue();
        assertEquals(0, v % 5, where + ": a shown count is rounded to the nearest 5");
        restLow -= v == 0 ? 0 : v + 2;
        restHigh -= v == 0 ? 0 : Math.max(5, v - 2);
      } else if (!isEmpty(c)) {
        hidden.add(
            c.getStringCellValue().startsWith("fewer than")
                ? new long[] {1, 4}
                : new long[] {1, Long.MAX_VALUE / 4});
      }
    }
    for (int i = 0; i < hidden.size(); i++) {
      long othersLow = 0;
      long othersHigh = 0;
      for (int j = 0; j < hidden.size(); j++) {
        if (j != i) {
          othersLow += hidden.get(j)[0];
          othersHigh += hidden.get(j)[1];
        }
      }
      long low = Math.max(hidden.get(i)[0], restLow - othersHigh);
      long high = Math.min(hidden.get(i)[1], restHigh - othersLow);
      assertTrue(high - low >= 2, where + ": a hidden cell narrowed to " + low + " to " + high);
    }
  }

  @Test
  void projectNamesThatLookLikeFormulasAreTextAndNoCellIsAFormula() {
    boolean seen = false;
    for (Sheet s : workbook) {
      for (Row r : s) {
        for (Cell c : r) {
          assertNotEquals(
              CellType.FORMULA, c.getCellType(), s.getSheetName() + " " + c.getAddress());
          if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(FORMULA_NAME)) {
            seen = true;
          }
        }
      }
    }
    assertTrue(seen, "the name appears as its literal text");
  }
}
