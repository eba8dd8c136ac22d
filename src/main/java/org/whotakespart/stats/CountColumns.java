package org.whotakespart.stats;

/** Columns of the people counts that {@link PeopleCounts} produces. */
public final class CountColumns {
  /** The label of the quarter a record was counted in. */
  public static final String PERIOD = "period";
  public static final String PROJECT_ID = "project_id";
  public static final String PARTICIPANT_ID = "participant_id";
  public static final String CHARACTERISTIC = "characteristic";
  /** Position of the category in {@code Characteristic#categories()}, or null for unknown. */
  public static final String CATEGORY_INDEX = "category_index";
  /** Distinct people. */
  public static final String PEOPLE = "people";
  public static final String ROLE = "role";
  public static final String SCOPE_TYPE = "scope_type";
  public static final String SCOPE_ID = "scope_id";
  /** People whose known value differed between their activities (the latest was used). */
  public static final String CONFLICTS = "conflicts";

  private CountColumns() {}

  /** The packed latest-value column of a characteristic while people are aggregated. */
  static String latest(String characteristic) {
    return characteristic + "_latest";
  }

  /** The bit set of every value a person gave for a characteristic. */
  static String seen(String characteristic) {
    return characteristic + "_seen";
  }
}
