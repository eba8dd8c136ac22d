package org.whotakespart.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.Project;
import org.whotakespart.stats.Bands;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.PeopleRow;
import org.whotakespart.stats.ScopeType;

/**
 * Everything the board-facing outputs show, as plain Java values: no Spark past this point, so the
 * workbook and charts are built and tested from small in-memory data.
 *
 * @param scopeName what the workbook covers: "All projects", or one commissioner or project when
 *     the report is split
 * @param metrics every metrics row (exact counts; disclosure control is applied when shown)
 * @param previousMetrics the quarter before's rows from the same inputs (empty when it had none),
 *     for "what changed"
 * @param peopleByProject distinct people per project in the period (measured roles)
 * @param people distinct people per scope and role, counted once per scope
 * @param coverage per baseline set and characteristic, the ages and sources of the figures
 * @param areaNames local-authority code to name
 * @param history the quarters before, trends and equity of experience
 */
public record ReportModel(
    Period period,
    String scopeName,
    String softwareVersion,
    Bands bands,
    int suppressionThreshold,
    List<String> measuredRoles,
    List<Project> projects,
    List<MetricRow> metrics,
    List<MetricRow> previousMetrics,
    Map<String, Long> peopleByProject,
    List<PeopleRow> people,
    DataQuality dataQuality,
    List<BaselineCoverage> coverage,
    Map<String, String> areaNames,
    History history) {

  /** True for a workbook that covers part of the run (one commissioner or project). */
  public boolean isPart() {
    return !scopeName.equals(MetricCalculator.ALL_NAME);
  }

  /** Distinct people of a role group in a scope; 0 when there were none. */
  public long people(ScopeType scopeType, String scopeId, String role) {
    return peopleByScope(scopeType, role).getOrDefault(scopeId, 0L);
  }

  /** Distinct people of a role group in every scope of a type, by scope id (absent: none). */
  public Map<String, Long> peopleByScope(ScopeType scopeType, String role) {
    Map<String, Long> byScope = new HashMap<>();
    for (PeopleRow p : people) {
      if (p.scopeType() == scopeType && p.role().equals(role)) {
        byScope.merge(p.scopeId(), p.people(), Long::sum);
      }
    }
    return byScope;
  }
}
