package org.whotakespart.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.ingest.Project;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeKey;
import org.whotakespart.stats.ScopeType;

/**
 * Which residents each row's baseline counts, in words ("residents aged 16 to 49, women and girls
 * only"), for the metrics' {@code baseline_covers} column: a project's own, "not compared" for a
 * characteristic it does not compare, and for a rollup its projects' when they all agree (else
 * "differs by project").
 */
public final class BaselineCovers {
  public static final String NOT_COMPARED = "not compared";
  public static final String DIFFERS = "differs by project";

  private final Map<ProjectCharacteristic, String> byProject = new HashMap<>();
  private final Map<ScopeKey, List<String>> projectsOfScope = new HashMap<>();

  public BaselineCovers(
      List<Project> projects,
      List<ProjectBaseline> baselines,
      Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> rollups) {
    for (ProjectBaseline b : baselines) {
      byProject.putIfAbsent(key(b.projectId(), b.characteristic()), b.covers());
    }
    for (Project p : projects) {
      p.notCompared().forEach(c -> byProject.put(key(p.projectId(), c), NOT_COMPARED));
    }
    rollups.forEach(
        (type, scopesOf) ->
            scopesOf.forEach(
                (project, scopes) ->
                    scopes.forEach(
                        s ->
                            projectsOfScope
                                .computeIfAbsent(new ScopeKey(type, s.id()), k -> new ArrayList<>())
                                .add(project))));
  }

  /** The row's coverage in words; "" when its scope has no baseline for the characteristic. */
  public String of(MetricRow r) {
    if (r.scopeType() == ScopeType.PROJECT) {
      return byProject.getOrDefault(key(r.scopeId(), r.characteristic()), "");
    }
    TreeSet<String> seen = new TreeSet<>();
    for (String p : projectsOfScope.getOrDefault(ScopeKey.of(r), List.of())) {
      String c = byProject.get(key(p, r.characteristic()));
      if (c != null && !c.equals(NOT_COMPARED)) {
        seen.add(c);
      }
    }
    return seen.isEmpty() ? "" : seen.size() == 1 ? seen.first() : DIFFERS;
  }

  private record ProjectCharacteristic(String project, String characteristic) {}

  private static ProjectCharacteristic key(String project, String characteristic) {
    return new ProjectCharacteristic(project, characteristic);
  }
}
