package org.whotakespart.stats;

/** A confidence interval [low, high]. */
public record Interval(double low, double high) {
  /** The interval divided by a positive constant (the ratio's interval from the share's). */
  public Interval dividedBy(double d) {
    return new Interval(low / d, high / d);
  }
}
