package org.whotakespart.report;

import java.util.List;
import java.util.Map;
import org.whotakespart.stats.EquityRow;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Trend;

/**
 * What a workbook shows beyond the reported quarter: the quarters before it, each group's trend,
 * and the equity of experience, for one scope (all projects, or the commissioner or project a split
 * workbook is for).
 *
 * @param periods the quarters covered, oldest first, the reported one last
 * @param metrics metrics rows of every quarter covered (exact counts)
 * @param trends each group's trend in the reported quarter, keyed by {@link Trend#key}
 * @param equity the reported quarter's equity rows
 */
public record History(
    List<String> periods,
    List<MetricRow> metrics,
    Map<Trend.Key, Trend> trends,
    List<EquityRow> equity,
    ScopeType scopeType,
    String scopeId) {

  public static History none() {
    return new History(
        List.of(), List.of(), Map.of(), List.of(), ScopeType.ALL, MetricCalculator.ALL_ID);
  }

  /** The same history seen from another scope. */
  public History forScope(ScopeType type, String id) {
    return new History(periods, metrics, trends, equity, type, id);
  }

  /** This scope's metrics rows over the quarters, in the order given. */
  public List<MetricRow> scopeMetrics() {
    return metrics.stream()
        .filter(r -> r.scopeType() == scopeType && r.scopeId().equals(scopeId))
        .toList();
  }

  /** This scope's equity rows. */
  public List<EquityRow> scopeEquity() {
    return equity.stream()
        .filter(r -> r.scopeType() == scopeType && r.scopeId().equals(scopeId))
        .toList();
  }
}
