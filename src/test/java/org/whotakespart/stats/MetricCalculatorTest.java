package org.whotakespart.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.Project;

class MetricCalculatorTest {
  private final MetricCalculator calc = new MetricCalculator("2025-26 Q2", Bands.DEFAULT);

  private static MetricRow find(
      List<MetricRow> rows, String scope, String characteristic, String category) {
    return rows.stream()
        .filter(
            r ->
                r.scopeId().equals(scope)
                    && r.characteristic().equals(characteristic)
                    && r.category().equals(category))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aShareIsComparedWithItsBaseline() {
    // 4 of 20 people; p0 = 0.3: expected 6, shortfall 2, ratio 0.2 / 0.3.
    MetricRow r = calc.metric(ScopeType.PROJECT, "A", "A", "sex", "male", 4, 20, 3, 0.3);
    assertEquals(0.2, r.share(), 1e-15);
    assertEquals(6.0, r.expected(), 1e-12);
    assertEquals(2.0, r.shortfall(), 1e-12);
    assertEquals(0.2 / 0.3, r.ratio(), 1e-15);
    assertEquals(0.080657662579798076 / 0.3, r.ratioCi95().low(), 1e-14);
    assertEquals(0.41601743225189353 / 0.3, r.ratioCi95().high(), 1e-14);
    // ratio 0.667 < 0.8 but the 95% high (0.416) is above p0 (0.3): not significant.
    assertEquals(Status.POSSIBLY_UNDER_REPRESENTED, r.status());
    assertEquals(20.0 / 23.0, r.completeness(), 1e-15);
  }

  @Test
  void noPeopleKnownIsNoData() {
    MetricRow r = calc.metric(ScopeType.PROJECT, "A", "A", "sex", "male", 0, 0, 5, 0.5);
    assertEquals(Status.NO_DATA, r.status());
    assertNull(r.share());
    assertNull(r.shareCi95());
    assertNull(r.ratio());
    assertEquals(0.0, r.expected());
  }

  @Test
  void aMissingOrZeroBaselineIsNoBaseline() {
    MetricRow missing = calc.metric(ScopeType.PROJECT, "A", "A", "sex", "male", 3, 10, 0, null);
    assertEquals(Status.NO_BASELINE, missing.status());
    assertNull(missing.ratio());
    assertNull(missing.expected());
    MetricRow zero = calc.metric(ScopeType.PROJECT, "A", "A", "sex", "male", 3, 10, 0, 0.0);
    assertEquals(Status.NO_BASELINE, zero.status());
    assertNull(zero.ratio());
  }

  @Test
  void aWholePopulationBaselineStillWorks() {
    // p0 = 1: everyone locally is in the group; 10 of 10 took part.
    MetricRow r = calc.metric(ScopeType.PROJECT, "A", "A", "sex", "female", 10, 10, 0, 1.0);
    assertEquals(1.0, r.ratio());
    assertEquals(Status.IN_LINE, r.status());
    assertEquals(0.0, r.shortfall());
  }

  @Test
  void nobodyFromAnExpectedGroupIsAbsent() {
    MetricRow r = calc.metric(ScopeType.PROJECT, "A", "A", "age_band", "16_24", 0, 60, 0, 0.15);
    assertTrue(r.isAbsent());
    assertEquals(0.0, r.ratio());
    // 95% high for 0 of 60 is 0.0602 < 0.15: significant.
    assertEquals(Status.UNDER_REPRESENTED, r.status());
    MetricRow small = calc.metric(ScopeType.PROJECT, "A", "A", "age_band", "16_24", 0, 5, 0, 0.15);
    assertFalse(small.isAbsent(), "expected 0.75 < 1 person");
  }

  @Test
  void everyCategoryGetsARowEvenWithNobodyInIt() {
    Project p = new Project("P1", "One", "", "C", List.of("E1"), 16, "census2021");
    List<CategoryCount> counts =
        List.of(
            new CategoryCount("P1", "sex", 0, 7, 0),
            new CategoryCount("P1", "sex", null, 2, 0),
            new CategoryCount("P1", "religion", 1, 3, 0));
    List<ProjectBaseline> baselines =
        List.of(
            new ProjectBaseline("P1", "sex", "female", 510, 1000, 0),
            new ProjectBaseline("P1", "sex", "male", 490, 1000, 0));
    List<MetricRow> rows = calc.projectMetrics(List.of(p), counts, baselines);
    int categories = 0;
    for (Characteristic c : Characteristic.values()) {
      categories += c.categories().size();
    }
    assertEquals(categories, rows.size());
    MetricRow male = find(rows, "P1", "sex", "male");
    assertEquals(0, male.participants());
    assertEquals(7, male.known());
    assertEquals(2, male.unknown());
    assertEquals(0.49, male.populationShare(), 1e-15);
    assertEquals(Status.NO_DATA, find(rows, "P1", "age_band", "16_24").status(), "nobody known");
    MetricRow christian = find(rows, "P1", "religion", "christian");
    assertEquals(3, christian.participants());
    assertEquals(Status.NO_BASELINE, christian.status(), "people known but no baseline");
  }

  @Test
  void aRollupIsJudgedAgainstItsOwnProjectsAreas() {
    // Project A (area 1): 2 of 10 women, p0 0.6. Project B (area 2): 30 of 40 women, p0 0.5.
    Project a = new Project("A", "A", "", "ICB", List.of("E1"), 16, "census2021");
    Project b = new Project("B", "B", "", "ICB", List.of("E2"), 16, "census2021");
    List<MetricRow> projectRows = new ArrayList<>();
    projectRows.add(calc.metric(ScopeType.PROJECT, "A", "A", "sex", "female", 2, 10, 1, 0.6));
    projectRows.add(calc.metric(ScopeType.PROJECT, "B", "B", "sex", "female", 30, 40, 0, 0.5));
    List<MetricRow> all =
        calc.rollup(
            ScopeType.ALL,
            projectRows,
            MetricCalculator.scopes(ScopeType.ALL, List.of(a, b), Map.of()));
    MetricRow r = all.get(0);
    assertEquals(32, r.participants());
    assertEquals(50, r.known());
    assertEquals(1, r.unknown());
    // expected = 10 * 0.6 + 40 * 0.5 = 26; p0 = 26 / 50 = 0.52
    assertEquals(26.0, r.expected(), 1e-12);
    assertEquals(0.52, r.populationShare(), 1e-15);
    assertEquals(-6.0, r.shortfall(), 1e-12);
    assertEquals((32.0 / 50) / 0.52, r.ratio(), 1e-14);
  }

  @Test
  void projectsWithoutABaselineAddPeopleButNotPopulation() {
    Project a = new Project("A", "A", "", "ICB", List.of("E1"), 16, "census2021");
    Project b = new Project("B", "B", "", "ICB", List.of("X9"), 16, "own");
    List<MetricRow> projectRows =
        List.of(
            calc.metric(ScopeType.PROJECT, "A", "A", "sex", "female", 5, 10, 0, 0.5),
            calc.metric(ScopeType.PROJECT, "B", "B", "sex", "female", 9, 10, 0, null));
    MetricRow r =
        calc.rollup(
                ScopeType.COMMISSIONER,
                projectRows,
                MetricCalculator.scopes(ScopeType.COMMISSIONER, List.of(a, b), Map.of()))
            .get(0);
    assertEquals("ICB", r.scopeId());
    assertEquals(14, r.participants());
    assertEquals(20, r.known());
    assertEquals(0.5, r.populationShare(), 1e-15);
  }

  @Test
  void anAreaRollupCountsAProjectInEachOfItsAreas() {
    Project three =
        new Project("T", "Three areas", "", "", List.of("E1", "E2", "E3"), 16, "census2021");
    Map<String, List<MetricCalculator.Scope>> scopes =
        MetricCalculator.scopes(ScopeType.AREA, List.of(three), Map.of("E1", "One"));
    assertEquals(
        List.of(
            new MetricCalculator.Scope("E1", "One"),
            new MetricCalculator.Scope("E2", "E2"),
            new MetricCalculator.Scope("E3", "E3")),
        scopes.get("T"));
  }

  @Test
  void peopleOutsideTheIntendedPopulationAreCountedButNotKnown() {
    // A maternity group for women aged 16 to 49: a 14-year-old (under_16), two people aged 55 to
    // 64 and two men took part. Age bands: under_16 index 0, 16_24 1, 25_34 2, 55_64 5.
    Project mvp =
        new Project(
            "MVP",
            "Maternity voices",
            "",
            "C",
            List.of("E1"),
            16,
            49,
            "female",
            java.util.Set.of(),
            "census2021");
    List<CategoryCount> counts =
        List.of(
            new CategoryCount("MVP", "age_band", 0, 1, 0),
            new CategoryCount("MVP", "age_band", 1, 4, 0),
            new CategoryCount("MVP", "age_band", 2, 5, 0),
            new CategoryCount("MVP", "age_band", 5, 2, 0),
            new CategoryCount("MVP", "age_band", null, 1, 0),
            new CategoryCount("MVP", "sex", 0, 10, 0),
            new CategoryCount("MVP", "sex", 1, 2, 0));
    List<ProjectBaseline> baselines =
        List.of(
            new ProjectBaseline("MVP", "age_band", "16_24", 30, 100, 16),
            new ProjectBaseline("MVP", "age_band", "25_34", 30, 100, 16),
            new ProjectBaseline("MVP", "age_band", "35_44", 28, 100, 16),
            new ProjectBaseline("MVP", "age_band", "45_54", 12, 100, 16),
            new ProjectBaseline("MVP", "sex", "female", 100, 100, 16));
    List<MetricRow> rows = calc.projectMetrics(List.of(mvp), counts, baselines);
    MetricRow young = find(rows, "MVP", "age_band", "16_24");
    // known = 4 + 5 inside the project's ages (not 12): share 4/9 against 0.3.
    assertEquals(9, young.known());
    assertEquals(4.0 / 9.0, young.share(), 1e-15);
    assertEquals(9 * 0.3, young.expected(), 1e-12);
    MetricRow child = find(rows, "MVP", "age_band", "under_16");
    assertEquals(Status.NOT_COMPARED, child.status());
    assertEquals(1, child.participants());
    assertEquals(Status.NOT_COMPARED, find(rows, "MVP", "age_band", "55_64").status());
    assertEquals(Status.NOT_COMPARED, find(rows, "MVP", "age_band", "85_plus").status());
    MetricRow women = find(rows, "MVP", "sex", "female");
    assertEquals(10, women.known());
    assertEquals(Status.IN_LINE, women.status());
    MetricRow men = find(rows, "MVP", "sex", "male");
    assertEquals(Status.NOT_COMPARED, men.status());
    assertNull(men.expected());
    // Counted for Data quality: 1 + 2 outside the ages, 2 of the other sex.
    var outside = org.whotakespart.report.OutsidePopulation.of(List.of(mvp), rows);
    assertEquals(1, outside.size());
    assertEquals(3, outside.get(0).byAge());
    assertEquals(2, outside.get(0).bySex());
  }

  /** One person's answers as counts split by age band and sex (null: not known). */
  private static void person(
      List<CategoryCount> into, String project, String age, String sex, String disability) {
    Integer a = age == null ? null : Characteristic.AGE_BAND.indexOf(age);
    Integer x = Characteristic.SEX.indexOf(sex);
    into.add(new CategoryCount(project, "age_band", a, 1, 0, a, x));
    into.add(new CategoryCount(project, "sex", x, 1, 0, a, x));
    into.add(
        new CategoryCount(
            project, "disability", Characteristic.DISABILITY.indexOf(disability), 1, 0, a, x));
  }

  @Test
  void peopleABaselineDoesNotCountAreLeftOutOfEveryCharacteristicItCovers() {
    // A women's group for ages 16 to 49. A: 16-24 woman, not disabled; B: 25-34 woman, limited a
    // lot; C: 25-34 woman, not disabled; D: a 14-year-old girl, not disabled; E: a 55-64 woman,
    // limited a little; F: a 25-34 man, not disabled; G: a woman of unknown age, not disabled.
    Project mvp =
        new Project(
            "MVP",
            "Maternity voices",
            "",
            "C",
            List.of("E1"),
            16,
            49,
            "female",
            java.util.Set.of(),
            "census2021");
    List<CategoryCount> counts = new java.util.ArrayList<>();
    person(counts, "MVP", "16_24", "female", "not_disabled");
    person(counts, "MVP", "25_34", "female", "limited_a_lot");
    person(counts, "MVP", "25_34", "female", "not_disabled");
    person(counts, "MVP", "under_16", "female", "not_disabled");
    person(counts, "MVP", "55_64", "female", "limited_a_little");
    person(counts, "MVP", "25_34", "male", "not_disabled");
    person(counts, "MVP", null, "female", "not_disabled");
    String women1649 = "residents aged 16 to 49, women and girls only";
    List<ProjectBaseline> baselines = new java.util.ArrayList<>();
    for (String band : List.of("16_24", "25_34", "35_44", "45_54")) {
      baselines.add(
          new ProjectBaseline("MVP", "age_band", band, 25, 100, 16, women1649, 49, "female"));
    }
    baselines.add(
        new ProjectBaseline("MVP", "sex", "female", 100, 100, 16, women1649, 49, "female"));
    // Disability: residents aged 16 and over, both sexes (no table crosses it with age and sex).
    baselines.add(new ProjectBaseline("MVP", "disability", "limited_a_lot", 10, 100, 16));
    baselines.add(new ProjectBaseline("MVP", "disability", "limited_a_little", 10, 100, 16));
    baselines.add(new ProjectBaseline("MVP", "disability", "not_disabled", 80, 100, 16));
    List<MetricRow> rows = calc.projectMetrics(List.of(mvp), counts, baselines);
    // Age: known ages A-F; D and E are in bands outside 16-49, F is a man: inside A, B, C.
    assertEquals(3, find(rows, "MVP", "age_band", "25_34").known());
    assertEquals(2, find(rows, "MVP", "age_band", "25_34").participants()); // B, C (not F)
    assertEquals(1, find(rows, "MVP", "age_band", "16_24").participants());
    assertEquals(1, find(rows, "MVP", "age_band", "under_16").participants()); // not compared
    // Sex: F is the other sex; D and E are women outside the ages: inside A, B, C, G.
    assertEquals(4, find(rows, "MVP", "sex", "female").known());
    assertEquals(4, find(rows, "MVP", "sex", "female").participants());
    assertEquals(1, find(rows, "MVP", "sex", "male").participants()); // not compared
    // Disability, baseline 16 and over of both sexes: only D (under 16) is outside; F and E count.
    MetricRow notDisabled = find(rows, "MVP", "disability", "not_disabled");
    assertEquals(6, notDisabled.known());
    assertEquals(4, notDisabled.participants()); // A, C, F, G
    assertEquals(6 * 0.8, notDisabled.expected(), 1e-12);
    assertEquals(1, find(rows, "MVP", "disability", "limited_a_little").participants()); // E
    assertEquals(1, find(rows, "MVP", "disability", "limited_a_lot").participants()); // B
    // Data quality counts them: D and E outside the ages, F of the other sex.
    var outside = org.whotakespart.report.OutsidePopulation.of(List.of(mvp), rows);
    assertEquals(2, outside.get(0).byAge());
    assertEquals(1, outside.get(0).bySex());
    // The same people, not split by age and sex, are kept in disability's known as before.
    List<CategoryCount> plain = new java.util.ArrayList<>();
    counts.forEach(
        c ->
            plain.add(
                new CategoryCount(
                    c.projectId(),
                    c.characteristic(),
                    c.categoryIndex(),
                    c.people(),
                    c.conflicts())));
    assertEquals(
        7,
        find(
                calc.projectMetrics(List.of(mvp), plain, baselines),
                "MVP",
                "disability",
                "not_disabled")
            .known());
  }

  @Test
  void aCharacteristicNotComparedCountsInARollupAsExpected() {
    // A stroke panel does not compare disability; the other project does (p0 0.2 for limited a
    // lot). All projects: expected = 10 * 0.2 (B) + 6 (A's own people, as they are) = 8 of 40.
    Project a =
        new Project(
            "A",
            "Stroke",
            "",
            "ICB",
            List.of("E1"),
            16,
            null,
            "",
            java.util.Set.of("disability"),
            "census2021");
    Project b = new Project("B", "B", "", "ICB", List.of("E1"), 16, "census2021");
    List<CategoryCount> counts =
        List.of(
            new CategoryCount("A", "disability", 0, 6, 0),
                new CategoryCount("A", "disability", 2, 24, 0),
            new CategoryCount("B", "disability", 0, 2, 0),
                new CategoryCount("B", "disability", 2, 8, 0));
    List<ProjectBaseline> baselines =
        List.of(
            new ProjectBaseline("B", "disability", "limited_a_lot", 20, 100, 16),
            new ProjectBaseline("B", "disability", "limited_a_little", 10, 100, 16),
            new ProjectBaseline("B", "disability", "not_disabled", 70, 100, 16));
    List<MetricRow> projects = calc.projectMetrics(List.of(a, b), counts, baselines);
    assertEquals(Status.NOT_COMPARED, find(projects, "A", "disability", "limited_a_lot").status());
    List<MetricRow> all =
        calc.rollup(
            ScopeType.ALL,
            projects,
            MetricCalculator.scopes(ScopeType.ALL, List.of(a, b), java.util.Map.of()));
    MetricRow lot = find(all, "all", "disability", "limited_a_lot");
    assertEquals(40, lot.known());
    assertEquals(8.0 / 40.0, lot.populationShare(), 1e-15);
    assertEquals(8.0, lot.expected(), 1e-12);
    // A rollup of the stroke panel alone does not compare disability either.
    List<MetricRow> alone =
        calc.rollup(
            ScopeType.COMMISSIONER,
            projects.stream().filter(r -> r.scopeId().equals("A")).toList(),
            MetricCalculator.scopes(ScopeType.COMMISSIONER, List.of(a), java.util.Map.of()));
    assertEquals(Status.NOT_COMPARED, find(alone, "ICB", "disability", "limited_a_lot").status());
  }
}
