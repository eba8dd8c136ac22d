package org.whotakespart.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.config.Period;
import org.whotakespart.config.SplitBy;
import org.whotakespart.ingest.Project;
import org.whotakespart.stats.Bands;
import org.whotakespart.stats.CategoryCount;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.PeopleRow;
import org.whotakespart.stats.ScopeType;

class SplitsTest {
  @Test
  void eachCommissionersWorkbookHoldsOnlyItsProjectsAndTheirOwnTotal() {
    List<Project> projects =
        List.of(
            new Project("A", "A", "", "North ICB", List.of("E1"), 16, "census2021"),
            new Project("B", "B", "", "North ICB", List.of("E2"), 16, "census2021"),
            new Project("C", "C", "", "South ICB", List.of("E3"), 16, "census2021"));
    List<CategoryCount> counts =
        List.of(
            new CategoryCount("A", "sex", 0, 10, 0),
            new CategoryCount("B", "sex", 0, 20, 0),
            new CategoryCount("B", "sex", 1, 5, 0),
            new CategoryCount("C", "sex", 1, 30, 0));
    List<ProjectBaseline> baselines = new ArrayList<>();
    for (Project p : projects) {
      baselines.add(new ProjectBaseline(p.projectId(), "sex", "female", 1, 2, 0));
      baselines.add(new ProjectBaseline(p.projectId(), "sex", "male", 1, 2, 0));
    }
    MetricCalculator calc = new MetricCalculator("2025-26 Q2", Bands.DEFAULT);
    List<MetricRow> rows = new ArrayList<>(calc.projectMetrics(projects, counts, baselines));
    rows.addAll(
        calc.rollup(
            ScopeType.ALL,
            new ArrayList<>(rows),
            MetricCalculator.scopes(ScopeType.ALL, projects, Map.of())));
    List<PeopleRow> people =
        List.of(
            new PeopleRow(
                "2025-26 Q2", ScopeType.COMMISSIONER, "North ICB", "North ICB", "everyone", 33),
            new PeopleRow("2025-26 Q2", ScopeType.ALL, "all", "All projects", "everyone", 63));
    ReportModel model =
        new ReportModel(
            Period.parse("2025-26 Q2"),
            MetricCalculator.ALL_NAME,
            "t",
            Bands.DEFAULT,
            5,
            List.of("lived_experience"),
            projects,
            rows,
            List.of(),
            Map.of("A", 10L, "B", 25L, "C", 30L),
            people,
            new DataQuality(List.of(), Map.of(), Map.of(), 0, 0, List.of()),
            List.of(),
            Map.of(),
            org.whotakespart.report.History.none());

    Map<String, ReportModel> parts = Splits.of(model, SplitBy.COMMISSIONER);
    assertEquals(List.of("North ICB", "South ICB"), List.copyOf(parts.keySet()));
    ReportModel north = parts.get("North ICB");
    assertTrue(north.isPart());
    assertEquals(List.of("A", "B"), north.projects().stream().map(Project::projectId).toList());
    assertTrue(north.metrics().stream().noneMatch(r -> r.scopeId().equals("C")));
    MetricRow allFemale =
        north.metrics().stream()
            .filter(
                r ->
                    r.scopeType() == ScopeType.ALL
                        && r.characteristic().equals("sex")
                        && r.category().equals("female"))
            .findFirst()
            .orElseThrow();
    assertEquals(30, allFemale.participants(), "10 + 20, not South's");
    assertEquals(35, allFemale.known());
    assertEquals(
        33, north.people(ScopeType.ALL, "all", "everyone"), "the commissioner's distinct count");
    assertEquals("north-icb", Splits.slug("North ICB"));
    assertEquals("part", Splits.slug("***"));
  }
}
