package org.whotakespart.stats;

/**
 * Distinct people of one project in one category, as counted by {@link PeopleCounts}; where the
 * counts are split by age band and sex, several rows add up to the category's people.
 *
 * @param categoryIndex position in the characteristic's categories, or null for unknown
 * @param conflicts people whose recorded value differed between activities
 * @param ageIndex the people's age band (index in its categories), or null: not known, or not split
 *     by age
 * @param sexIndex the people's sex likewise
 */
public record CategoryCount(
    String projectId,
    String characteristic,
    Integer categoryIndex,
    long people,
    long conflicts,
    Integer ageIndex,
    Integer sexIndex) {

  /** People of a category, not split by age band and sex. */
  public CategoryCount(
      String projectId, String characteristic, Integer categoryIndex, long people, long conflicts) {
    this(projectId, characteristic, categoryIndex, people, conflicts, null, null);
  }
}
