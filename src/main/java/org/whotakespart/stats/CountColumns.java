package org.whotakespart.stats;

import org.whotakespart.config.Characteristic;

/** Columns of the people counts that {@link PeopleCounts} produces. */
public final class CountColumns {
  /** The label of the quarter a record was counted in. */
  public static final String PERIOD = "period";

  /** The quarter's position among those counted together, oldest first. */
  public static final String PERIOD_INDEX = "period_index";

  /** Per person: bit set of the stages taken part in (1 design, 2 delivery, 4 evaluation). */
  public static final String STAGES = "stages";

  /** Per person: bit set of the paid answers given (1 no, 2 yes). */
  public static final String PAID = "paid_answers";

  /** Per person: 1 when an adjustment asked for was not met, 2 when one was met (both: 3). */
  public static final String ADJUSTMENTS = "adjustment_answers";

  /** Per person: latest IMD decile packed as day * 64 + decile. */
  public static final String DECILE = "decile_latest";

  /** Per person: whether they took part in the same project the next quarter. */
  public static final String ACTIVE_NEXT = "active_next";

  public static final String PROJECT_ID = "project_id";
  public static final String PARTICIPANT_ID = "participant_id";
  public static final String CHARACTERISTIC = "characteristic";

  /** A person's age band and sex, as category indices (null: not known). */
  public static final String AGE_INDEX = "age_index";

  public static final String SEX_INDEX = "sex_index";

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

  /**
   * Per person: every value they gave, one bit per category of every characteristic (each
   * characteristic's bits from its {@code PeopleCounts} offset on).
   */
  static final String SEEN = "categories_seen";

  /** How many records a row of the people table stands for. */
  public static final String RECORDS = "records";

  // Scratch columns: made and dropped while people are aggregated, never in a result.

  /** A characteristic's category index, per record, before it is packed with the day. */
  static String categoryIndexOf(Characteristic c) {
    return c.code() + "_index";
  }

  /** Per record: its day times 64, to pack an index into ({@link PackedLatest}). */
  static final String DAY_SHIFTED = "day_shifted";

  /** Per record: the quarter it is aggregated under (the last's records under the one before). */
  static final String PERSON_GROUP = "person_group";

  /** Per record: whether it is in the last quarter counted. */
  static final String IN_LAST_QUARTER = "in_last_quarter";

  /** Per person: how many records they have in a quarter. */
  static final String PERSON_RECORDS = "person_records";

  /** Ends the name of a per-person column of the last quarter, beside the earlier one's. */
  static final String LAST_SUFFIX = "_last";

  /** Per person and characteristic: whether they gave more than one category. */
  static final String IS_CONFLICT = "is_conflict";

  /** A project's number, from 1, while people per scope are counted ({@link PeopleByScope}). */
  static final String PROJECT_INDEX = "project_index";

  /** Per person: the role groups they took part in, as bits ({@link SeenSets#roleBits}). */
  static final String ROLES = "roles";

  /** Per person: the smallest and largest number of the projects they took part in. */
  static final String FIRST_PROJECT = "first_project";

  static final String LAST_PROJECT = "last_project";

  /** Per scope: the people in role group {@code i} ({@link SeenSets#roleSums}). */
  static String roleCount(int i) {
    return "n" + i;
  }
}
