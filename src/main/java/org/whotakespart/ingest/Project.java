package org.whotakespart.ingest;

import java.util.List;
import java.util.Set;

/**
 * One co-production project from the projects file, and who it is for (statistics.md, "The intended
 * population").
 *
 * @param catchment ONS area codes: local authorities, regions or neighbourhoods (MSOAs), or the
 *     user's own area ids for a custom baseline
 * @param minAge youngest age the project is for; selects the baseline's age coverage
 * @param maxAge oldest age the project is for; null when there is no upper limit
 * @param sex {@code female} or {@code male} for a single-sex project, "" for all
 * @param notCompared characteristics that define who the project is for, never compared
 * @param baseline name of the baseline set to compare with
 */
public record Project(
    String projectId,
    String projectName,
    String organisation,
    String commissioner,
    List<String> catchment,
    int minAge,
    Integer maxAge,
    String sex,
    Set<String> notCompared,
    String baseline) {

  /** A project for everyone aged {@code minAge} and over, of either sex, comparing everything. */
  public Project(
      String projectId,
      String projectName,
      String organisation,
      String commissioner,
      List<String> catchment,
      int minAge,
      String baseline) {
    this(
        projectId,
        projectName,
        organisation,
        commissioner,
        catchment,
        minAge,
        null,
        "",
        Set.of(),
        baseline);
  }

  /** True when the project is for everyone of its ages, of either sex, comparing everything. */
  public boolean isForEveryone() {
    return maxAge == null && sex.isEmpty() && notCompared.isEmpty();
  }

  /** True when the whole characteristic is listed in {@code not_compared}. */
  public boolean isNotCompared(String characteristic) {
    return notCompared.contains(characteristic);
  }
}
