package org.whotakespart.stats;

import java.util.Comparator;

/** A scope by its type and id (a project, a commissioner, an area, all projects), as a map key. */
public record ScopeKey(ScopeType type, String id) {
  /** Projects first, then commissioners, areas and all projects; by id within each. */
  public static final Comparator<ScopeKey> ORDER =
      Comparator.comparing((ScopeKey k) -> k.type().ordinal()).thenComparing(ScopeKey::id);

  public static ScopeKey of(MetricRow r) {
    return new ScopeKey(r.scopeType(), r.scopeId());
  }
}
