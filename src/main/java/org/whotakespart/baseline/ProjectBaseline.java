package org.whotakespart.baseline;

/**
 * The eligible population of one project's catchment in one category.
 *
 * @param population people in the category, summed over the catchment's areas
 * @param knownPopulation people in any known category of the characteristic, over the same areas
 * @param minAgeCovered the youngest age the baseline covers (the nearest not above the project's)
 * @param covers who the baseline counts, in words ("residents aged 16 to 49, women and girls
 *     only"): narrower than the project's people only where no Census table crosses them
 * @param maxAgeCovered the oldest age the baseline covers (null: no upper age)
 * @param sexCovered the one sex the baseline counts ("female", "male"), or "" for both
 */
public record ProjectBaseline(
    String projectId,
    String characteristic,
    String category,
    long population,
    long knownPopulation,
    int minAgeCovered,
    String covers,
    Integer maxAgeCovered,
    String sexCovered) {

  /** A baseline of residents aged {@code minAgeCovered} and over, of either sex. */
  public ProjectBaseline(
      String projectId,
      String characteristic,
      String category,
      long population,
      long knownPopulation,
      int minAgeCovered,
      String covers) {
    this(
        projectId,
        characteristic,
        category,
        population,
        knownPopulation,
        minAgeCovered,
        covers,
        null,
        "");
  }

  /**
   * True when a person of this age band and sex (null: not known) is outside the residents the
   * baseline counts: their whole band below or above its ages, or of the other sex. A person whose
   * age or sex is not known is taken to be inside.
   */
  public boolean excludes(String ageBand, String sex) {
    if (ageBand != null) {
      int[] band = CensusImporter.band(ageBand);
      if (band[1] < minAgeCovered || maxAgeCovered != null && band[0] > maxAgeCovered) {
        return true;
      }
    }
    return sex != null && !sexCovered.isEmpty() && !sexCovered.equals(sex);
  }

  public ProjectBaseline(
      String projectId,
      String characteristic,
      String category,
      long population,
      long knownPopulation,
      int minAgeCovered) {
    this(
        projectId,
        characteristic,
        category,
        population,
        knownPopulation,
        minAgeCovered,
        IntendedPopulation.residents(minAgeCovered, null, ""));
  }

  /** p0: the category's share of the eligible population; null when nobody is known. */
  public Double populationShare() {
    return knownPopulation == 0 ? null : (double) population / knownPopulation;
  }
}
