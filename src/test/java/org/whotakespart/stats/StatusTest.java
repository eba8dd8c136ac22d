package org.whotakespart.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatusTest {
  private final MetricCalculator calc = new MetricCalculator("2025 Q3", Bands.DEFAULT);

  private Status status(long x, long n, double p0) {
    return calc.metric(ScopeType.PROJECT, "P", "P", "sex", "female", x, n, 0, p0).status();
  }

  @Test
  void aRatioOfExactlyTheLowerEdgeIsInLine() {
    // 16 of 100 against 0.2: ratio 0.8 exactly, but 0.16 / 0.2 is 0.7999999999999999 in doubles.
    assertEquals(Status.IN_LINE, status(16, 100, 0.2));
    assertEquals(Status.IN_LINE, status(40, 100, 0.5));
    assertEquals(Status.UNDER_REPRESENTED, status(390, 1000, 0.5));
  }

  @Test
  void aRatioOfExactlyTheUpperEdgeIsInLine() {
    // 50 of 100 against 0.4: ratio 1.25.
    assertEquals(Status.IN_LINE, status(50, 100, 0.4));
    assertEquals(Status.OVER_REPRESENTED, status(70, 100, 0.4));
  }

  @Test
  void significanceSeparatesUnderFromPossiblyUnder() {
    // 4 of 20 = 0.2 against 0.3: 95% high 0.416 > 0.3.
    assertEquals(Status.POSSIBLY_UNDER_REPRESENTED, status(4, 20, 0.3));
    // 40 of 200 = 0.2 against 0.3: prop.test(40, 200, p = 0.3, correct = FALSE)$conf.int
    // is 0.1503 to 0.2611, all below 0.3.
    assertEquals(Status.UNDER_REPRESENTED, status(40, 200, 0.3));
  }

  @Test
  void significanceSeparatesOverFromPossiblyOver() {
    assertEquals(Status.POSSIBLY_OVER_REPRESENTED, status(3, 5, 0.3));
    assertEquals(Status.OVER_REPRESENTED, status(60, 100, 0.3));
  }

  @Test
  void theBandIsConfigurable() {
    // 15 of 20 = 0.75 against 0.85: ratio 0.882; the 95% high (0.888) is above 0.85.
    MetricCalculator strict = new MetricCalculator("2025 Q3", new Bands(0.9, 1.1));
    assertEquals(Status.POSSIBLY_UNDER_REPRESENTED,
        strict.metric(ScopeType.PROJECT, "P", "P", "sex", "female", 15, 20, 0, 0.85).status());
    assertEquals(Status.IN_LINE,
        calc.metric(ScopeType.PROJECT, "P", "P", "sex", "female", 15, 20, 0, 0.85).status());
  }
}
