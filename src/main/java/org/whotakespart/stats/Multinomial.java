package org.whotakespart.stats;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;

/**
 * Exact random samples from the binomial and multinomial distributions at a cost that does not grow
 * with the number of trials, for the Monte Carlo goodness-of-fit test.
 *
 * <p>A multinomial sample of n over K categories is drawn as K − 1 conditional binomials (the first
 * category's count from Bin(n, p₁), the next from the trials left over with p₂ / (1 − p₁), and so
 * on), instead of n separate draws: with 2,000 samples a test, drawing every trial cost 2,000 × n
 * draws per test and grew with the records. Each binomial is drawn by inversion when its mean is
 * below 10 (the expected number of steps is the mean), otherwise by Hörmann's transformed rejection
 * with squeeze, BTRS (W. Hörmann, "The generation of binomial random variates", J. Statist. Comput.
 * Simul. 46, 1993), with the exact log-factorial acceptance test.
 *
 * <pre>{@code
 * long[] counts = new long[3];
 * Multinomial.sample(new SplittableRandom(1), 500, new double[] {0.5, 0.3, 0.2}, counts);
 * }</pre>
 */
public final class Multinomial {
  /** Below this mean, inversion; at or above it, BTRS (whose constants assume a mean of 10+). */
  static final double INVERSION_BELOW = 10.0;

  private Multinomial() {}

  /**
   * Fills {@code out} with one sample of {@code n} trials over probabilities {@code p} (which must
   * sum to 1, give or take rounding; the last category takes the trials left over).
   */
  public static void sample(SplittableRandom random, long n, double[] p, long[] out) {
    sample(random, n, shares(p), out);
  }

  /**
   * {@code p} made ready for many samples ({@link #sample(SplittableRandom, long, Shares,
   * long[])}).
   */
  public static Shares shares(double[] p) {
    return new Shares(p);
  }

  /**
   * Probabilities made ready once for the many samples a Monte Carlo test draws: each category's
   * conditional probability given the categories before it, and for the inversion the log of its
   * complement. {@code Math.log1p} is not compiled inline on Java 17 (a call into the C library
   * each time) and was worked out again on every draw: 130 of the 203 samples of the goodness of
   * fit tests in a profile of the 1 M record report. The draws are the same numbers as before.
   */
  public static final class Shares {
    private final int last;

    /** Whether any probability is left for category i (it is drawn only if so). */
    private final boolean[] drawn;

    /**
     * Bin(left, its conditional probability) is drawn as Bin(left, small[i]), or left minus that.
     */
    private final double[] small;

    private final boolean[] flipped;
    private final double[] logOneMinusSmall;

    private Shares(double[] p) {
      last = p.length - 1;
      int k = Math.max(0, last);
      drawn = new boolean[k];
      small = new double[k];
      flipped = new boolean[k];
      logOneMinusSmall = new double[k];
      double pLeft = 1.0;
      for (int i = 0; i < last; i++) {
        // Once pLeft is 0 or less it stays so (no p is negative): no later category is drawn.
        drawn[i] = pLeft > 0;
        double conditional = drawn[i] ? Math.min(1.0, p[i] / pLeft) : 0;
        flipped[i] = conditional > 0.5 && conditional < 1;
        small[i] = flipped[i] ? 1 - conditional : conditional;
        logOneMinusSmall[i] = small[i] > 0 && small[i] < 1 ? Math.log1p(-small[i]) : 0;
        pLeft -= p[i];
      }
    }
  }

  /** One sample of {@code n} trials over prepared shares; the same numbers as from the array. */
  public static void sample(SplittableRandom random, long n, Shares s, long[] out) {
    long left = n;
    for (int i = 0; i < s.last; i++) {
      if (left == 0 || !s.drawn[i]) {
        out[i] = 0;
        continue;
      }
      long x = smallBinomial(random, left, s.small[i], s.logOneMinusSmall[i]);
      if (s.flipped[i]) {
        x = left - x;
      }
      out[i] = x;
      left -= x;
    }
    out[s.last] = left;
  }

  /** One draw from Bin(n, p). */
  public static long binomial(SplittableRandom random, long n, double p) {
    if (p > 0.5 && p < 1) {
      return n <= 0 ? 0 : n - binomial(random, n, 1 - p);
    }
    return smallBinomial(random, n, p, p > 0 && p < 1 ? Math.log1p(-p) : 0);
  }

  /** One draw from Bin(n, p) for p ≤ 1/2, or 1, given log(1 − p). */
  private static long smallBinomial(
      SplittableRandom random, long n, double p, double logOneMinusP) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    return n * p < INVERSION_BELOW ? inversion(random, n, p, logOneMinusP) : btrs(random, n, p);
  }

  /** Sequential search from 0 (p ≤ 1/2, n·p < 10); restarts in the far tail, as numpy does. */
  static long inversion(SplittableRandom random, long n, double p, double logOneMinusP) {
    double q = 1 - p;
    double q0 = Math.exp(n * logOneMinusP);
    double mean = n * p;
    double bound = Math.min(n, mean + 10 * Math.sqrt(mean * q + 1));
    long x = 0;
    double px = q0;
    double u = random.nextDouble();
    while (u > px) {
      x++;
      if (x > bound) {
        x = 0;
        px = q0;
        u = random.nextDouble();
      } else {
        u -= px;
        px = ((n - x + 1) * p * px) / (x * q);
      }
    }
    return x;
  }

  /** Hörmann's BTRS (p ≤ 1/2, n·p ≥ 10). */
  static long btrs(SplittableRandom random, long n, double p) {
    double q = 1 - p;
    double sd = Math.sqrt(n * p * q);
    double b = 1.15 + 2.53 * sd;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = n * p + 0.5;
    double vr = 0.92 - 4.2 / b;
    double alpha = (2.83 + 5.1 / b) * sd;
    double logRatio = Math.log(p / q);
    long m = (long) Math.floor((n + 1) * p);
    double h = logFactorial(m) + logFactorial(n - m);
    while (true) {
      double u = random.nextDouble() - 0.5;
      double v = random.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + c);
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      if (k < 0 || k > n) {
        continue;
      }
      double logV = Math.log(v * alpha / (a / (us * us) + b));
      if (logV <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * logRatio) {
        return k;
      }
    }
  }

  /** log(k!) looked up for k below 2^16 (the acceptance test needs three per rejection step). */
  private static final double[] LOG_FACTORIALS = logFactorials(1 << 16);

  private static double[] logFactorials(int size) {
    double[] t = new double[size];
    for (int k = 2; k < size; k++) {
      t[k] = t[k - 1] + Math.log(k);
    }
    return t;
  }

  static double logFactorial(long k) {
    return k < LOG_FACTORIALS.length ? LOG_FACTORIALS[(int) k] : Gamma.logGamma(k + 1.0);
  }
}
