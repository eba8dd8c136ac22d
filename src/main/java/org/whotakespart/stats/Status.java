package org.whotakespart.stats;

/** How a group's share compares with its baseline (statistics.md, "Status"). */
public enum Status {
  UNDER_REPRESENTED("under_represented", "Under-represented"),
  POSSIBLY_UNDER_REPRESENTED("possibly_under_represented", "Possibly under-represented"),
  IN_LINE("in_line", "In line"),
  POSSIBLY_OVER_REPRESENTED("possibly_over_represented", "Possibly over-represented"),
  OVER_REPRESENTED("over_represented", "Over-represented"),
  NO_BASELINE("no_baseline", "No baseline"),
  NO_DATA("no_data", "No data");

  /**
   * Ratios within this distance of a band edge count as on the edge (in line): share / p0 in
   * floating point can miss an exact tie such as 0.4 / 0.5 by one unit in the last place.
   */
  static final double EDGE_TOLERANCE = 1e-9;

  private final String code;
  private final String label;

  Status(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  /** The words a board reads, always shown beside any colour. */
  public String label() {
    return label;
  }

  public static Status fromCode(String code) {
    for (Status s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no status " + code);
  }

  /**
   * The status of x people out of n known, against population share p0.
   *
   * @param ci95 the share's 95% interval (null when n = 0)
   */
  public static Status of(long n, Double p0, double ratio, Interval ci95, double bandLow,
      double bandHigh) {
    if (n == 0) {
      return NO_DATA;
    }
    if (p0 == null || p0 == 0.0) {
      return NO_BASELINE;
    }
    if (ratio < bandLow - EDGE_TOLERANCE) {
      return ci95.high() < p0 ? UNDER_REPRESENTED : POSSIBLY_UNDER_REPRESENTED;
    }
    if (ratio > bandHigh + EDGE_TOLERANCE) {
      return ci95.low() > p0 ? OVER_REPRESENTED : POSSIBLY_OVER_REPRESENTED;
    }
    return IN_LINE;
  }
}
