package org.whotakespart.stats;

/** The ratio band within which a group is in line: 0.8 to 1.25 unless configured. */
public record Bands(double low, double high) {
  public static final Bands DEFAULT = new Bands(0.8, 1.25);
}
