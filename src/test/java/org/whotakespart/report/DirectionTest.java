package org.whotakespart.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DirectionTest {
  /** The pooled two-proportion chi-square of a 2 × 2 table, written out: sum of (O − E)² / E. */
  private static double chiSquare(long x0, long n0, long x1, long n1) {
    double pooled = (double) (x0 + x1) / (n0 + n1);
    double[][] observed = {{x0, n0 - x0}, {x1, n1 - x1}};
    double[][] expected = {{n0 * pooled, n0 * (1 - pooled)}, {n1 * pooled, n1 * (1 - pooled)}};
    double sum = 0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        sum += Math.pow(observed[i][j] - expected[i][j], 2) / expected[i][j];
      }
    }
    return sum;
  }

  @Test
  void anImprovingSeriesIsGettingBetter() {
    // 10 of 200 then 30 of 200, population share 20%: R prop.test(c(30, 10), c(200, 200),
    // correct = FALSE) gives X-squared = 3.333333², p = 0.00086.
    Direction.Change c = Direction.of(10, 200, 0.2, 30, 200, 0.2);
    assertEquals(Direction.BETTER, c.direction());
    assertEquals(3.333333, c.z(), 1e-6);
    assertEquals(chiSquare(10, 200, 30, 200), c.z() * c.z(), 1e-9);
  }

  @Test
  void aWorseningSeriesIsGettingWorse() {
    // 40 of 200 then 20 of 200: prop.test gives sqrt(X-squared) = 2.80056, p = 0.0051.
    Direction.Change c = Direction.of(40, 200, 0.3, 20, 200, 0.3);
    assertEquals(Direction.WORSE, c.direction());
    assertEquals(-2.80056, c.z(), 1e-5);
    assertEquals(chiSquare(40, 200, 20, 200), c.z() * c.z(), 1e-9);
  }

  @Test
  void aNoisySeriesShowsNoClearChange() {
    // 18 of 100 then 22 of 100: prop.test gives sqrt(X-squared) = 0.7071068, p = 0.48.
    Direction.Change c = Direction.of(18, 100, 0.3, 22, 100, 0.3);
    assertEquals(Direction.NO_CLEAR_CHANGE, c.direction());
    assertEquals(0.7071068, c.z(), 1e-6);
  }

  @Test
  void ratiosAgainstDifferentPopulationSharesAreCompared() {
    // Ratios 0.5 (10 of 100 against 20%) and 0.75 (30 of 100 against 40%) look better, but:
    // pooled ratio 40 / 60 = 0.6667; V0 = (0.1333 × 0.8667 / 100) / 0.04 = 0.028889,
    // V1 = (0.2667 × 0.7333 / 100) / 0.16 = 0.012222; z = 0.25 / sqrt(0.041111) = 1.2330.
    Direction.Change c = Direction.of(10, 100, 0.2, 30, 100, 0.4);
    assertEquals(1.2330, c.z(), 1e-3);
    assertEquals(Direction.NO_CLEAR_CHANGE, c.direction());
  }

  @Test
  void nobodyInEitherQuarterIsNoClearChangeAndMissingFiguresAreNoComparison() {
    assertEquals(Direction.NO_CLEAR_CHANGE, Direction.of(0, 50, 0.1, 0, 50, 0.1).direction());
    assertEquals(Direction.NO_COMPARISON, Direction.of(0, 0, 0.1, 5, 50, 0.1).direction());
    assertEquals(Direction.NO_COMPARISON, Direction.of(3, 40, null, 5, 50, 0.1).direction());
    assertEquals("\u2191 getting better", Direction.BETTER.text());
  }
}
