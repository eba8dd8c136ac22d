package org.whotakespart.stats;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;

/**
 * Exact random samples from the binomial and multinomial distributions at a cost that does not
 * grow with the number of trials, for the Monte Carlo goodness-of-fit test.
 *
 * <p>A multinomial sample of n over K categories is drawn as K − 1 conditional binomials (the
 * first category's count from Bin(n, p₁), the next from the trials left over with p₂ / (1 − p₁),
 * and so on), instead of n separate draws: with 2,000 samples a test, drawing every trial cost
 * 2,000 × n draws per test and grew with the records. Each binomial is drawn by inversion when
 * its mean is below 10 (the expected number of steps is the mean), otherwise by Hörmann's
 * transformed rejection with squeeze, BTRS (W. Hörmann, "The generation of binomial random
 * variates", J. Statist. Comput. Simul. 46, 1993), with the exact log-factorial acceptance test.
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
   * Fills {@code out} with one sample of {@code n} trials over probabilities {@code p} (which
   * must sum to 1, give or take rounding; the last category takes the trials left over).
   */
  public static void sample(SplittableRandom random, long n, double[] p, long[] out) {
    long left = n;
    double pLeft = 1.0;
    int last = p.length - 1;
    for (int i = 0; i < last; i++) {
      if (left == 0 || pLeft <= 0) {
        out[i] = 0;
        continue;
      }
      long x = binomial(random, left, Math.min(1.0, p[i] / pLeft));
      out[i] = x;
      left -= x;
      pLeft -= p[i];
    }
    out[last] = left;
  }

  /** One draw from Bin(n, p). */
  public static long binomial(SplittableRandom random, long n, double p) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomial(random, n, 1 - p);
    }
    return n * p < INVERSION_BELOW ? inversion(random, n, p) : btrs(random, n, p);
  }

  /** Sequential search from 0 (p ≤ 1/2, n·p < 10); restarts in the far tail, as numpy does. */
  static long inversion(SplittableRandom random, long n, double p) {
    double q = 1 - p;
    double q0 = Math.exp(n * Math.log1p(-p));
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
