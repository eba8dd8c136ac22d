package org.whotakespart.baseline;

import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.Project;

/**
 * Who a project is for (statistics.md, "The intended population"): which groups it is compared on.
 * An age band is compared when any of its years lies in [min_age, max_age]; a band that straddles
 * an end is compared, its baseline counting only the intended years within it (where single years
 * are known), because a participant's band does not say on which side of the limit they are.
 */
public final class IntendedPopulation {
  private IntendedPopulation() {}

  /** True when the group is outside the project's intended population, or its characteristic is. */
  public static boolean isNotCompared(Project p, String characteristic, String category) {
    if (p.isNotCompared(characteristic)) {
      return true;
    }
    if (characteristic.equals(Characteristic.AGE_BAND.code())) {
      return !ageBandOverlaps(p, category);
    }
    if (characteristic.equals(Characteristic.SEX.code())) {
      return !p.sex().isEmpty() && !p.sex().equals(category);
    }
    return false;
  }

  /** True when any year of the age band lies in the project's ages. */
  public static boolean ageBandOverlaps(Project p, String band) {
    int[] r = CensusImporter.band(band);
    int max = p.maxAge() == null ? Integer.MAX_VALUE : p.maxAge();
    return r[1] >= p.minAge() && r[0] <= max;
  }

  /** "residents aged 16 to 49, women only" and the like, for a project's age and sex baseline. */
  public static String residents(int minAge, Integer maxAge, String sex) {
    String ages =
        maxAge != null
            ? "residents aged " + minAge + " to " + maxAge
            : minAge == 0 ? "residents of all ages" : "residents aged " + minAge + " and over";
    return ages
        + (sex.equals("female")
            ? ", women and girls only"
            : sex.equals("male") ? ", men and boys only" : "");
  }
}
