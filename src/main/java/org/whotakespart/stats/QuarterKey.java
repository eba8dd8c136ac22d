package org.whotakespart.stats;

/**
 * One group of people in one quarter, as a map key: the quarter's label (such as "2025-26-Q2"), a
 * characteristic's code and one of its category codes. The scope is left to the map's owner (the
 * history's rows of one scope).
 */
public record QuarterKey(String period, String characteristic, String category) {
  public static QuarterKey of(MetricRow r) {
    return new QuarterKey(r.period(), r.characteristic(), r.category());
  }
}
