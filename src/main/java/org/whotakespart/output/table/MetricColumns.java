package org.whotakespart.output.table;

import java.util.List;

/** The metrics columns of data-contract.md §4, in order. */
public final class MetricColumns {
  public static final List<String> ALL =
      Tables.scopeColumns(
          "characteristic",
          "category",
          "participants",
          "known",
          "unknown",
          "share",
          "share_ci95_low",
          "share_ci95_high",
          "share_ci998_low",
          "share_ci998_high",
          "population_share",
          "expected",
          "shortfall",
          "ratio",
          "ratio_ci95_low",
          "ratio_ci95_high",
          "status");

  private MetricColumns() {}
}
