package org.whotakespart.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sampler against the exact binomial probabilities (commons-math3's pmf): 200,000 draws per
 * case, grouped into cells with at least 20 expected, and a chi-square test of fit that a correct
 * sampler passes (fixed seed) and a sampler off by even a little fails (p-values near 0).
 */
class MultinomialTest {
  private static final int DRAWS = 200_000;

  @ParameterizedTest(name = "Bin({0}, {1})")
  @CsvSource({
    "20, 0.3", // inversion, mean 6
    "1000, 0.004", // inversion, mean 4, many trials
    "9, 0.5", // inversion at p = 1/2
    "100, 0.2", // BTRS, mean 20
    "5000, 0.37", // BTRS, mean 1,850
    "60, 0.8", // p > 1/2: n minus a BTRS draw
    "200, 0.95", // p > 1/2: n minus an inversion draw
    "1, 0.5",
  })
  void binomialDrawsFollowTheExactDistribution(int n, double p) {
    SplittableRandom random = new SplittableRandom(12345);
    long[] seen = new long[n + 1];
    for (int i = 0; i < DRAWS; i++) {
      long x = Multinomial.binomial(random, n, p);
      assertTrue(x >= 0 && x <= n, "draw out of range: " + x);
      seen[(int) x]++;
    }
    assertFits(seen, new BinomialDistribution(n, p));
  }

  @Test
  void logFactorialsAgreeWithTheGammaFunctionEitherSideOfTheTable() {
    for (long k : new long[] {0, 1, 2, 10, 170, 65_535, 65_536, 1_000_000}) {
      double exact = org.apache.commons.math3.special.Gamma.logGamma(k + 1.0);
      assertEquals(
          exact, Multinomial.logFactorial(k), Math.max(1.0, exact) * 1e-12, "log " + k + "!");
    }
  }

  @Test
  void degenerateCasesAreExact() {
    SplittableRandom random = new SplittableRandom(1);
    assertEquals(0, Multinomial.binomial(random, 0, 0.3));
    assertEquals(0, Multinomial.binomial(random, 50, 0.0));
    assertEquals(50, Multinomial.binomial(random, 50, 1.0));
    long[] out = new long[3];
    Multinomial.sample(random, 0, new double[] {0.2, 0.3, 0.5}, out);
    assertEquals(0, out[0] + out[1] + out[2]);
    Multinomial.sample(random, 7, new double[] {0.0, 1.0, 0.0}, out);
    assertEquals(7, out[1]);
    assertEquals(0, out[0] + out[2]);
  }

  /** Each category of a multinomial is binomial on its own; the counts always add up to n. */
  @Test
  void multinomialMarginalsAreBinomial() {
    double[] p = {0.45, 0.3, 0.17, 0.05, 0.02, 0.008, 0.002};
    int n = 900;
    SplittableRandom random = new SplittableRandom(99);
    long[][] seen = new long[p.length][n + 1];
    long[] out = new long[p.length];
    for (int i = 0; i < DRAWS; i++) {
      Multinomial.sample(random, n, p, out);
      long sum = 0;
      for (int k = 0; k < p.length; k++) {
        seen[k][(int) out[k]]++;
        sum += out[k];
      }
      assertEquals(n, sum);
    }
    for (int k = 0; k < p.length; k++) {
      assertFits(seen[k], new BinomialDistribution(n, p[k]));
    }
  }

  /**
   * Shares made ready once draw exactly the numbers that a chain of conditional binomials over the
   * array draws, including categories with no probability, conditional probabilities over 1/2
   * (drawn as their complement) and a category after all the probability is spent.
   */
  @Test
  void preparedSharesDrawTheSameNumbersAsTheChainOfBinomials() {
    double[][] cases = {
      {0.45, 0.3, 0.17, 0.05, 0.02, 0.008, 0.002},
      {0.02, 0.9, 0.0, 0.05, 0.03},
      {0.5, 0.5, 0.0},
      {0.0, 0.0, 1.0},
      {0.001, 0.001, 0.998},
      {0.7, 0.3},
    };
    for (double[] p : cases) {
      for (long n : new long[] {0, 1, 7, 60, 900, 25_000}) {
        SplittableRandom a = new SplittableRandom(n * 31 + p.length);
        SplittableRandom b = new SplittableRandom(n * 31 + p.length);
        Multinomial.Shares shares = Multinomial.shares(p);
        long[] out = new long[p.length];
        for (int draw = 0; draw < 200; draw++) {
          Multinomial.sample(a, n, shares, out);
          assertEquals(
              java.util.Arrays.toString(chainOfBinomials(b, n, p)),
              java.util.Arrays.toString(out),
              "n " + n + ", p " + java.util.Arrays.toString(p));
        }
      }
    }
  }

  /** The multinomial as K − 1 conditional binomials, written out plainly. */
  private static long[] chainOfBinomials(SplittableRandom random, long n, double[] p) {
    long[] out = new long[p.length];
    long left = n;
    double pLeft = 1.0;
    for (int i = 0; i < p.length - 1; i++) {
      if (left == 0 || pLeft <= 0) {
        continue;
      }
      out[i] = Multinomial.binomial(random, left, Math.min(1.0, p[i] / pLeft));
      left -= out[i];
      pLeft -= p[i];
    }
    out[p.length - 1] = left;
    return out;
  }

  /** Chi-square fit of the observed counts to the pmf, cells pooled to 20+ expected each. */
  private static void assertFits(long[] seen, BinomialDistribution exact) {
    java.util.List<double[]> cells = new java.util.ArrayList<>(); // {expected, observed}
    double[] cell = {0, 0};
    for (int x = 0; x < seen.length; x++) {
      cell[0] += DRAWS * exact.probability(x);
      cell[1] += seen[x];
      if (cell[0] >= 20) {
        cells.add(cell);
        cell = new double[] {0, 0};
      }
    }
    if (!cells.isEmpty()) { // the thin upper tail joins the last full cell
      cells.get(cells.size() - 1)[0] += cell[0];
      cells.get(cells.size() - 1)[1] += cell[1];
    } else {
      cells.add(cell);
    }
    double statistic = 0;
    for (double[] c : cells) {
      statistic += Math.pow(c[1] - c[0], 2) / c[0];
    }
    double pValue =
        cells.size() < 2
            ? 1.0
            : 1 - new ChiSquaredDistribution(cells.size() - 1).cumulativeProbability(statistic);
    assertTrue(
        pValue > 1e-4,
        String.format(
            "draws do not follow Bin(%d, %s): X² %.1f on %d" + " cells, p %.2g",
            exact.getNumberOfTrials(),
            exact.getProbabilityOfSuccess(),
            statistic,
            cells.size(),
            pValue));
  }
}
