package org.whotakespart.validate;

/** Columns the validation stage adds to the rows read. */
public final class ValidatedColumns {
  /** {@code accepted}, {@code quarantined} or {@code duplicate} (an exact re-send, counted once). */
  public static final String ROW_STATUS = "row_status";
  /** A {@link RejectReason} code, or null for accepted rows and duplicates. */
  public static final String REJECT_REASON = "reject_reason";
  /** What exactly is wrong with this row, in words; null when nothing is. */
  public static final String REJECT_DETAIL = "reject_detail";
  /** {@code activity_date} as a date. */
  public static final String ACTIVITY_DAY = "activity_day";

  public static final String ACCEPTED = "accepted";
  public static final String QUARANTINED = "quarantined";
  public static final String DUPLICATE = "duplicate";

  private ValidatedColumns() {}

  /** The column holding the contract code of a coded record column, e.g. {@code code_sex}. */
  public static String code(String column) {
    return "code_" + column;
  }
}
