package org.whotakespart.report;

import java.util.List;

/**
 * What a baseline set covers for one characteristic: the youngest age in its counts, which
 * residents it counts in words ({@code covers}, e.g. "residents aged 16 to 49, women and girls
 * only"), the projects compared with it, and where the figures came from.
 */
public record BaselineCoverage(
    String baseline,
    String characteristic,
    int minAgeCovered,
    String source,
    String covers,
    List<String> projectNames) {

  public BaselineCoverage(
      String baseline, String characteristic, int minAgeCovered, String source) {
    this(baseline, characteristic, minAgeCovered, source, Phrases.ages(minAgeCovered), List.of());
  }
}
