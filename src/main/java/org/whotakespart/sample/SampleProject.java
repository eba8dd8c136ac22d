package org.whotakespart.sample;

import java.util.Arrays;
import org.whotakespart.baseline.MsoaImporter;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.Project;

/**
 * A sample project: the project as projects.csv lists it (max_age null: no limit; sex "": all;
 * not_compared at most one characteristic), how it recruits, and its size (the number of people it
 * usually has, before the scale).
 */
record SampleProject(Project project, Profile profile, int size) {

  String id() {
    return project.projectId();
  }

  /** True when the catchment lists neighbourhoods (MSOAs). */
  boolean isNeighbourhood() {
    return project.catchment().stream().anyMatch(MsoaImporter::isMsoa);
  }

  /** True for the usual adult project (16 or 18 and over, either sex): drawn as before. */
  boolean isForEveryone() {
    return project.maxAge() == null && project.sex().isEmpty() && project.minAge() <= 18;
  }

  /** True when the category is of the ages and sex the project is for. */
  boolean isFor(Characteristic c, String category) {
    return intendedFraction(c, category) > 0;
  }

  /**
   * The share of the category's years the project is for: 1 inside, 0 outside, and for an age band
   * straddling min_age or max_age the share of its years inside (25 to 34 for 16 to 25s: one year
   * in ten), so that a straddling band is drawn as often as its intended years are.
   */
  double intendedFraction(Characteristic c, String category) {
    String sex = project.sex();
    if (c == Characteristic.SEX) {
      return sex.isEmpty() || sex.equals(category) ? 1.0 : 0.0;
    }
    if (c != Characteristic.AGE_BAND) {
      return 1.0;
    }
    int[] r =
        category.equals("under_16")
            ? new int[] {0, 15}
            : category.equals("85_plus")
                ? new int[] {85, 100}
                : Arrays.stream(category.split("_")).mapToInt(Integer::parseInt).toArray();
    Integer maxAge = project.maxAge();
    int inside =
        Math.min(r[1], maxAge == null ? 100 : maxAge) - Math.max(r[0], project.minAge()) + 1;
    return inside <= 0 ? 0.0 : (double) inside / (r[1] - r[0] + 1);
  }

  /**
   * A characteristic that defines who a project is for (not_compared) is mostly that: a carers'
   * group's people are carers, a stroke panel's mostly disabled.
   */
  double defining(Characteristic c, String category) {
    if (!project.isNotCompared(c.code())) {
      return 1.0;
    }
    return switch (c) {
      case UNPAID_CARER -> category.equals("yes") ? 40.0 : 1.0;
      case DISABILITY -> category.equals("not_disabled") ? 0.3 : 4.0;
      default -> 1.0;
    };
  }
}
