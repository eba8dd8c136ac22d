package org.whotakespart.baseline;

/**
 * The eligible population of one project's catchment in one category.
 *
 * @param population people in the category, summed over the catchment's areas
 * @param knownPopulation people in any known category of the characteristic, over the same areas
 * @param minAgeCovered the youngest age the baseline covers (the nearest not above the project's)
 * @param covers who the baseline counts, in words ("residents aged 16 to 49, women and girls
 *     only"): narrower than the project's people only where no Census table crosses them
 */
public record ProjectBaseline(String projectId, String characteristic, String category,
    long population, long knownPopulation, int minAgeCovered, String covers) {

  public ProjectBaseline(String projectId, String characteristic, String category,
      long population, long knownPopulation, int minAgeCovered) {
    this(projectId, characteristic, category, population, knownPopulation, minAgeCovered,
        IntendedPopulation.residents(minAgeCovered, null, ""));
  }

  /** p0: the category's share of the eligible population; null when nobody is known. */
  public Double populationShare() {
    return knownPopulation == 0 ? null : (double) population / knownPopulation;
  }
}
