package org.whotakespart.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.special.Gamma;

/**
 * Chi-square goodness of fit of a scope's participants against its baseline shares, K − 1 degrees
 * of freedom. Where any expected count is below 5 the chi-square approximation is not valid, so the
 * p-value is found by Monte Carlo instead, as R's {@code chisq.test(simulate.p.value = TRUE)} does:
 * B samples from the multinomial of the baseline shares ({@link Multinomial}: a cost per sample
 * that does not grow with the participants), p = (1 + samples at least as extreme) / (B + 1). Each
 * test's random seed comes from its scope and characteristic, so every run, and any order of work,
 * gives the same p-values.
 */
public final class GoodnessOfFit {
  /** As R's default. */
  public static final int MONTE_CARLO_SAMPLES = 2000;

  static final long SEED = 20_251_124L;
  private static final double MIN_EXPECTED = 5.0;

  private GoodnessOfFit() {}

  /** One test per scope and characteristic present in {@code metrics}, in the metrics' order. */
  public static List<TestRow> tests(List<MetricRow> metrics) {
    record Test(ScopeKey scope, String characteristic) {}
    Map<Test, List<MetricRow>> groups = new LinkedHashMap<>();
    for (MetricRow r : metrics) {
      groups
          .computeIfAbsent(new Test(ScopeKey.of(r), r.characteristic()), k -> new ArrayList<>())
          .add(r);
    }
    return inParallel(new ArrayList<>(groups.values()));
  }

  /** Tests handed out this many at a time to whichever thread is free. */
  private static final int TESTS_A_TURN = 32;

  /**
   * Every group's test, on every core, in the groups' order. A Monte Carlo test costs thousands of
   * times a chi-square one and they are not spread evenly, so the groups are handed out a few at a
   * time to whichever thread is free: a parallel stream cut them into four fixed parts, and one
   * core worked alone for the last 3 s of the 1 M record report's tests.
   */
  static List<TestRow> inParallel(List<List<MetricRow>> groups) {
    TestRow[] out = new TestRow[groups.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable work =
        () -> {
          for (int from; (from = next.getAndAdd(TESTS_A_TURN)) < out.length; ) {
            for (int i = from; i < Math.min(out.length, from + TESTS_A_TURN); i++) {
              out[i] = test(groups.get(i));
            }
          }
        };
    int helpers =
        Math.max(
            0, Math.min(Runtime.getRuntime().availableProcessors() - 1, out.length / TESTS_A_TURN));
    List<ForkJoinTask<?>> started = new ArrayList<>();
    for (int h = 0; h < helpers; h++) {
      started.add(ForkJoinPool.commonPool().submit(work));
    }
    work.run();
    started.forEach(ForkJoinTask::join);
    return List.of(out);
  }

  static TestRow test(List<MetricRow> group) {
    MetricRow first = group.get(0);
    List<MetricRow> tested =
        group.stream().filter(r -> r.populationShare() != null && r.populationShare() > 0).toList();
    long[] observed = tested.stream().mapToLong(MetricRow::participants).toArray();
    double[] shares = tested.stream().mapToDouble(MetricRow::populationShare).toArray();
    long n = Arrays.stream(observed).sum();
    if (n == 0 || tested.size() < 2) {
      return row(first, n, tested.size(), null, null, null, "not_tested", null);
    }
    Result r = test(observed, shares, seed(first));
    return row(
        first,
        n,
        tested.size(),
        r.statistic(),
        tested.size() - 1,
        r.pValue(),
        r.method(),
        r.minExpected());
  }

  /** A group's row: its scope and characteristic (from its first row), then the test's figures. */
  private static TestRow row(
      MetricRow first,
      long n,
      int categories,
      Double statistic,
      Integer degreesOfFreedom,
      Double pValue,
      String method,
      Double minExpected) {
    return new TestRow(
        first.period(),
        first.scopeType(),
        first.scopeId(),
        first.scopeName(),
        first.characteristic(),
        n,
        categories,
        statistic,
        degreesOfFreedom,
        pValue,
        method,
        minExpected);
  }

  /** The statistic, p-value and method for counts against shares (which need not sum to 1). */
  public record Result(double statistic, double pValue, String method, double minExpected) {}

  public static Result test(long[] observed, double[] shares, long seed) {
    long n = Arrays.stream(observed).sum();
    double total = Arrays.stream(shares).sum();
    double[] p = new double[shares.length];
    double[] expected = new double[shares.length];
    double minExpected = Double.MAX_VALUE;
    for (int i = 0; i < p.length; i++) {
      p[i] = shares[i] / total;
      expected[i] = n * p[i];
      minExpected = Math.min(minExpected, expected[i]);
    }
    double statistic = statistic(observed, expected);
    int df = p.length - 1;
    if (minExpected >= MIN_EXPECTED) {
      return new Result(
          statistic, Gamma.regularizedGammaQ(df / 2.0, statistic / 2.0), "chi_square", minExpected);
    }
    return new Result(
        statistic, monteCarlo(statistic, n, p, expected, seed), "monte_carlo", minExpected);
  }

  static double statistic(long[] observed, double[] expected) {
    double s = 0;
    for (int i = 0; i < observed.length; i++) {
      double d = observed[i] - expected[i];
      s += d * d / expected[i];
    }
    return s;
  }

  private static double monteCarlo(
      double observedStatistic, long n, double[] p, double[] expected, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    // As R: count samples with a statistic at least (1 - 64 eps) times the observed one.
    double threshold = observedStatistic * (1 - 64 * Math.ulp(1.0));
    long[] sample = new long[p.length];
    Multinomial.Shares shares = Multinomial.shares(p);
    int atLeast = 0;
    for (int b = 0; b < MONTE_CARLO_SAMPLES; b++) {
      Multinomial.sample(random, n, shares, sample);
      if (statistic(sample, expected) >= threshold) {
        atLeast++;
      }
    }
    return (1.0 + atLeast) / (MONTE_CARLO_SAMPLES + 1.0);
  }

  private static long seed(MetricRow r) {
    String key =
        r.period()
            + '\u0000'
            + r.scopeType().code()
            + '\u0000'
            + r.scopeId()
            + '\u0000'
            + r.characteristic();
    long h = SEED;
    for (int i = 0; i < key.length(); i++) {
      h = h * 1_000_003L + key.charAt(i);
    }
    return h;
  }
}
