package org.whotakespart.output;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.config.Category;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Period;
import org.whotakespart.config.SplitBy;
import org.whotakespart.ingest.Project;
import org.whotakespart.output.xlsx.WorkbookWriter;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.ReportModel;
import org.whotakespart.report.Splits;
import org.whotakespart.stats.Bands;
import org.whotakespart.stats.CategoryCount;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;

/**
 * The hostile reader, independent of the pipeline's own audit: workbooks written from data built
 * to tempt (broad minus detailed ethnic groups, all projects minus the projects, a column of small
 * projects under a small all-projects total, a 3-person project in its own split workbook), read
 * back cell by cell with POI, written as equations by this test's own code and solved as integer
 * programmes: every hidden count keeps at least three possible values.
 */
class WorkbookSolverTest {
  @TempDir
  Path dir;

  private static ReportModel temptingModel() {
    List<Project> projects = new ArrayList<>();
    List<CategoryCount> counts = new ArrayList<>();
    List<ProjectBaseline> baselines = new ArrayList<>();
    Map<String, Long> people = new LinkedHashMap<>();
    int female = Characteristic.SEX.categoryCodes().indexOf("female");
    int male = Characteristic.SEX.categoryCodes().indexOf("male");
    // Seven projects of 10 women and 1 man: all projects' 7 men, rounded to 5, would pin each at 1.
    for (int i = 1; i <= 7; i++) {
      String id = "P" + i;
      projects.add(new Project(id, "Project " + i, "", "ICB", List.of("E1"), 16, "census2021"));
      counts.add(new CategoryCount(id, "sex", female, 10, 0));
      counts.add(new CategoryCount(id, "sex", male, 1, 0));
      people.put(id, 11L);
    }
    // Black: African 23, Caribbean 9, other Black 3 = broad Black 35 in one project.
    projects.add(new Project("ETH", "Black forum", "", "ICB", List.of("E1"), 16, "census2021"));
    List<String> detailed = Characteristic.ETHNIC_GROUP.categoryCodes();
    List<String> broad = Characteristic.ETHNIC_GROUP_BROAD.categoryCodes();
    counts.add(new CategoryCount("ETH", "ethnic_group", detailed.indexOf("black_african"), 23, 0));
    counts.add(new CategoryCount("ETH", "ethnic_group", detailed.indexOf("black_caribbean"), 9, 0));
    counts.add(new CategoryCount("ETH", "ethnic_group", detailed.indexOf("black_other"), 3, 0));
    counts.add(new CategoryCount("ETH", "ethnic_group_broad", broad.indexOf("black"), 35, 0));
    counts.add(new CategoryCount("ETH", "sex", female, 20, 0));
    counts.add(new CategoryCount("ETH", "sex", male, 15, 0));
    people.put("ETH", 35L);
    // A 3-person project, one in each of three age bands, in its own split workbook.
    projects.add(new Project("TINY", "Tiny panel", "", "ICB", List.of("E1"), 16, "census2021"));
    List<String> ages = Characteristic.AGE_BAND.categoryCodes();
    for (String band : List.of("16_24", "25_34", "35_44")) {
      counts.add(new CategoryCount("TINY", "age_band", ages.indexOf(band), 1, 0));
    }
    counts.add(new CategoryCount("TINY", "sex", female, 2, 0));
    counts.add(new CategoryCount("TINY", "sex", male, 1, 0));
    people.put("TINY", 3L);
    for (Project p : projects) {
      for (Characteristic c : Characteristic.values()) {
        for (String category : c.categoryCodes()) {
          baselines.add(new ProjectBaseline(p.projectId(), c.code(), category, 10,
              10L * c.categoryCodes().size(), 16));
        }
      }
    }
    MetricCalculator calc = new MetricCalculator("2025-26 Q2", Bands.DEFAULT);
    List<MetricRow> rows = calc.projectMetrics(projects, counts, baselines);
    List<MetricRow> all = new ArrayList<>(rows);
    all.addAll(calc.rollup(ScopeType.ALL, rows,
        MetricCalculator.scopes(ScopeType.ALL, projects, Map.of())));
    all.sort(MetricCalculator.ORDER);
    return new ReportModel(Period.parse("2025-26 Q2"), MetricCalculator.ALL_NAME, "test",
        Bands.DEFAULT, 5, List.of("lived_experience"), projects, all, List.of(), people,
        List.of(), new DataQuality(List.of(), Map.of(), Map.of(), 0, 0, List.of()), List.of(),
        Map.of(), org.whotakespart.report.History.none());
  }

  @Test
  void noHiddenCountInAnyWorkbookHasFewerThanThreePossibleValues() throws IOException {
    ReportModel model = temptingModel();
    Map<String, ReportModel> workbooks = new LinkedHashMap<>();
    workbooks.put("all", model);
    workbooks.putAll(Splits.of(model, SplitBy.PROJECT));
    int hidden = 0;
    for (var e : workbooks.entrySet()) {
      Path xlsx = dir.resolve(Splits.slug(e.getKey()) + ".xlsx");
      BoardView board = BoardView.of(e.getValue());
      board.requirePasses(xlsx.toString());
      WorkbookWriter.write(e.getValue(), board, List.of(), xlsx);
      try (InputStream in = Files.newInputStream(xlsx);
          Workbook wb = WorkbookFactory.create(in)) {
        hidden += new Reader(wb).check(e.getKey());
      }
    }
    assertTrue(hidden > 20, "the data was built to need hiding: " + hidden);
  }

  /** A reader of one workbook: every count on the characteristic sheets, as equations. */
  private static final class Reader {
    private final Workbook wb;
    private final ExpressionsBasedModel model = new ExpressionsBasedModel();
    private final Map<String, Variable> vars = new HashMap<>();
    private final Map<String, String> shownAs = new HashMap<>();
    private final List<List<Object>> equations = new ArrayList<>();

    Reader(Workbook wb) {
      this.wb = wb;
    }

    /** A count as the reader knows it: a rounded number, "fewer than 5", "withheld" or 0. */
    private void count(String name, Cell cell) {
      if (vars.containsKey(name) || cell == null) {
        return;
      }
      Variable v = model.addVariable(name).integer(true);
      boolean numberAsText = cell.getCellType() == CellType.STRING
          && cell.getStringCellValue().matches("[0-9,]+");
      if (cell.getCellType() == CellType.NUMERIC || numberAsText) {
        long r = numberAsText ? Long.parseLong(cell.getStringCellValue().replace(",", ""))
            : (long) cell.getNumericCellValue();
        assertTrue(r % 5 == 0, name + " shows " + r + ", not rounded to 5");
        v.lower(r == 0 ? 0 : Math.max(5, r - 2)).upper(r == 0 ? 0 : r + 2);
        shownAs.put(name, "shown");
      } else {
        String t = cell.getStringCellValue();
        if (t.equals("fewer than 5")) {
          v.lower(1).upper(4);
        } else if (t.equals("withheld")) {
          v.lower(1).upper(1_000_000);
        } else {
          throw new AssertionError(name + " reads '" + t + "'");
        }
        shownAs.put(name, t);
      }
      vars.put(name, v);
    }

    /** total = sum of parts, wherever all of them are on the sheets. */
    private void sum(String total, List<String> parts) {
      if (!vars.containsKey(total) || !parts.stream().allMatch(vars::containsKey)) {
        return;
      }
      Expression e = model.addExpression().level(0);
      e.set(vars.get(total), -1);
      parts.forEach(p -> e.set(vars.get(p), 1));
    }

    int check(String workbookName) {
      Map<String, List<String>> groupsOf = new HashMap<>();
      List<String> scopes = new ArrayList<>();
      for (Characteristic c : Characteristic.values()) {
        Sheet s = wb.getSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(c.label()));
        if (s == null) {
          continue;
        }
        Map<Integer, String> header = new HashMap<>();
        for (Row r : s) {
          Cell first = r.getCell(0);
          if (first != null && first.getCellType() == CellType.STRING
              && first.getStringCellValue().equals("Project")) {
            r.forEach(x -> header.put(x.getColumnIndex(), x.getStringCellValue()));
            continue;
          }
          if (header.isEmpty() || first == null) {
            continue;
          }
          Map<String, Cell> row = new HashMap<>();
          r.forEach(x -> row.put(header.get(x.getColumnIndex()), x));
          String scope = first.getStringCellValue();
          String group = row.get("Group").getStringCellValue();
          if (!scopes.contains(scope)) {
            scopes.add(scope);
          }
          count(scope + "|" + c.code() + "|" + group, row.get("People taking part"));
          count(scope + "|" + c.code() + "|answered", row.get("People who answered"));
          groupsOf.computeIfAbsent(c.code(), k -> new ArrayList<>());
          if (!groupsOf.get(c.code()).contains(group)) {
            groupsOf.get(c.code()).add(group);
          }
        }
      }
      String all = MetricCalculator.ALL_NAME;
      List<String> projects = scopes.stream().filter(x -> !x.equals(all)).toList();
      for (var g : groupsOf.entrySet()) {
        for (String scope : scopes) {
          sum(scope + "|" + g.getKey() + "|answered",
              g.getValue().stream().map(x -> scope + "|" + g.getKey() + "|" + x).toList());
        }
        for (String column : concat(g.getValue(), "answered")) {
          sum(all + "|" + g.getKey() + "|" + column,
              projects.stream().map(p -> p + "|" + g.getKey() + "|" + column).toList());
        }
      }
      // Broad ethnic groups are the sums of their detailed groups, by the published categories.
      for (String scope : scopes) {
        for (Category b : Characteristic.ETHNIC_GROUP_BROAD.categories()) {
          List<String> parts = new ArrayList<>();
          for (Category d : Characteristic.ETHNIC_GROUP.categories()) {
            if (Characteristic.broadEthnicGroupOf(d.code()).equals(b.code())) {
              parts.add(scope + "|ethnic_group|" + d.label());
            }
          }
          sum(scope + "|ethnic_group_broad|" + b.label(), parts);
        }
      }
      int hidden = 0;
      for (var e : vars.entrySet()) {
        if (shownAs.get(e.getKey()).equals("shown")) {
          continue;
        }
        hidden++;
        long min = solve(e.getValue(), true);
        long max = solve(e.getValue(), false);
        assertTrue(max - min + 1 >= 3, workbookName + ": " + e.getKey() + " ("
            + shownAs.get(e.getKey()) + ") narrowed to " + min + " to " + max);
      }
      return hidden;
    }

    private long solve(Variable v, boolean minimise) {
      vars.values().forEach(x -> x.weight(0));
      v.weight(1);
      Optimisation.Result r = minimise ? model.minimise() : model.maximise();
      assertTrue(r.getState().isFeasible(), "the workbook's own figures admit no solution");
      return Math.round(r.getValue());
    }

    private static List<String> concat(List<String> a, String b) {
      List<String> out = new ArrayList<>(a);
      out.add(b);
      return out;
    }
  }
}
