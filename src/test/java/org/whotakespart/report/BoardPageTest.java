package org.whotakespart.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.Project;
import org.whotakespart.stats.Bands;
import org.whotakespart.stats.CategoryCount;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;
import org.whotakespart.stats.Trend;
import org.whotakespart.testing.SexModels;

/**
 * Page 1 on a hand-made model: two projects of 200 people in every quarter; men are a quarter of
 * them against half of the population (persistently), people aged 25 to 34 lately fewer than their
 * ninth, and hardly anyone is "not disabled" (an absence-side group, never a headline).
 */
class BoardPageTest {
  private static final List<String> QUARTERS =
      List.of("2024-25 Q2", "2024-25 Q3", "2024-25 Q4", "2025-26 Q1", "2025-26 Q2");
  private static final List<Project> PROJECTS =
      List.of(
          new Project("Z", "Zeta panel", "", "B ICB", List.of("E1"), 0, "census2021"),
          new Project("A", "Alpha forum", "", "A ICB", List.of("E1"), 0, "census2021"));

  /** One quarter's rows: each project has {@code men} men and {@code age25} aged 25 to 34. */
  private static List<MetricRow> quarter(String label, int men, int age25) {
    List<CategoryCount> counts = new ArrayList<>();
    List<ProjectBaseline> baselines = new ArrayList<>();
    List<String> sex = Characteristic.SEX.categoryCodes();
    List<String> ages = Characteristic.AGE_BAND.categoryCodes();
    List<String> disability = Characteristic.DISABILITY.categoryCodes();
    for (Project p : PROJECTS) {
      String id = p.projectId();
      counts.add(new CategoryCount(id, "sex", sex.indexOf("male"), men, 0));
      counts.add(new CategoryCount(id, "sex", sex.indexOf("female"), 200 - men, 0));
      for (String band : ages) {
        long n = band.equals("25_34") ? age25 : band.equals("16_24") ? 46 - age25 : 22;
        counts.add(new CategoryCount(id, "age_band", ages.indexOf(band), n, 0));
      }
      counts.add(new CategoryCount(id, "disability", disability.indexOf("limited_a_lot"), 100, 0));
      counts.add(
          new CategoryCount(id, "disability", disability.indexOf("limited_a_little"), 90, 0));
      counts.add(new CategoryCount(id, "disability", disability.indexOf("not_disabled"), 10, 0));
      for (Characteristic c :
          List.of(Characteristic.SEX, Characteristic.AGE_BAND, Characteristic.DISABILITY)) {
        for (String category : c.categoryCodes()) {
          baselines.add(
              new ProjectBaseline(id, c.code(), category, 10, 10L * c.categoryCodes().size(), 0));
        }
      }
    }
    MetricCalculator calc = new MetricCalculator(label, Bands.DEFAULT);
    List<MetricRow> rows = calc.projectMetrics(PROJECTS, counts, baselines);
    List<MetricRow> all = new ArrayList<>(rows);
    all.addAll(
        calc.rollup(
            ScopeType.ALL, rows, MetricCalculator.scopes(ScopeType.ALL, PROJECTS, Map.of())));
    all.sort(MetricCalculator.ORDER);
    return all;
  }

  private static ReportModel model() {
    // Men per project: 30, 35, 40, 47, 50; aged 25 to 34: 20 a year ago, 8 in the last two.
    int[] men = {30, 35, 40, 47, 50};
    int[] age25 = {20, 20, 20, 8, 8};
    List<MetricRow> history = new ArrayList<>();
    List<MetricRow> now = null;
    for (int i = 0; i < QUARTERS.size(); i++) {
      List<MetricRow> q = quarter(QUARTERS.get(i), men[i], age25[i]);
      history.addAll(q);
      now = q;
    }
    Map<Trend.Key, Trend> trends = Trend.of(QUARTERS, history);
    List<MetricRow> all = history.stream().filter(r -> r.scopeType() == ScopeType.ALL).toList();
    Map<String, Long> people = new LinkedHashMap<>();
    PROJECTS.forEach(p -> people.put(p.projectId(), 200L));
    return new ReportModel(
        Period.parse("2025-26 Q2"),
        MetricCalculator.ALL_NAME,
        "test",
        Bands.DEFAULT,
        5,
        List.of("lived_experience"),
        PROJECTS,
        now,
        List.of(),
        people,
        List.of(),
        new DataQuality(List.of(), Map.of(), Map.of(), 0, 0, List.of()),
        List.of(),
        Map.of(),
        new History(QUARTERS, all, trends, List.of(), ScopeType.ALL, MetricCalculator.ALL_ID));
  }

  @Test
  void gapsAreRankedBySignificanceThenPeopleAndNeverFromTheAbsenceSide() {
    ReportModel model = model();
    BoardPage page = BoardPage.of(model, BoardView.of(model));
    List<BoardPage.Gap> gaps = page.gaps();
    // Men: 100 of 400 against half (expected 200): 100 short. Aged 25 to 34: 16 of 400, shown
    // as 15, against a ninth (expected 44.4): 29 short. "Not disabled" (20 of 400 against a third)
    // is the largest gap in people but never a headline.
    assertEquals(List.of("male", "25_34"), gaps.stream().map(BoardPage.Gap::category).toList());
    assertEquals(
        "About 100 more men and boys would match the local population (100 took part;"
            + " about 200 expected).",
        gaps.get(0).words());
    assertEquals(100L, gaps.get(0).shortfall());
    assertEquals(
        "About 29 more people aged 25 to 34 would match the local population (15 took"
            + " part; about 44 expected).",
        gaps.get(1).words());
    assertTrue(
        gaps.stream().noneMatch(g -> BoardPage.isAbsenceSide(g.characteristic(), g.category())));
    assertEquals(
        Status.UNDER_REPRESENTED,
        model.metrics().stream()
            .filter(r -> r.scopeType() == ScopeType.ALL && r.category().equals("not_disabled"))
            .findFirst()
            .orElseThrow()
            .status(),
        "the model does tempt the page with it");
  }

  @Test
  void eachGapHasItsDirectionSinceLastQuarterAndAYearAgo() {
    ReportModel model = model();
    BoardPage page = BoardPage.of(model, BoardView.of(model));
    BoardPage.Gap men = page.gaps().get(0);
    // Men 95 then 100 of 400: z = 0.37, no clear change; 60 a year ago: z = 3.54, better.
    assertEquals(Direction.NO_CLEAR_CHANGE, men.sinceLastQuarter());
    assertEquals(Direction.BETTER, men.sinceYearAgo());
    assertEquals(5, men.quartersUnder());
    BoardPage.Gap age = page.gaps().get(1);
    // 16 (shown 15) of 400 now, 40 a year ago: z = -3.49, worse; 16 last quarter: no change.
    assertEquals(Direction.NO_CLEAR_CHANGE, age.sinceLastQuarter());
    assertEquals(Direction.WORSE, age.sinceYearAgo());
    assertEquals("2025-26 Q1", page.lastQuarter());
    assertEquals("2024-25 Q2", page.yearAgo());
  }

  @Test
  void onePersistentLinePerPersistentGap() {
    ReportModel model = model();
    BoardPage page = BoardPage.of(model, BoardView.of(model));
    assertEquals(1, page.persistent().size(), "only men are under-represented 4 quarters or more");
    BoardPage.Persistent p = page.persistent().get(0);
    assertEquals(0.5, p.ratioNow(), 1e-12);
    assertEquals(0.3, p.ratioThen(), 1e-12);
    assertEquals(
        "Men and boys: 5 quarters running; ratio 0.50 now, 0.30 in 2024-25 Q2: getting"
            + " better, still short.",
        p.words());
  }

  @Test
  void theHeatMapHasAllProjectsFirstThenProjectsByCommissionerAndTheMostSeriousStatus() {
    ReportModel model = model();
    BoardPage page = BoardPage.of(model, BoardView.of(model));
    assertEquals(
        List.of("All projects", "Alpha forum", "Zeta panel"),
        page.heatMap().stream().map(BoardPage.HeatRow::name).toList());
    assertFalse(page.columns().contains(Characteristic.ETHNIC_GROUP));
    BoardPage.HeatRow alpha = page.heatMap().get(1);
    Map<Characteristic, Status> cells = new LinkedHashMap<>();
    alpha.cells().forEach(c -> cells.put(c.characteristic(), c.status()));
    assertEquals(Status.UNDER_REPRESENTED, cells.get(Characteristic.SEX));
    assertEquals(Status.UNDER_REPRESENTED, cells.get(Characteristic.AGE_BAND));
    // Disability: "not disabled" is left out, so the cell says the disabled groups are over.
    assertEquals(Status.OVER_REPRESENTED, cells.get(Characteristic.DISABILITY));
    assertEquals(Status.NO_DATA, cells.get(Characteristic.RELIGION));
  }

  @Test
  void anAllProjectsGapWithoutAnExpectedCountTheBoardCanSeeIsWordedWithoutOne() {
    // Five projects of 4 women and no men, men 40 % to 60 % of their populations. Each project's
    // people answering (4) is hidden, so the board cannot weight the projects' shares into one;
    // all projects' 20 people and 0 men are shown, and men are under-represented.
    List<Project> projects = new ArrayList<>();
    List<CategoryCount> counts = new ArrayList<>();
    List<ProjectBaseline> baselines = new ArrayList<>();
    Map<String, Long> people = new LinkedHashMap<>();
    List<String> sex = Characteristic.SEX.categoryCodes();
    for (int i = 0; i < 5; i++) {
      String id = "P" + i;
      projects.add(new Project(id, "Project " + i, "", "ICB", List.of("E1"), 0, "census2021"));
      counts.add(new CategoryCount(id, "sex", sex.indexOf("female"), 4, 0));
      counts.add(new CategoryCount(id, "sex", sex.indexOf("male"), 0, 0));
      long men = 40 + 5 * i;
      baselines.add(new ProjectBaseline(id, "sex", "female", 100 - men, 100, 0));
      baselines.add(new ProjectBaseline(id, "sex", "male", men, 100, 0));
      people.put(id, 4L);
    }
    ReportModel model =
        SexModels.ofCounts(
            projects,
            counts,
            baselines,
            people,
            new DataQuality(List.of(), Map.of(), Map.of(), 0, 0, List.of()));
    BoardView board = BoardView.of(model);
    MetricRow allMen =
        model.metrics().stream()
            .filter(r -> r.scopeType() == ScopeType.ALL && r.category().equals("male"))
            .findFirst()
            .orElseThrow();
    assertEquals(Status.UNDER_REPRESENTED, allMen.status());
    assertTrue(board.isCountShown(allMen));
    assertNull(board.displayed(allMen).expected(), "no weights a board can see");
    assertFalse(board.isShortfallShown(allMen));
    BoardPage.Gap men = BoardPage.of(model, board).gaps().get(0);
    assertEquals("male", men.category());
    assertEquals(
        "Men and boys are under-represented (0 took part; how many more would match the local"
            + " population is not shown, to protect privacy).",
        men.words());
    assertNull(men.shortfall());
  }

  @Test
  void aStatusThatIsNotShownNeverReachesTheHeatMap() {
    // One tiny project: 3 people, 1 man. Its statuses beside "fewer than 5" are shown only where
    // the same for 1 to 4 men; the heat map uses no other.
    ReportModel model =
        SexModels.oneProject(
            new Project("T", "Tiny", "", "ICB", List.of("E1"), 0, "census2021"),
            2,
            1,
            10,
            10,
            20,
            new DataQuality(List.of(), Map.of(), Map.of(), 0, 0, List.of()));
    List<MetricRow> rows = model.metrics();
    BoardView board = BoardView.of(model);
    BoardPage page = BoardPage.of(model, board);
    assertTrue(page.gaps().isEmpty());
    for (BoardPage.HeatRow h : page.heatMap()) {
      Status cell = h.cells().get(page.columns().indexOf(Characteristic.SEX)).status();
      boolean anyShown =
          rows.stream()
              .filter(r -> r.scopeId().equals(h.scopeId()) && r.characteristic().equals("sex"))
              .anyMatch(board::isStatusShown);
      if (anyShown) {
        assertTrue(cell != null);
      } else {
        assertNull(cell, h.name());
      }
    }
  }

  @Test
  void theTrendsSheetGetsTheSameDirectionSinceAYearAgo() {
    ReportModel model = model();
    BoardView board = BoardView.of(model);
    TrendView.Line men =
        TrendView.lines(model, board).stream()
            .filter(l -> l.category().equals("male"))
            .findFirst()
            .orElseThrow();
    assertEquals(Direction.BETTER, men.sinceYearAgo());
    TrendView.Line age =
        TrendView.lines(model, board).stream()
            .filter(l -> l.category().equals("25_34"))
            .findFirst()
            .orElseThrow();
    assertEquals(Direction.WORSE, age.sinceYearAgo());
  }
}
