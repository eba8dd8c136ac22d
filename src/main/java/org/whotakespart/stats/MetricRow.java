package org.whotakespart.stats;

/**
 * One row of the analysts' metrics (data-contract.md §4): a group in a scope and period. Exact
 * counts; the board never sees these rows directly (see {@code report.Disclosure}). Values that do
 * not exist are null: no share when n = 0, no ratio without a baseline.
 */
public record MetricRow(
    String period,
    ScopeType scopeType,
    String scopeId,
    String scopeName,
    String characteristic,
    String category,
    long participants,
    long known,
    long unknown,
    Double share,
    Interval shareCi95,
    Interval shareCi998,
    Double populationShare,
    Double expected,
    Double shortfall,
    Double ratio,
    Interval ratioCi95,
    Status status) {

  /**
   * No one from the group took part although at least one person was expected, and the scope has
   * enough people for that absence to show a gap (statistics.md, "Status").
   */
  public boolean isAbsent() {
    return participants == 0
        && expected != null
        && expected >= 1.0
        && status != Status.NOT_COMPARED
        && Status.ableToShowGap(known, populationShare);
  }

  /** Known / (known + unknown); null when the scope has nobody. */
  public Double completeness() {
    long all = known + unknown;
    return all == 0 ? null : (double) known / all;
  }
}
