package org.whotakespart.stats;

/**
 * One group's experience in a scope and quarter beside everyone in the same scope (the equity
 * metrics, data-contract.md §5): {@code with} of {@code people} had it.
 *
 * @param measure a {@link EquityCalculator.Measure} code
 * @param share with / people; null when people = 0
 * @param everyoneShare the same measure over everyone in the scope, every group and unknown
 * @param difference share − everyoneShare
 * @param areaShare the catchment's own share where a published figure exists (most deprived 10%:
 *     the share of its small areas in England's most deprived 10%), else null
 */
public record EquityRow(
    String period,
    ScopeType scopeType,
    String scopeId,
    String scopeName,
    String characteristic,
    String category,
    String measure,
    long with,
    long people,
    Double share,
    Interval shareCi95,
    long everyoneWith,
    long everyonePeople,
    Double everyoneShare,
    Double difference,
    EquityStatus status,
    Double areaShare) {}
