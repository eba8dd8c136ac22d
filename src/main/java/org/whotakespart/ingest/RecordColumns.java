package org.whotakespart.ingest;

import java.util.List;

/**
 * Column names of the participation records (data-contract.md §1) and of the rows read from them.
 */
public final class RecordColumns {
  public static final String RECORD_ID = "record_id";
  public static final String PARTICIPANT_ID = "participant_id";
  public static final String PROJECT_ID = "project_id";
  public static final String ACTIVITY_DATE = "activity_date";
  public static final String ROLE = "role";
  public static final String STAGE = "stage";
  public static final String AGE_BAND = "age_band";
  public static final String SEX = "sex";
  public static final String GENDER_IDENTITY = "gender_identity";
  public static final String SEXUAL_ORIENTATION = "sexual_orientation";
  public static final String ETHNIC_GROUP = "ethnic_group";
  public static final String RELIGION = "religion";
  public static final String DISABILITY = "disability";
  public static final String UNPAID_CARER = "unpaid_carer";
  public static final String IMD_DECILE = "imd_decile";
  public static final String COMMUNICATION_NEEDS = "communication_needs";
  public static final String PAID = "paid";
  public static final String ADJUSTMENTS_REQUESTED = "adjustments_requested";
  public static final String ADJUSTMENTS_MET = "adjustments_met";

  /**
   * The financial quarter of a record, e.g. {@code 2025-26 Q2} (as read; the store keeps QUARTER).
   */
  public static final String PERIOD = "period";

  /** The store's partition column: the quarter with a dash, e.g. {@code 2025-26-Q2}. */
  public static final String QUARTER = "quarter";

  /** The partition value of a quarter label: {@code 2025-26 Q2} is {@code 2025-26-Q2}. */
  public static String quarterValue(String period) {
    return period.replace(' ', '-');
  }

  /** Where a row came from: the file as named to the run. */
  public static final String SOURCE_FILE = "source_file";

  /** The line the row starts on, counting the header as line 1. */
  public static final String LINE_NUMBER = "line_number";

  /** Why the row could not be read as a record (wrong number of fields), or null. */
  public static final String MALFORMED_REASON = "malformed_reason";

  /**
   * "column: kind" for the first value outside the contract's columns (a column the contract does
   * not know, or a field beyond the header) that looks like a direct identifier, or null: the only
   * thing kept of those values.
   */
  public static final String IDENTIFIER_ELSEWHERE = "identifier_elsewhere";

  public static final List<String> REQUIRED =
      List.of(RECORD_ID, PARTICIPANT_ID, PROJECT_ID, ACTIVITY_DATE);

  /** Every contract column, in the contract's order. */
  public static final List<String> CONTRACT =
      List.of(
          RECORD_ID,
          PARTICIPANT_ID,
          PROJECT_ID,
          ACTIVITY_DATE,
          ROLE,
          STAGE,
          AGE_BAND,
          SEX,
          GENDER_IDENTITY,
          SEXUAL_ORIENTATION,
          ETHNIC_GROUP,
          RELIGION,
          DISABILITY,
          UNPAID_CARER,
          IMD_DECILE,
          COMMUNICATION_NEEDS,
          PAID,
          ADJUSTMENTS_REQUESTED,
          ADJUSTMENTS_MET);

  private RecordColumns() {}
}
