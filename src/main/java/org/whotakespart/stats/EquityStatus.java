package org.whotakespart.stats;

import org.whotakespart.config.Coded;

/**
 * A group's share beside everyone in its scope: {@code lower} when the group's 95% Wilson interval
 * lies wholly below everyone's share, {@code higher} when wholly above, {@code similar} otherwise;
 * {@code no_data} when nobody in the group has the measure recorded. Everyone's share is taken as
 * fixed (it includes the group, so this is a screen for differences worth a look, not a test
 * between two independent samples).
 */
public enum EquityStatus implements Coded {
  LOWER("lower", "lower than everyone's"),
  SIMILAR("similar", "similar to everyone's"),
  HIGHER("higher", "higher than everyone's"),
  NO_DATA("no_data", "no data");

  private final String code;
  private final String words;

  EquityStatus(String code, String words) {
    this.code = code;
    this.words = words;
  }

  @Override
  public String code() {
    return code;
  }

  public String words() {
    return words;
  }

  static EquityStatus of(long n, Interval ci95, Double everyoneShare) {
    if (n == 0 || ci95 == null || everyoneShare == null) {
      return NO_DATA;
    }
    if (ci95.high() < everyoneShare - 1e-12) {
      return LOWER;
    }
    if (ci95.low() > everyoneShare + 1e-12) {
      return HIGHER;
    }
    return SIMILAR;
  }
}
