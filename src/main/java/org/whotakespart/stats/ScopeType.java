package org.whotakespart.stats;

import org.whotakespart.config.Coded;

/** What a metrics row describes: one project, or a rollup of projects. */
public enum ScopeType implements Coded {
  PROJECT("project"),
  COMMISSIONER("commissioner"),
  AREA("area"),
  ALL("all");

  private final String code;

  ScopeType(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** The scope type written {@code code}. */
  public static ScopeType fromCode(String code) {
    return Coded.byCode(ScopeType.class, code)
        .orElseThrow(() -> new IllegalArgumentException("unknown scope type '" + code + "'"));
  }
}
