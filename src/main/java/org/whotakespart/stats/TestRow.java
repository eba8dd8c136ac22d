package org.whotakespart.stats;

/**
 * The whole-characteristic test of one scope (statistics.md): do the participants' categories, as a
 * whole, differ from the baseline shares?
 *
 * @param participants people with a known value in a category that has a baseline
 * @param categories categories tested (those with a population share above 0)
 * @param statistic the chi-square statistic, sum of (observed − expected)² / expected
 * @param pValue null when there is nothing to test
 * @param method {@code chi_square}, {@code monte_carlo} (any expected count below 5) or {@code
 *     not_tested} (nobody known, or fewer than two categories)
 * @param minExpected the smallest expected count
 */
public record TestRow(
    String period,
    ScopeType scopeType,
    String scopeId,
    String scopeName,
    String characteristic,
    long participants,
    int categories,
    Double statistic,
    Integer degreesOfFreedom,
    Double pValue,
    String method,
    Double minExpected) {}
