package org.whotakespart.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.Project;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;

/**
 * People taking part who are outside their project's intended population (statistics.md): in an age
 * band wholly outside the project's ages, or of the sex a single-sex project does not serve. They
 * are counted here, for Data quality, and left out of {@code known} (and of the compared groups)
 * for every characteristic whose baseline does not count them ({@link
 * org.whotakespart.baseline.ProjectBaseline#excludes}): age and sex, and any other whose baseline
 * starts above their age band.
 *
 * @param projectName the project
 * @param byAge people whose age band is outside the project's ages
 * @param bySex people of the sex the project does not serve
 * @param byAgeRows, bySexRows the metrics rows the counts add up (for disclosure control)
 */
public record OutsidePopulation(
    String projectName,
    long byAge,
    long bySex,
    List<MetricRow> byAgeRows,
    List<MetricRow> bySexRows) {

  /** Every project with anybody outside its intended population, in the projects' order. */
  public static List<OutsidePopulation> of(List<Project> projects, List<MetricRow> metrics) {
    Map<String, List<MetricRow>> age = new TreeMap<>();
    Map<String, List<MetricRow>> sex = new TreeMap<>();
    for (MetricRow r : metrics) {
      if (r.scopeType() != ScopeType.PROJECT
          || r.status() != Status.NOT_COMPARED
          || r.participants() == 0) {
        continue;
      }
      if (r.characteristic().equals(Characteristic.AGE_BAND.code())) {
        age.computeIfAbsent(r.scopeId(), k -> new ArrayList<>()).add(r);
      } else if (r.characteristic().equals(Characteristic.SEX.code())) {
        sex.computeIfAbsent(r.scopeId(), k -> new ArrayList<>()).add(r);
      }
    }
    List<OutsidePopulation> out = new ArrayList<>();
    for (Project p : projects) {
      List<MetricRow> a =
          p.isNotCompared(Characteristic.AGE_BAND.code())
              ? List.of()
              : age.getOrDefault(p.projectId(), List.of());
      List<MetricRow> s =
          p.isNotCompared(Characteristic.SEX.code())
              ? List.of()
              : sex.getOrDefault(p.projectId(), List.of());
      if (!a.isEmpty() || !s.isEmpty()) {
        out.add(new OutsidePopulation(p.projectName(), sum(a), sum(s), a, s));
      }
    }
    return out;
  }

  private static long sum(List<MetricRow> rows) {
    return rows.stream().mapToLong(MetricRow::participants).sum();
  }

  /**
   * A sum of group counts as a board may see it: the number when each part is shown, "fewer than N"
   * when it is below the threshold, otherwise withheld (it could give a hidden part away).
   */
  public static String text(long n, List<MetricRow> parts, BoardView board) {
    if (n == 0) {
      return "0";
    }
    if (n < board.threshold()) {
      return board.fewerThanText();
    }
    return parts.stream().allMatch(board::isCountShown) ? Long.toString(n) : "withheld";
  }
}
