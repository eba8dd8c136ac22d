package org.whotakespart.report;

/**
 * What a baseline set covers for one characteristic: the youngest age in its counts (so the report
 * can say "residents aged 16 and over") and where the figures came from.
 */
public record BaselineCoverage(String baseline, String characteristic, int minAgeCovered,
    String source) {}
