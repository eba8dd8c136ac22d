package org.whotakespart.ingest;

import java.util.List;

/** Column names of the projects file (data-contract.md §2). */
public final class ProjectColumns {
  public static final String PROJECT_ID = "project_id";
  public static final String PROJECT_NAME = "project_name";
  public static final String ORGANISATION = "organisation";
  public static final String COMMISSIONER = "commissioner";
  public static final String CATCHMENT = "catchment";
  public static final String MIN_AGE = "min_age";
  public static final String MAX_AGE = "max_age";
  public static final String SEX = "sex";
  public static final String NOT_COMPARED = "not_compared";
  public static final String BASELINE = "baseline";

  public static final List<String> REQUIRED = List.of(PROJECT_ID, PROJECT_NAME, CATCHMENT);
  public static final List<String> ALL =
      List.of(
          PROJECT_ID,
          PROJECT_NAME,
          ORGANISATION,
          COMMISSIONER,
          CATCHMENT,
          MIN_AGE,
          MAX_AGE,
          SEX,
          NOT_COMPARED,
          BASELINE);

  public static final int DEFAULT_MIN_AGE = 16;
  public static final String DEFAULT_BASELINE = "census2021";

  private ProjectColumns() {}
}
