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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.whotakespart.report.History;
import org.whotakespart.report.Phrases;
import org.whotakespart.report.ReportModel;
import org.whotakespart.report.Splits;
import org.whotakespart.stats.Bands;
import org.whotakespart.stats.CategoryCount;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.PeopleRow;
import org.whotakespart.stats.ScopeType;

/**
 * The hostile reader, independent of the pipeline's own audit: workbooks written from data built to
 * tempt (broad minus detailed ethnic groups, all projects minus the projects, a rollup over two
 * hidden projects, a column of small projects under a small all-projects total, a 3-person project
 * in its own split workbook, an all-projects population share weighted by the projects' people, and
 * an earlier quarter on the Trends sheet whose small count the "What changed" lines could pin),
 * read back cell by cell with POI from every sheet that shows counts (Summary, the characteristic
 * sheets, Trends, Data quality), written as equations by this test's own code and solved as integer
 * programmes: every hidden count keeps at least three possible values.
 */
class WorkbookSolverTest {
  @TempDir Path dir;

  static final String NOW = "2025-26 Q2";
  static final String BEFORE = "2025-26 Q1";

  private static ReportModel temptingModel() {
    List<Project> projects = new ArrayList<>();
    List<CategoryCount> counts = new ArrayList<>();
    List<CategoryCount> countsBefore = new ArrayList<>();
    Map<String, Long> people = new LinkedHashMap<>();
    Map<String, Long> others = new LinkedHashMap<>();
    int female = Characteristic.SEX.categoryCodes().indexOf("female");
    int male = Characteristic.SEX.categoryCodes().indexOf("male");
    List<String> detailed = Characteristic.ETHNIC_GROUP.categoryCodes();
    List<String> broad = Characteristic.ETHNIC_GROUP_BROAD.categoryCodes();
    // Seven projects of 10 women and 1 man: all projects' 7 men, rounded to 5, would pin each at 1.
    for (int i = 1; i <= 7; i++) {
      String id = "P" + i;
      projects.add(new Project(id, "Project " + i, "", "ICB", List.of("E1"), 16, "census2021"));
      counts.add(new CategoryCount(id, "sex", female, 10, 0));
      counts.add(new CategoryCount(id, "sex", male, 1, 0));
      countsBefore.add(new CategoryCount(id, "sex", female, 10, 0));
      people.put(id, 11L);
    }
    others.put("P1", 2L);
    // A rollup over two hidden projects: Asian other 6 + 1 + 1 = 8 over all projects.
    long[] asian = {6, 1, 1};
    for (int i = 0; i < 3; i++) {
      String id = "P" + (i + 1);
      counts.add(
          new CategoryCount(id, "ethnic_group", detailed.indexOf("asian_other"), asian[i], 0));
      counts.add(new CategoryCount(id, "ethnic_group", null, 11 - asian[i], 0));
      counts.add(new CategoryCount(id, "ethnic_group_broad", broad.indexOf("asian"), asian[i], 0));
      counts.add(new CategoryCount(id, "ethnic_group_broad", null, 11 - asian[i], 0));
    }
    // Black: African 23, Caribbean 9, other Black 3 = broad Black 35 in one project.
    projects.add(new Project("ETH", "Black forum", "", "ICB", List.of("E1"), 16, "census2021"));
    counts.add(new CategoryCount("ETH", "ethnic_group", detailed.indexOf("black_african"), 23, 0));
    counts.add(new CategoryCount("ETH", "ethnic_group", detailed.indexOf("black_caribbean"), 9, 0));
    counts.add(new CategoryCount("ETH", "ethnic_group", detailed.indexOf("black_other"), 3, 0));
    counts.add(new CategoryCount("ETH", "ethnic_group_broad", broad.indexOf("black"), 35, 0));
    counts.add(new CategoryCount("ETH", "sex", female, 20, 0));
    counts.add(new CategoryCount("ETH", "sex", male, 15, 0));
    countsBefore.add(new CategoryCount("ETH", "sex", female, 20, 0));
    people.put("ETH", 35L);
    others.put("ETH", 6L);
    // A 3-person project, one in each of three age bands, in its own split workbook; its sex
    // baseline differs from the others', so an all-projects population share weighted by exact
    // people answering would give its 3 away.
    projects.add(new Project("TINY", "Tiny panel", "", "ICB", List.of("E1"), 16, "census2021"));
    List<String> ages = Characteristic.AGE_BAND.categoryCodes();
    for (String band : List.of("16_24", "25_34", "35_44")) {
      counts.add(new CategoryCount("TINY", "age_band", ages.indexOf(band), 1, 0));
    }
    counts.add(new CategoryCount("TINY", "sex", female, 2, 0));
    counts.add(new CategoryCount("TINY", "sex", male, 1, 0));
    people.put("TINY", 3L);
    // Three women's walking groups with no men now (under-represented, shown as 0) that had one
    // man each in the quarter before ("in line"): the earlier quarter's 3 men over all projects is
    // "fewer than 5" on the Trends sheet, and each "they were in line" says one of them is theirs.
    for (int i = 1; i <= 3; i++) {
      String id = "W" + i;
      projects.add(
          new Project(id, "Walking group " + i, "", "ICB", List.of("E1"), 16, "census2021"));
      counts.add(new CategoryCount(id, "sex", female, 20, 0));
      countsBefore.add(new CategoryCount(id, "sex", female, 1, 0));
      countsBefore.add(new CategoryCount(id, "sex", male, 1, 0));
      people.put(id, 20L);
    }
    List<ProjectBaseline> baselines = new ArrayList<>();
    for (Project p : projects) {
      for (Characteristic c : Characteristic.values()) {
        for (String category : c.categoryCodes()) {
          long population = 10;
          long all = 10L * c.categoryCodes().size();
          if (c == Characteristic.SEX && p.projectId().equals("TINY")) {
            population = category.equals("male") ? 2 : 18;
          }
          baselines.add(
              new ProjectBaseline(p.projectId(), c.code(), category, population, all, 16));
        }
      }
    }
    List<MetricRow> now = metrics(NOW, projects, counts, baselines);
    List<MetricRow> before = metrics(BEFORE, projects, countsBefore, baselines);
    List<MetricRow> history = new ArrayList<>();
    before.stream()
        .filter(r -> r.known() > 0 || r.scopeType() == ScopeType.ALL)
        .forEach(history::add);
    history.addAll(now);
    List<PeopleRow> peopleRows = new ArrayList<>();
    long measured = 0;
    long everyone = 0;
    for (var e : people.entrySet()) {
      long o = others.getOrDefault(e.getKey(), 0L);
      peopleRows.add(
          new PeopleRow(
              NOW, ScopeType.PROJECT, e.getKey(), e.getKey(), PeopleRow.MEASURED, e.getValue()));
      peopleRows.add(
          new PeopleRow(
              NOW,
              ScopeType.PROJECT,
              e.getKey(),
              e.getKey(),
              PeopleRow.EVERYONE,
              e.getValue() + o));
      measured += e.getValue();
      everyone += e.getValue() + o;
    }
    String all = MetricCalculator.ALL_ID;
    String allName = MetricCalculator.ALL_NAME;
    peopleRows.add(new PeopleRow(NOW, ScopeType.ALL, all, allName, PeopleRow.MEASURED, measured));
    peopleRows.add(new PeopleRow(NOW, ScopeType.ALL, all, allName, PeopleRow.EVERYONE, everyone));
    peopleRows.add(new PeopleRow(NOW, ScopeType.ALL, all, allName, "lived_experience", measured));
    peopleRows.add(
        new PeopleRow(NOW, ScopeType.ALL, all, allName, "professional", everyone - measured));
    return new ReportModel(
        Period.parse(NOW),
        allName,
        "test",
        Bands.DEFAULT,
        5,
        List.of("lived_experience"),
        projects,
        now,
        before.stream().filter(r -> r.scopeType() == ScopeType.PROJECT).toList(),
        people,
        peopleRows,
        new DataQuality(List.of(), Map.of(), Map.of(), 0, 0, List.of()),
        List.of(),
        Map.of(),
        new History(List.of(BEFORE, NOW), history, Map.of(), List.of(), ScopeType.ALL, all));
  }

  private static List<MetricRow> metrics(
      String period,
      List<Project> projects,
      List<CategoryCount> counts,
      List<ProjectBaseline> baselines) {
    MetricCalculator calc = new MetricCalculator(period, Bands.DEFAULT);
    List<MetricRow> rows = calc.projectMetrics(projects, counts, baselines);
    List<MetricRow> all = new ArrayList<>(rows);
    all.addAll(
        calc.rollup(
            ScopeType.ALL, rows, MetricCalculator.scopes(ScopeType.ALL, projects, Map.of())));
    all.sort(MetricCalculator.ORDER);
    return all;
  }

  @Test
  void noHiddenCountInAnyWorkbookHasFewerThanThreePossibleValues() throws IOException {
    ReportModel model = temptingModel();
    Map<String, ReportModel> workbooks = new LinkedHashMap<>();
    workbooks.put("all", model);
    workbooks.putAll(Splits.of(model, SplitBy.PROJECT));
    int hidden = 0;
    int pastHidden = 0;
    int headCounts = 0;
    for (var e : workbooks.entrySet()) {
      Path xlsx = dir.resolve(Splits.slug(e.getKey()) + ".xlsx");
      BoardView board = BoardView.of(e.getValue());
      board.requirePasses(xlsx.toString());
      WorkbookWriter.write(e.getValue(), board, List.of(), xlsx);
      try (InputStream in = Files.newInputStream(xlsx);
          Workbook wb = WorkbookFactory.create(in)) {
        Reader reader = new Reader(wb, e.getValue().projects().size());
        hidden += reader.check(e.getKey());
        pastHidden += reader.pastHidden;
        headCounts += reader.headCounts;
      }
    }
    assertTrue(hidden > 20, "the data was built to need hiding: " + hidden);
    assertTrue(pastHidden > 0, "the Trends sheet's earlier quarter was read: " + pastHidden);
    assertTrue(headCounts > 20, "the head counts were read: " + headCounts);
  }

  /** A linear (in)equation lo <= sum of coefficient × variable <= hi. */
  private record Equation(Map<String, Double> terms, double lo, double hi) {}

  /** A reader of one workbook: every count it shows, as equations. */
  private static final class Reader {
    private static final Pattern COUNT = Pattern.compile("[0-9,]+|fewer than 5|withheld");
    private final Workbook wb;
    private final int projectCount;
    private final Map<String, long[]> bounds = new LinkedHashMap<>();
    private final Map<String, String> shownAs = new HashMap<>();
    private final List<Equation> equations = new ArrayList<>();

    /**
     * Hypotheses a reader tries (true of real data, maybe not of this test's): kept if feasible.
     */
    private final List<Equation> hypotheses = new ArrayList<>();

    private final Map<String, Double> localShare = new HashMap<>();
    private final Map<String, List<String>> projectsOf = new HashMap<>();
    int pastHidden;
    int headCounts;

    Reader(Workbook wb, int projectCount) {
      this.wb = wb;
      this.projectCount = projectCount;
    }

    private void variable(String name, long lo, long hi) {
      long[] b = bounds.get(name);
      if (b == null) {
        bounds.put(name, new long[] {lo, hi});
      } else {
        b[0] = Math.max(b[0], lo);
        b[1] = Math.min(b[1], hi);
      }
    }

    /** A count as the reader knows it: a rounded number, "fewer than 5", "withheld" or 0. */
    private void count(String name, Cell cell) {
      if (bounds.containsKey(name) || cell == null) {
        return;
      }
      if (cell.getCellType() == CellType.NUMERIC) {
        count(name, Long.toString((long) cell.getNumericCellValue()));
      } else {
        count(name, cell.getStringCellValue());
      }
    }

    private void count(String name, String text) {
      if (bounds.containsKey(name)) {
        return;
      }
      if (text.matches("[0-9,]+")) {
        long r = Long.parseLong(text.replace(",", ""));
        assertTrue(r % 5 == 0, name + " shows " + r + ", not rounded to 5");
        variable(name, r == 0 ? 0 : Math.max(5, r - 2), r == 0 ? 0 : r + 2);
        shownAs.put(name, "shown");
      } else if (text.equals("fewer than 5")) {
        variable(name, 1, 4);
        shownAs.put(name, text);
      } else if (text.equals("withheld")) {
        variable(name, 1, 1_000_000);
        shownAs.put(name, text);
      } else {
        throw new AssertionError(name + " reads '" + text + "'");
      }
    }

    private static Map<String, Double> terms(Object... pairs) {
      Map<String, Double> m = new LinkedHashMap<>();
      for (int i = 0; i < pairs.length; i += 2) {
        m.merge((String) pairs[i], ((Number) pairs[i + 1]).doubleValue(), Double::sum);
      }
      return m;
    }

    /** total = sum of parts, wherever all of them are shown somewhere. */
    private void sum(String total, List<String> parts, List<Equation> into) {
      if (!bounds.containsKey(total) || !parts.stream().allMatch(bounds::containsKey)) {
        return;
      }
      Map<String, Double> t = new LinkedHashMap<>();
      parts.forEach(p -> t.merge(p, 1.0, Double::sum));
      t.merge(total, -1.0, Double::sum);
      into.add(new Equation(t, 0, 0));
    }

    private static String text(Cell c) {
      if (c == null) {
        return null;
      }
      return c.getCellType() == CellType.STRING
          ? c.getStringCellValue()
          : c.getCellType() == CellType.NUMERIC
              ? Long.toString((long) c.getNumericCellValue())
              : null;
    }

    int check(String workbookName) {
      Map<String, List<String>> groupsOf = new HashMap<>();
      List<String> scopes = new ArrayList<>();
      String all = MetricCalculator.ALL_NAME;
      for (Characteristic c : Characteristic.values()) {
        Sheet s = wb.getSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(c.label()));
        if (s == null) {
          continue;
        }
        Map<Integer, String> header = new HashMap<>();
        for (Row r : s) {
          Cell first = r.getCell(0);
          if (first != null
              && first.getCellType() == CellType.STRING
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
          Cell local = row.get("Local population share");
          if (local != null && local.getCellType() == CellType.NUMERIC) {
            localShare.put(scope + "|" + c.code() + "|" + group, local.getNumericCellValue());
          }
          groupsOf.computeIfAbsent(c.code(), k -> new ArrayList<>());
          if (!groupsOf.get(c.code()).contains(group)) {
            groupsOf.get(c.code()).add(group);
          }
        }
      }
      List<String> projects = scopes.stream().filter(x -> !x.equals(all)).toList();
      for (var g : groupsOf.entrySet()) {
        for (String scope : scopes) {
          sum(
              scope + "|" + g.getKey() + "|answered",
              g.getValue().stream().map(x -> scope + "|" + g.getKey() + "|" + x).toList(),
              equations);
        }
        for (String column : concat(g.getValue(), "answered")) {
          sum(
              all + "|" + g.getKey() + "|" + column,
              projects.stream().map(p -> p + "|" + g.getKey() + "|" + column).toList(),
              equations);
        }
        // All projects' local population share, if it were the projects' shares weighted by
        // their exact people answering: sum of answered × (project share − all share) = 0.
        for (String group : g.getValue()) {
          Double p0 = localShare.get(all + "|" + g.getKey() + "|" + group);
          if (p0 == null) {
            continue;
          }
          Map<String, Double> t = new LinkedHashMap<>();
          boolean varies = false;
          for (String p : projects) {
            Double pp = localShare.get(p + "|" + g.getKey() + "|" + group);
            if (pp != null) {
              t.merge(p + "|" + g.getKey() + "|answered", pp - p0, Double::sum);
              varies |= Math.abs(pp - p0) > 1e-12;
            }
          }
          if (varies) {
            hypotheses.add(new Equation(t, -1e-7, 1e-7));
          }
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
          sum(scope + "|ethnic_group_broad|" + b.label(), parts, equations);
        }
      }
      projectsOf.put("", projects);
      summary(projects);
      dataQuality();
      String earlier = trends();
      whatChanged(earlier, projects);
      return solveAll(workbookName);
    }

    /** The Summary's head counts, and each project's on the Projects sheet. */
    private void summary(List<String> projects) {
      headCounts(wb.getSheet("Summary"));
      headCounts(wb.getSheet("Projects"));
      sum("people", projects.stream().map(p -> p + "|people").toList(), equations);
      if (projects.size() == 1) {
        sum("distinct", List.of("people"), equations);
        sum("others", List.of(projects.get(0) + "|others"), equations);
      }
    }

    /** A headline's count as a table cell would read it. */
    private static String headline(String count) {
      return count.equalsIgnoreCase("fewer than 5")
          ? "fewer than 5"
          : count.equalsIgnoreCase("some") ? "withheld" : count;
    }

    private void headCounts(Sheet s) {
      assertTrue(s != null, "the workbook has a Summary and a Projects sheet");
      // "N different people took part as ... (M when a person is counted once in each project
      // they joined), and K people in other roles"; a hidden count reads "Fewer than 5" or
      // "Some", and a hidden M leaves its clause out.
      String hidden = "|[Ff]ewer than 5|[Ss]ome";
      Pattern headline =
          Pattern.compile(
              "("
                  + COUNT
                  + hidden
                  + ") different people took part as"
                  + "[^(]*(?:\\(("
                  + COUNT
                  + ") when a person is counted once in each project they"
                  + " joined\\))?, and ("
                  + COUNT
                  + hidden
                  + ") people in other roles");
      boolean inProjects = false;
      for (Row r : s) {
        String a = text(r.getCell(0));
        String b = text(r.getCell(1));
        if (a != null) {
          Matcher m = headline.matcher(a);
          if (m.find()) {
            count("distinct", headline(m.group(1)));
            count("people", m.group(2) == null ? "withheld" : m.group(2));
            count("others", headline(m.group(3)));
            headCounts += 3;
          }
        }
        if ("Project".equals(b)
            && text(r.getCell(3)) != null
            && text(r.getCell(3)).startsWith("People taking part")) {
          inProjects = true;
          continue;
        }
        if (inProjects && b != null && text(r.getCell(3)) != null) {
          Matcher m =
              Pattern.compile("(" + COUNT + ") \\((" + COUNT + ")\\)").matcher(text(r.getCell(3)));
          assertTrue(m.matches(), "Summary reads '" + text(r.getCell(3)) + "'");
          count(b + "|people", m.group(1));
          count(b + "|others", m.group(2));
          headCounts += 2;
        }
      }
    }

    /** Data quality: people by role, and answered and not answered over all projects. */
    private void dataQuality() {
      Sheet s = wb.getSheet("Data quality");
      boolean complete = false;
      for (Row r : s) {
        String a = text(r.getCell(0));
        if (a == null) {
          complete = false;
          continue;
        }
        if (a.endsWith("(compared with the population)") || a.endsWith("(reported separately)")) {
          count("role|" + a, text(r.getCell(1)));
          headCounts++;
        }
        if (a.equals("Characteristic") && "Answered".equals(text(r.getCell(1)))) {
          complete = true;
          continue;
        }
        if (complete) {
          Characteristic c =
              java.util.Arrays.stream(Characteristic.values())
                  .filter(x -> x.label().equals(a))
                  .findFirst()
                  .orElse(null);
          if (c == null) {
            complete = false;
            continue;
          }
          String answered = MetricCalculator.ALL_NAME + "|" + c.code() + "|answered";
          count(answered, r.getCell(1));
          count("unknown|" + c.code(), r.getCell(2));
          // Answered plus not answered are the people taking part (each counted once a project).
          Map<String, Double> t = terms(answered, 1, "unknown|" + c.code(), 1, "people", -1);
          hypotheses.add(new Equation(t, 0, 0));
        }
      }
    }

    /**
     * The Trends sheet's earlier quarters: each ratio is the group's rounded count over the
     * quarter's rounded people answering, over the population share (read from the characteristic
     * sheet): with 5k the rounded people answering, each shown count lies within 2 of ratio × share
     * × 5k. Returns the quarter before the reported one, or null.
     */
    private String trends() {
      Sheet s = wb.getSheet("Trends");
      if (s == null) {
        return null;
      }
      List<String> quarters = new ArrayList<>();
      Map<String, List<String>> parts = new LinkedHashMap<>();
      for (Row r : s) {
        if ("Characteristic".equals(text(r.getCell(0)))) {
          for (int i = 2;
              text(r.getCell(i)) != null && text(r.getCell(i)).matches("\\d{4}-\\d\\d Q\\d");
              i++) {
            quarters.add(text(r.getCell(i)));
          }
          continue;
        }
        if (quarters.isEmpty() || text(r.getCell(0)) == null) {
          continue;
        }
        String label = text(r.getCell(0));
        Characteristic c =
            java.util.Arrays.stream(Characteristic.values())
                .filter(x -> x.label().equals(label))
                .findFirst()
                .orElse(null);
        if (c == null) {
          continue; // a note between the followed groups and the rest
        }
        String group = text(r.getCell(1));
        Double p0 = localShare.get(MetricCalculator.ALL_NAME + "|" + c.code() + "|" + group);
        // The last quarter is the reported one, already read from the characteristic sheets.
        for (int i = 0; i < quarters.size() - 1; i++) {
          String q = quarters.get(i);
          Cell cell = r.getCell(2 + i);
          String k = "k|" + q + "|" + c.code();
          String total = "past|" + q + "|" + c.code() + "|answered";
          String name = "past|" + q + "|" + c.code() + "|" + group;
          if (cell.getCellType() == CellType.NUMERIC) {
            assertTrue(p0 != null, "a ratio with no population share to read it by");
            double share = cell.getNumericCellValue() * p0;
            variable(k, 1, 1_000_000);
            variable(total, 0, 1_000_000);
            if (share < 1e-12) {
              variable(name, 0, 0);
            } else {
              variable(name, 5, 1_000_000);
              equations.add(new Equation(terms(name, 1, k, -5 * share), -2 - 1e-6, 2 + 1e-6));
            }
            shownAs.put(name, "shown");
          } else if (!text(cell).equals("no data") && !text(cell).equals("no baseline")) {
            count(name, text(cell));
            pastHidden++;
            variable(total, 0, 1_000_000);
          } else {
            continue;
          }
          parts.computeIfAbsent(q + "|" + c.code(), x -> new ArrayList<>()).add(name);
        }
      }
      for (var e : parts.entrySet()) {
        String[] qc = e.getKey().split("\\|");
        String total = "past|" + qc[0] + "|" + qc[1] + "|answered";
        String k = "k|" + qc[0] + "|" + qc[1];
        if (bounds.containsKey(k)) {
          equations.add(new Equation(terms(total, 1, k, -5), -2, 2));
        }
        sum(total, e.getValue(), equations);
      }
      return quarters.size() < 2 ? null : quarters.get(quarters.size() - 2);
    }

    /**
     * "What changed": "they were in line" (or over-represented) says at least one of the group took
     * part in that project in the quarter before; every earlier status says at least one person
     * answered. Those add up, with the projects not named, to the quarter's figures.
     */
    private void whatChanged(String earlier, List<String> projects) {
      Pattern worse =
          Pattern.compile(
              "Worse: (.+) are now under-represented in (.+) \\(they were"
                  + " (.+) in (\\d{4}-\\d\\d Q\\d)\\)\\.");
      Map<String, List<String>> named = new LinkedHashMap<>();
      Map<String, List<String>> namedAnswered = new LinkedHashMap<>();
      for (Row r : wb.getSheet("Projects")) {
        String a = text(r.getCell(0));
        Matcher m = a == null ? null : worse.matcher(a);
        if (m == null || !m.matches()) {
          continue;
        }
        String[] cg = group(m.group(1));
        String q = m.group(4);
        String x = "before|" + q + "|" + m.group(2) + "|" + cg[0] + "|" + cg[1];
        String n = "before|" + q + "|" + m.group(2) + "|" + cg[0] + "|answered";
        boolean some =
            List.of("in line", "over-represented", "possibly over-represented")
                .contains(m.group(3));
        variable(x, some ? 1 : 0, 1_000_000);
        variable(n, 1, 1_000_000);
        equations.add(new Equation(terms(x, 1, n, -1), -1_000_000, 0));
        shownAs.put(x, "before");
        named
            .computeIfAbsent("past|" + q + "|" + cg[0] + "|" + cg[2], k -> new ArrayList<>())
            .add(x);
        namedAnswered
            .computeIfAbsent("past|" + q + "|" + cg[0] + "|answered", k -> new ArrayList<>())
            .add(n);
      }
      named.putAll(namedAnswered);
      for (var e : named.entrySet()) {
        if (!bounds.containsKey(e.getKey())) {
          continue;
        }
        String rest = e.getKey() + "|rest";
        variable(rest, 0, projects.size() == 1 ? 0 : 1_000_000);
        Map<String, Double> t = new LinkedHashMap<>();
        e.getValue().forEach(v -> t.merge(v, 1.0, Double::sum));
        t.put(rest, 1.0);
        t.put(e.getKey(), -1.0);
        equations.add(new Equation(t, 0, 0));
      }
    }

    /** The characteristic, category and label of "Men and boys" and the like. */
    private static String[] group(String words) {
      for (Characteristic c : Characteristic.values()) {
        for (Category g : c.categories()) {
          if (c != Characteristic.ETHNIC_GROUP_BROAD
              && Phrases.capitalise(Phrases.people(c.code(), g.code())).equals(words)) {
            return new String[] {c.code(), g.code(), g.label()};
          }
        }
      }
      throw new AssertionError("no group reads '" + words + "'");
    }

    private ExpressionsBasedModel model(List<Equation> with, Map<String, Variable> vars) {
      ExpressionsBasedModel m = new ExpressionsBasedModel();
      bounds.forEach(
          (name, b) -> vars.put(name, m.addVariable(name).integer(true).lower(b[0]).upper(b[1])));
      int i = 0;
      // Each bound also as a constraint: ojAlgo's presolve may fix a variable in no constraint.
      for (var e : bounds.entrySet()) {
        m.addExpression("b" + i++)
            .lower(e.getValue()[0])
            .upper(e.getValue()[1])
            .set(vars.get(e.getKey()), 1);
      }
      for (Equation e : with) {
        Expression x = m.addExpression("e" + i++).lower(e.lo()).upper(e.hi());
        e.terms()
            .forEach(
                (v, c) -> {
                  assertTrue(
                      vars.containsKey(v),
                      "a figure read from the workbook and never bounded: " + v);
                  x.set(vars.get(v), c);
                });
      }
      return m;
    }

    private boolean feasible(List<Equation> with) {
      Map<String, Variable> vars = new HashMap<>();
      return model(with, vars).minimise().getState().isFeasible();
    }

    int solveAll(String workbookName) {
      assertTrue(
          feasible(equations),
          workbookName + ": the workbook's own figures admit no" + " solution");
      List<Equation> kept = new ArrayList<>(equations);
      for (Equation h : hypotheses) {
        kept.add(h);
        if (!feasible(kept)) {
          kept.remove(kept.size() - 1);
        }
      }
      Map<String, Variable> vars = new HashMap<>();
      ExpressionsBasedModel m = model(kept, vars);
      int hidden = 0;
      for (var e : vars.entrySet()) {
        if (shownAs.get(e.getKey()) == null || shownAs.get(e.getKey()).equals("shown")) {
          continue;
        }
        hidden++;
        long min = solve(m, vars, e.getValue(), true);
        long max = solve(m, vars, e.getValue(), false);
        assertTrue(
            max - min + 1 >= 3,
            workbookName
                + ": "
                + e.getKey()
                + " ("
                + shownAs.get(e.getKey())
                + ") narrowed to "
                + min
                + " to "
                + max);
      }
      return hidden;
    }

    private static long solve(
        ExpressionsBasedModel m, Map<String, Variable> vars, Variable v, boolean minimise) {
      vars.values().forEach(x -> x.weight(0));
      v.weight(1);
      Optimisation.Result r = minimise ? m.minimise() : m.maximise();
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
