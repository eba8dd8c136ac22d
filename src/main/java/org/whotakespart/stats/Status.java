package org.whotakespart.stats;

import org.whotakespart.config.Coded;

/** How a group's share compares with its baseline (statistics.md, "Status"). */
public enum Status implements Coded {
  UNDER_REPRESENTED("under_represented", "Under-represented"),
  POSSIBLY_UNDER_REPRESENTED("possibly_under_represented", "Possibly under-represented"),
  IN_LINE("in_line", "In line"),
  POSSIBLY_OVER_REPRESENTED("possibly_over_represented", "Possibly over-represented"),
  OVER_REPRESENTED("over_represented", "Over-represented"),
  TOO_FEW_TO_TELL("too_few_to_tell", "Too few to tell"),
  NOT_COMPARED("not_compared", "Not compared"),
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

  @Override
  public String code() {
    return code;
  }

  /** The words a board reads, always shown beside any colour. */
  public String label() {
    return label;
  }

  public static Status fromCode(String code) {
    return Coded.byCode(Status.class, code)
        .orElseThrow(() -> new IllegalArgumentException("no status " + code));
  }

  /**
   * True when n known people are enough to show a gap for a group of population share p0: even
   * total absence of the group (0 of n) would be significant, i.e. the Wilson 95% high of 0 of n,
   * z² / (n + z²), lies below p0 (statistics.md, "Status"). False when n = 0 or p0 is missing.
   */
  public static boolean ableToShowGap(long n, Double p0) {
    if (n <= 0 || p0 == null) {
      return false;
    }
    double z2 = Wilson.Z95 * Wilson.Z95;
    return z2 / (n + z2) < p0;
  }

  /**
   * The status of x people out of n known, against population share p0.
   *
   * @param ci95 the share's 95% interval (null when n = 0)
   */
  public static Status of(
      long n, Double p0, double ratio, Interval ci95, double bandLow, double bandHigh) {
    if (n == 0) {
      return NO_DATA;
    }
    if (p0 == null || p0 == 0.0) {
      return NO_BASELINE;
    }
    boolean able = ableToShowGap(n, p0);
    if (ratio < bandLow - EDGE_TOLERANCE) {
      return ci95.high() < p0
          ? UNDER_REPRESENTED
          : able ? POSSIBLY_UNDER_REPRESENTED : TOO_FEW_TO_TELL;
    }
    if (ratio > bandHigh + EDGE_TOLERANCE) {
      return ci95.low() > p0
          ? OVER_REPRESENTED
          : able ? POSSIBLY_OVER_REPRESENTED : TOO_FEW_TO_TELL;
    }
    return IN_LINE;
  }

  /**
   * True for the statuses a board reads as a gap or a possible gap (never too few, not compared).
   */
  public boolean isUnder() {
    return this == UNDER_REPRESENTED || this == POSSIBLY_UNDER_REPRESENTED;
  }
}
