package org.whotakespart.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.Project;

/**
 * Each project's baseline: the population of its whole catchment, per characteristic and category,
 * at the baseline age nearest its {@code min_age} without going above it (statistics.md). The
 * baselines are small, so this runs on the driver; the result is broadcast to the counts.
 *
 * <p>A characteristic gets no baseline for a project unless every area of the catchment has it at
 * the chosen age: a share over part of a catchment would mislead. Each such gap is a warning.
 */
public final class CatchmentBaselines {
  private CatchmentBaselines() {}

  /** The project baselines and the gaps found on the way. */
  public record Result(List<ProjectBaseline> rows, List<String> warnings) {}

  public static Result compute(List<Project> projects, List<BaselineRow> baselines) {
    // baseline -> characteristic -> min_age -> area -> category -> population
    Map<String, Map<String, Map<Integer, Map<String, Map<String, Long>>>>> index = new HashMap<>();
    for (BaselineRow b : baselines) {
      index.computeIfAbsent(b.baseline(), k -> new HashMap<>())
          .computeIfAbsent(b.characteristic(), k -> new HashMap<>())
          .computeIfAbsent(b.minAge(), k -> new HashMap<>())
          .computeIfAbsent(b.areaCode(), k -> new HashMap<>())
          .merge(b.category(), b.population(), Long::sum);
    }
    List<ProjectBaseline> rows = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Project p : projects) {
      var set = index.get(p.baseline());
      if (set == null) {
        warnings.add("project " + p.projectId() + ": baseline set '" + p.baseline()
            + "' is not in the baselines file; its groups are shown as no_baseline");
        continue;
      }
      for (Characteristic c : Characteristic.values()) {
        var byAge = set.get(c.code());
        if (byAge == null) {
          continue;
        }
        Integer age = byAge.keySet().stream().filter(a -> a <= p.minAge())
            .max(Integer::compare).orElse(null);
        if (age == null) {
          warnings.add("project " + p.projectId() + ": " + c.code() + " has no baseline for people"
              + " aged " + p.minAge() + " or younger; its groups are shown as no_baseline");
          continue;
        }
        var byArea = byAge.get(age);
        Set<String> missing = new TreeSet<>(p.catchment());
        missing.removeAll(byArea.keySet());
        if (!missing.isEmpty()) {
          warnings.add("project " + p.projectId() + ": " + c.code() + " baseline '" + p.baseline()
              + "' has no figures for " + String.join(", ", missing)
              + "; its groups are shown as no_baseline");
          continue;
        }
        Map<String, Long> population = new HashMap<>();
        for (String area : p.catchment()) {
          byArea.get(area).forEach((category, n) -> population.merge(category, n, Long::sum));
        }
        long known = population.values().stream().mapToLong(Long::longValue).sum();
        for (String category : c.categoryCodes()) {
          if (population.containsKey(category)) {
            rows.add(new ProjectBaseline(p.projectId(), c.code(), category,
                population.get(category), known, age));
          }
        }
      }
    }
    return new Result(rows, warnings);
  }

  /** Area code to name, from the baselines (the first name seen for a code). */
  public static Map<String, String> areaNames(List<BaselineRow> baselines) {
    return baselines.stream().collect(Collectors.toMap(BaselineRow::areaCode, BaselineRow::areaName,
        (a, b) -> a, java.util.TreeMap::new));
  }
}
