package org.whotakespart.stats;

/** What a metrics row describes: one project, or a rollup of projects. */
public enum ScopeType {
  PROJECT("project"),
  COMMISSIONER("commissioner"),
  AREA("area"),
  ALL("all");

  private final String code;

  ScopeType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The scope type written {@code code}. */
  public static ScopeType fromCode(String code) {
    for (ScopeType t : values()) {
      if (t.code.equals(code)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown scope type '" + code + "'");
  }
}
