package org.whotakespart.report;

import org.whotakespart.stats.Wilson;

/**
 * Which way a gap of under-representation moved between two quarters (statistics.md, "Is it getting
 * better"): a two-sample test of the two quarters' ratios, so that a change smaller than chance
 * would make reads "no clear change".
 *
 * <p>Each quarter has x of n people in the group and a population share p (its ratio is (x / n) /
 * p). If the ratio were the same in both quarters, its best estimate would be R = (x₀ + x₁) / (n₀p₀
 * + n₁p₁), and quarter i's ratio would vary by R·pᵢ(1 − R·pᵢ) / (nᵢ·pᵢ²); z = (ratio₁ − ratio₀) /
 * sqrt(V₀ + V₁). With the same population share in both quarters this is exactly the pooled
 * two-proportion z-test (R's {@code prop.test(correct = FALSE)}). The gap is getting better when z
 * ≥ 1.96 (the ratio rose towards 1), worse when z ≤ −1.96, otherwise no clear change.
 *
 * <pre>{@code
 * Direction.Change c = Direction.of(10, 200, 0.2, 30, 200, 0.2); // then 10 of 200, now 30 of 200
 * c.direction(); // BETTER, z = 3.33
 * }</pre>
 */
public enum Direction {
  BETTER("getting better", "\u2191"),
  WORSE("getting worse", "\u2193"),
  NO_CLEAR_CHANGE("no clear change", "\u2192"),
  /** The earlier quarter has no figures to compare with (no data, no baseline). */
  NO_COMPARISON("no figures to compare", "\u2013"),
  /** A count a board may not see in one of the quarters: the direction could narrow it. */
  NOT_SHOWN("not shown", "\u2013");

  private final String words;
  private final String arrow;

  Direction(String words, String arrow) {
    this.words = words;
    this.arrow = arrow;
  }

  public String words() {
    return words;
  }

  /** An arrow for the ratio's move: up (better), down (worse), across (no clear change). */
  public String arrow() {
    return arrow;
  }

  /** The arrow and the words, as a board reads them: "↑ getting better". */
  public String text() {
    return arrow + " " + words;
  }

  /**
   * The move in words that do not judge it, for groups whose ratio rising is not a gap closing
   * (those in line or over-represented): "↑ ratio rose".
   */
  public String neutralText() {
    return switch (this) {
      case BETTER -> arrow + " ratio rose";
      case WORSE -> arrow + " ratio fell";
      default -> text();
    };
  }

  /** The test's result: the direction and its z (NaN when there is nothing to test). */
  public record Change(Direction direction, double z) {}

  /**
   * The change of an under-represented group's ratio from quarter 0 (then) to quarter 1 (now).
   *
   * @param x0 people in the group then, of {@code n0} who answered, against population share p0
   */
  public static Change of(long x0, long n0, Double p0, long x1, long n1, Double p1) {
    if (n0 <= 0 || n1 <= 0 || p0 == null || p1 == null || p0 <= 0 || p1 <= 0) {
      return new Change(NO_COMPARISON, Double.NaN);
    }
    double pooled = (x0 + x1) / (n0 * p0 + n1 * p1);
    double v0 = variance(pooled, p0, n0);
    double v1 = variance(pooled, p1, n1);
    double ratio0 = (double) x0 / n0 / p0;
    double ratio1 = (double) x1 / n1 / p1;
    if (!(v0 + v1 > 0)) {
      // Nobody in the group in either quarter (or everybody): no evidence of any move.
      return new Change(NO_CLEAR_CHANGE, 0.0);
    }
    double z = (ratio1 - ratio0) / Math.sqrt(v0 + v1);
    Direction d = z >= Wilson.Z95 ? BETTER : z <= -Wilson.Z95 ? WORSE : NO_CLEAR_CHANGE;
    return new Change(d, z);
  }

  private static double variance(double ratio, double p, long n) {
    double share = Math.min(1.0, ratio * p);
    return share * (1 - share) / (n * p * p);
  }
}
