package org.whotakespart.stats;

/**
 * Distinct people of one project in one category, as counted by {@link PeopleCounts}.
 *
 * @param categoryIndex position in the characteristic's categories, or null for unknown
 * @param conflicts people whose recorded value differed between activities
 */
public record CategoryCount(String projectId, String characteristic, Integer categoryIndex,
    long people, long conflicts) {}
