package org.whotakespart.stats;

/**
 * Distinct people in a scope and period by role. A person with several roles counts once in each;
 * {@link #MEASURED} counts people in any role compared with the population, {@link #EVERYONE}
 * counts everybody. In a rollup a person counts once however many of its projects they joined (the
 * metrics, by contrast, count a person once per project).
 */
public record PeopleRow(
    String period,
    ScopeType scopeType,
    String scopeId,
    String scopeName,
    String role,
    long people) {
  public static final String MEASURED = "measured_roles";
  public static final String EVERYONE = "everyone";
}
