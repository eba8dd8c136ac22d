package org.whotakespart.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    // 12 of 30 = 0.4 against 0.3: ratio 1.33; Wilson 95% low 0.2459 (by hand: (24 + z² −
    // z·sqrt(z² + 48·0.6)) / (2·(30 + z²))) reaches 0.3; 0 of 30 would be significant
    // (z²/(30 + z²) = 0.1135 < 0.3), so "possibly".
    assertEquals(Status.POSSIBLY_OVER_REPRESENTED, status(12, 30, 0.3));
    assertEquals(Status.OVER_REPRESENTED, status(60, 100, 0.3));
  }

  private static final double Z2 = 1.959963984540054 * 1.959963984540054;

  @Test
  void aScopeTooSmallToShowAGapIsTooFewToTellNotPossibly() {
    // statistics.md's check: 0 of 35 against p0 = 0.019. z²/(35 + z²) = 3.8415/38.8415 = 0.0989,
    // not below 0.019: even total absence would not be significant.
    assertEquals(0.0989, Z2 / (35 + Z2), 5e-5);
    MetricRow r =
        calc.metric(
            ScopeType.PROJECT, "P", "P", "ethnic_group", "asian_bangladeshi", 0, 35, 0, 0.019);
    assertEquals(Status.TOO_FEW_TO_TELL, r.status());
    assertFalse(Status.ableToShowGap(35, 0.019));
    // 1 of 35 against 0.05 (ratio 0.57): outside the band, not significant, not able (0.0989 ≥
    // 0.05).
    assertEquals(Status.TOO_FEW_TO_TELL, status(1, 35, 0.05));
    // 3 of 5 against 0.3 (ratio 2): 0 of 5 would not be significant (z²/(5 + z²) = 0.4345 ≥ 0.3).
    assertEquals(Status.TOO_FEW_TO_TELL, status(3, 5, 0.3));
  }

  @Test
  void absentOnlyWhereTheScopeCanShowAGap() {
    // 0 of 35 against 0.05: expected 1.75 ≥ 1 but 0.0989 ≥ 0.05: not absent, too few to tell.
    MetricRow small = calc.metric(ScopeType.PROJECT, "P", "P", "sex", "male", 0, 35, 0, 0.05);
    assertEquals(1.75, small.expected(), 1e-12);
    assertEquals(Status.TOO_FEW_TO_TELL, small.status());
    assertFalse(small.isAbsent());
    // 0 of 100 against 0.05: z²/(100 + z²) = 0.03699 < 0.05, so significant and absent.
    MetricRow large = calc.metric(ScopeType.PROJECT, "P", "P", "sex", "male", 0, 100, 0, 0.05);
    assertEquals(0.03699, Z2 / (100 + Z2), 5e-6);
    assertEquals(Status.UNDER_REPRESENTED, large.status());
    assertTrue(large.isAbsent());
    // 0 of 10 against 0.6: expected 6, able (3.84/13.84 = 0.2776 < 0.6): absent.
    assertTrue(calc.metric(ScopeType.PROJECT, "P", "P", "sex", "male", 0, 10, 0, 0.6).isAbsent());
  }

  @Test
  void theEdgeOfAbleIsNotAble() {
    // "lies below p0": a p0 equal to z²/(n + z²) is not enough.
    assertFalse(Status.ableToShowGap(50, Z2 / (50 + Z2)));
    assertTrue(Status.ableToShowGap(50, Z2 / (50 + Z2) + 1e-9));
    assertFalse(Status.ableToShowGap(0, 0.5));
    assertFalse(Status.ableToShowGap(50, null));
  }

  @Test
  void allOfThemAndNoneOfThemAndNobody() {
    // n of n: 20 of 20 against 0.3: Wilson 95% low = 20/(20 + z²) = 0.8389 > 0.3.
    assertEquals(Status.OVER_REPRESENTED, status(20, 20, 0.3));
    // 5 of 5 against 0.02: ratio 50, low 5/(5 + z²) = 0.5655 > 0.02: significant although
    // absence could not have been shown.
    assertEquals(Status.OVER_REPRESENTED, status(5, 5, 0.02));
    assertEquals(Status.IN_LINE, status(20, 20, 0.9));
    assertEquals(Status.NO_DATA, status(0, 0, 0.3));
    assertEquals(
        Status.NO_BASELINE,
        calc.metric(ScopeType.PROJECT, "P", "P", "sex", "male", 3, 10, 0, null).status());
  }

  @Test
  void aGroupOutsideTheIntendedPopulationIsNotCompared() {
    MetricRow r = calc.metric(ScopeType.PROJECT, "P", "P", "sex", "male", 0, 40, 0, 0.49, true);
    assertEquals(Status.NOT_COMPARED, r.status());
    assertNull(r.populationShare());
    assertNull(r.expected());
    assertNull(r.ratio());
    assertFalse(r.isAbsent());
    assertEquals(0.0, r.share());
  }

  @Test
  void aTooFewToTellQuarterNeitherExtendsNorStartsARun() {
    Status u = Status.UNDER_REPRESENTED;
    Status t = Status.TOO_FEW_TO_TELL;
    assertEquals(new Trend("under_represented", 1), Trend.of(new Status[] {u, u, t, u}));
    assertEquals(new Trend("not_assessed", 0), Trend.of(new Status[] {u, u, u, t}));
    assertEquals(
        new Trend("persistently_under_represented", 4), Trend.of(new Status[] {u, u, u, u}));
    assertEquals(
        new Trend("not_assessed", 0), Trend.of(new Status[] {u, u, u, Status.NOT_COMPARED}));
  }

  @Test
  void theBandIsConfigurable() {
    // 15 of 20 = 0.75 against 0.85: ratio 0.882; the 95% high (0.888) is above 0.85.
    MetricCalculator strict = new MetricCalculator("2025 Q3", new Bands(0.9, 1.1));
    assertEquals(
        Status.POSSIBLY_UNDER_REPRESENTED,
        strict.metric(ScopeType.PROJECT, "P", "P", "sex", "female", 15, 20, 0, 0.85).status());
    assertEquals(
        Status.IN_LINE,
        calc.metric(ScopeType.PROJECT, "P", "P", "sex", "female", 15, 20, 0, 0.85).status());
  }
}
