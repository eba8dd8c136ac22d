package org.whotakespart.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.whotakespart.config.SplitBy;
import org.whotakespart.ingest.Project;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.PeopleRow;
import org.whotakespart.stats.ScopeType;

/**
 * The report cut into one model per commissioner or project, each whole in itself: its projects,
 * and "all projects" meaning the projects in that workbook (rolled up again by the same rule), so
 * that disclosure control is applied to exactly what each recipient sees.
 */
public final class Splits {
  private Splits() {}

  /** Name of the part (commissioner or project name) to its model, in the projects' order. */
  public static Map<String, ReportModel> of(ReportModel model, SplitBy by) {
    Map<String, List<Project>> groups = new LinkedHashMap<>();
    for (Project p : model.projects()) {
      String key =
          switch (by) {
            case COMMISSIONER ->
                p.commissioner().isEmpty() ? MetricCalculator.NO_COMMISSIONER : p.commissioner();
            case PROJECT -> p.projectName();
            case NONE -> throw new IllegalArgumentException("nothing to split by");
          };
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    Map<String, ReportModel> parts = new LinkedHashMap<>();
    groups.forEach((name, projects) -> parts.put(name, part(model, projects, by, name)));
    return parts;
  }

  private static ReportModel part(
      ReportModel model, List<Project> projects, SplitBy by, String name) {
    Set<String> ids = projects.stream().map(Project::projectId).collect(Collectors.toSet());
    List<MetricRow> projectRows =
        model.metrics().stream()
            .filter(r -> r.scopeType() == ScopeType.PROJECT && ids.contains(r.scopeId()))
            .toList();
    MetricCalculator calc = new MetricCalculator(model.period().label(), model.bands());
    List<MetricRow> metrics = new ArrayList<>(projectRows);
    metrics.addAll(
        calc.rollup(
            ScopeType.ALL,
            projectRows,
            MetricCalculator.scopes(ScopeType.ALL, projects, model.areaNames())));
    metrics.sort(MetricCalculator.ORDER);
    // Distinct people: the part's own scope (a commissioner, or the one project) stands as "all".
    ScopeType partScope = by == SplitBy.COMMISSIONER ? ScopeType.COMMISSIONER : ScopeType.PROJECT;
    String partId = by == SplitBy.COMMISSIONER ? name : projects.get(0).projectId();
    List<PeopleRow> people = new ArrayList<>();
    for (PeopleRow p : model.people()) {
      if (p.scopeType() == ScopeType.PROJECT && ids.contains(p.scopeId())) {
        people.add(p);
      }
      if (p.scopeType() == partScope && p.scopeId().equals(partId)) {
        people.add(
            new PeopleRow(
                p.period(),
                ScopeType.ALL,
                MetricCalculator.ALL_ID,
                MetricCalculator.ALL_NAME,
                p.role(),
                p.people()));
      }
    }
    Map<String, Long> peopleByProject =
        model.peopleByProject().entrySet().stream()
            .filter(e -> ids.contains(e.getKey()))
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    return new ReportModel(
        model.period(),
        name,
        model.softwareVersion(),
        model.bands(),
        model.suppressionThreshold(),
        model.measuredRoles(),
        projects,
        metrics,
        model.previousMetrics().stream()
            .filter(r -> r.scopeType() == ScopeType.PROJECT && ids.contains(r.scopeId()))
            .toList(),
        peopleByProject,
        people,
        model.dataQuality(),
        model.coverage(),
        model.areaNames(),
        model.history().forScope(partScope, partId));
  }

  /** A file name for a part: letters, digits and hyphens. */
  public static String slug(String name) {
    String s =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "part" : s.substring(0, Math.min(60, s.length()));
  }
}
