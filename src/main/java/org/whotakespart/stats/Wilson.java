package org.whotakespart.stats;

/**
 * The Wilson score interval for a proportion x / n (statistics.md), as used by the Fingertips
 * public-health indicators:
 *
 * <pre>low, high = (2x + z² ∓ z·sqrt(z² + 4x(1 − x/n))) / (2(n + z²))</pre>
 *
 * <p>Defined for x = 0 (low is exactly 0) and x = n (high is exactly 1); there is no interval when
 * n = 0. Check: x = 4, n = 20 gives [0.0806576625797981, 0.4160174322518935] at 95%.
 */
public final class Wilson {
  /** The two-sided 95% normal quantile, qnorm(0.975). */
  public static final double Z95 = 1.959963984540054;

  /** The two-sided 99.8% normal quantile, qnorm(0.999). */
  public static final double Z998 = 3.090232306167813;

  private Wilson() {}

  /** The interval, or null when n = 0. */
  public static Interval interval(long x, long n, double z) {
    if (n < 0 || x < 0 || x > n) {
      throw new IllegalArgumentException("need 0 <= x <= n, got x = " + x + ", n = " + n);
    }
    if (n == 0) {
      return null;
    }
    double z2 = z * z;
    double spread = z * Math.sqrt(z2 + 4.0 * x * (1.0 - (double) x / n));
    double denominator = 2.0 * (n + z2);
    // At the ends the formula is exact in theory but rounding leaves a trace; state it exactly.
    double low = x == 0 ? 0.0 : (2.0 * x + z2 - spread) / denominator;
    double high = x == n ? 1.0 : (2.0 * x + z2 + spread) / denominator;
    return new Interval(low, high);
  }
}
