package org.whotakespart.stats;

/**
 * One group of people within a scope, as a map key: the scope's id (a project's id, or a rollup's),
 * a characteristic's code and one of its category codes.
 */
public record GroupKey(String scope, String characteristic, String category) {
  public static GroupKey of(MetricRow r) {
    return new GroupKey(r.scopeId(), r.characteristic(), r.category());
  }
}
