package org.whotakespart.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.Project;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.History;
import org.whotakespart.report.ReportModel;
import org.whotakespart.stats.Bands;
import org.whotakespart.stats.CategoryCount;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;

/** A hand-made report model of one project's women and men, for board-facing tests. */
public final class SexModels {
  private SexModels() {}

  /**
   * {@code women} and {@code men} taking part in {@code project} in 2025-26 Q2, against a baseline
   * of {@code popWomen} and {@code popMen} of {@code popTotal} residents, with the project's
   * metrics and the all-projects rollup.
   */
  public static ReportModel oneProject(
      Project project,
      long women,
      long men,
      long popWomen,
      long popMen,
      long popTotal,
      DataQuality quality) {
    String id = project.projectId();
    List<Project> projects = List.of(project);
    List<String> sex = Characteristic.SEX.categoryCodes();
    List<CategoryCount> counts =
        List.of(
            new CategoryCount(id, "sex", sex.indexOf("female"), women, 0),
            new CategoryCount(id, "sex", sex.indexOf("male"), men, 0));
    List<ProjectBaseline> baselines =
        List.of(
            new ProjectBaseline(id, "sex", "female", popWomen, popTotal, project.minAge()),
            new ProjectBaseline(id, "sex", "male", popMen, popTotal, project.minAge()));
    return ofCounts(projects, counts, baselines, Map.of(id, women + men), quality);
  }

  /**
   * A model of {@code projects} in 2025-26 Q2 from their counts and baselines: the projects'
   * metrics and the all-projects rollup, with {@code people} in each project, and no history.
   */
  public static ReportModel ofCounts(
      List<Project> projects,
      List<CategoryCount> counts,
      List<ProjectBaseline> baselines,
      Map<String, Long> people,
      DataQuality quality) {
    MetricCalculator calc = new MetricCalculator("2025-26 Q2", Bands.DEFAULT);
    List<MetricRow> rows = new ArrayList<>(calc.projectMetrics(projects, counts, baselines));
    rows.addAll(
        calc.rollup(
            ScopeType.ALL, rows, MetricCalculator.scopes(ScopeType.ALL, projects, Map.of())));
    return new ReportModel(
        Period.parse("2025-26 Q2"),
        MetricCalculator.ALL_NAME,
        "test",
        Bands.DEFAULT,
        5,
        List.of("lived_experience"),
        projects,
        rows,
        List.of(),
        people,
        List.of(),
        quality,
        List.of(),
        Map.of(),
        History.none());
  }
}
