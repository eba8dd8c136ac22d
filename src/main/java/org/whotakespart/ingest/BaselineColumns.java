package org.whotakespart.ingest;

import java.util.List;

/** Column names of the normalised baselines (data-contract.md §3). */
public final class BaselineColumns {
  public static final String BASELINE = "baseline";
  public static final String AREA_CODE = "area_code";
  public static final String AREA_NAME = "area_name";
  public static final String CHARACTERISTIC = "characteristic";
  public static final String CATEGORY = "category";
  public static final String MIN_AGE = "min_age";
  public static final String POPULATION = "population";
  public static final String SOURCE = "source";

  public static final List<String> ALL =
      List.of(
          BASELINE, AREA_CODE, AREA_NAME, CHARACTERISTIC, CATEGORY, MIN_AGE, POPULATION, SOURCE);

  private BaselineColumns() {}
}
