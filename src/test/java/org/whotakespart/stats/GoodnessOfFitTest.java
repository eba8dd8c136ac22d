package org.whotakespart.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference values from R 4.2 on this machine, {@code chisq.test(x, p = p)}, sprintf("%.17g"). */
class GoodnessOfFitTest {
  @Test
  void largeExpectedCountsUseTheChiSquareDistribution() {
    // chisq.test(c(30, 12, 8), p = c(0.5, 0.3, 0.2)): X-squared 2, p 0.36787944117144233
    GoodnessOfFit.Result r =
        GoodnessOfFit.test(new long[] {30, 12, 8}, new double[] {0.5, 0.3, 0.2}, 1);
    assertEquals("chi_square", r.method());
    assertEquals(2.0, r.statistic(), 1e-12);
    assertEquals(0.36787944117144233, r.pValue(), 1e-12);
    // chisq.test(c(10, 30, 5, 5), p = c(0.2, 0.5, 0.2, 0.1)): 3.5, 0.32076212080563887
    GoodnessOfFit.Result s =
        GoodnessOfFit.test(new long[] {10, 30, 5, 5}, new double[] {0.2, 0.5, 0.2, 0.1}, 1);
    assertEquals(3.5, s.statistic(), 1e-12);
    assertEquals(0.32076212080563887, s.pValue(), 1e-12);
  }

  @Test
  void smallExpectedCountsUseMonteCarloAndAgreeWithR() {
    // set.seed(1); chisq.test(c(1, 9, 0), p = c(0.3, 0.6, 0.1), simulate.p.value = TRUE,
    //   B = 200000): X-squared 3.833333333333333, p 0.18336908315458422. Our B = 2000 has a
    // standard error of about 0.009, so agreement within 0.04 is four of them.
    GoodnessOfFit.Result r =
        GoodnessOfFit.test(new long[] {1, 9, 0}, new double[] {0.3, 0.6, 0.1}, 7);
    assertEquals("monte_carlo", r.method());
    assertEquals(3.833333333333333, r.statistic(), 1e-12);
    assertEquals(0.18336908315458422, r.pValue(), 0.04);
    // chisq.test(c(0, 12, 3, 0), p = c(0.25, 0.5, 0.15, 0.1), simulate.p.value = TRUE,
    //   B = 200000): X-squared 8.2, p 0.043089784551077245
    GoodnessOfFit.Result s =
        GoodnessOfFit.test(new long[] {0, 12, 3, 0}, new double[] {0.25, 0.5, 0.15, 0.1}, 7);
    assertEquals(8.2, s.statistic(), 1e-12);
    assertEquals(0.043089784551077245, s.pValue(), 0.03);
  }

  @Test
  void monteCarloWithManyParticipantsAgreesWithR() {
    // set.seed(1); chisq.test(x, p = p, simulate.p.value = TRUE, B = 200000) with
    // p = c(0.45, 0.3, 0.17, 0.05, 0.02, 0.008, 0.002): the smallest expected count is 1.8, so
    // Monte Carlo, with 900 participants (the sampler's BTRS and inversion paths both run).
    double[] p = {0.45, 0.3, 0.17, 0.05, 0.02, 0.008, 0.002};
    // x = c(400, 300, 150, 40, 8, 2, 0): X-squared 15.120551924473494, p 0.022814885925570374;
    // with B = 2000 the standard error is about 0.0033.
    GoodnessOfFit.Result r = GoodnessOfFit.test(new long[] {400, 300, 150, 40, 8, 2, 0}, p, 7);
    assertEquals("monte_carlo", r.method());
    assertEquals(15.120551924473494, r.statistic(), 1e-9);
    assertEquals(0.022814885925570374, r.pValue(), 0.014);
    // x = c(380, 330, 150, 20, 15, 4, 1): X-squared 31.102033405954977, p 0.00018499907500462497
    GoodnessOfFit.Result s = GoodnessOfFit.test(new long[] {380, 330, 150, 20, 15, 4, 1}, p, 7);
    assertEquals(31.102033405954977, s.statistic(), 1e-9);
    assertEquals(0.00018499907500462497, s.pValue(), 0.002);
  }

  @Test
  void theSameSeedGivesTheSamePValue() {
    long[] x = {1, 9, 0};
    double[] p = {0.3, 0.6, 0.1};
    assertEquals(GoodnessOfFit.test(x, p, 42).pValue(), GoodnessOfFit.test(x, p, 42).pValue(), 0.0);
  }

  @Test
  void aScopeWithNobodyOrOneCategoryIsNotTested() {
    MetricCalculator calc = new MetricCalculator("2025-26 Q2", Bands.DEFAULT);
    List<MetricRow> nobody =
        List.of(
            calc.metric(ScopeType.PROJECT, "A", "A", "sex", "female", 0, 0, 4, 0.5),
            calc.metric(ScopeType.PROJECT, "A", "A", "sex", "male", 0, 0, 4, 0.5));
    TestRow t = GoodnessOfFit.tests(nobody).get(0);
    assertEquals("not_tested", t.method());
    assertNull(t.pValue());
  }

  @Test
  void categoriesWithoutAPopulationAreLeftOutOfTheTest() {
    MetricCalculator calc = new MetricCalculator("2025-26 Q2", Bands.DEFAULT);
    List<MetricRow> rows = new ArrayList<>();
    rows.add(calc.metric(ScopeType.PROJECT, "A", "A", "age_band", "under_16", 0, 50, 0, null));
    rows.add(calc.metric(ScopeType.PROJECT, "A", "A", "age_band", "16_24", 30, 50, 0, 0.5));
    rows.add(calc.metric(ScopeType.PROJECT, "A", "A", "age_band", "25_34", 12, 50, 0, 0.3));
    rows.add(calc.metric(ScopeType.PROJECT, "A", "A", "age_band", "35_44", 8, 50, 0, 0.2));
    TestRow t = GoodnessOfFit.tests(rows).get(0);
    assertEquals(3, t.categories());
    assertEquals(2, t.degreesOfFreedom());
    assertEquals(0.36787944117144233, t.pValue(), 1e-12);
  }

  @Test
  void manyScopesAreTestedInTheirOrderWithTheirOwnPValues() {
    // 500 projects, Monte Carlo and chi-square tests mixed unevenly (the small ones together, as
    // in a report), handed out to the cores a few at a time: each must come back in its place,
    // with the p-value it has when tested alone.
    MetricCalculator calc = new MetricCalculator("2025-26 Q2", Bands.DEFAULT);
    List<MetricRow> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String id = String.format(java.util.Locale.ROOT, "P%03d", i);
      long n = i < 300 ? 3 + i % 7 : 200 + i;
      long female = n * (i % 3 + 1) / 5;
      rows.add(calc.metric(ScopeType.PROJECT, id, id, "sex", "female", female, n, 0, 0.52));
      rows.add(calc.metric(ScopeType.PROJECT, id, id, "sex", "male", n - female, n, 0, 0.48));
    }
    List<TestRow> tests = GoodnessOfFit.tests(rows);
    assertEquals(500, tests.size());
    int monteCarlo = 0;
    for (int i = 0; i < 500; i++) {
      TestRow alone = GoodnessOfFit.tests(rows.subList(2 * i, 2 * i + 2)).get(0);
      assertEquals(alone, tests.get(i), "project " + i);
      monteCarlo += "monte_carlo".equals(alone.method()) ? 1 : 0;
    }
    assertEquals(300, monteCarlo);
  }
}
