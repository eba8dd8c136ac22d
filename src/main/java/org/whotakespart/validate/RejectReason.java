package org.whotakespart.validate;

import org.whotakespart.config.Coded;

/** Why a row was quarantined: a stable code for analysts and a plain reason for people. */
public enum RejectReason implements Coded {
  MALFORMED_ROW("malformed_row", "the row has a different number of fields from the header"),
  MISSING_REQUIRED_VALUE(
      "missing_required_value",
      "record_id, participant_id, project_id and activity_date must all be filled in"),
  BAD_DATE("bad_date", "activity_date is not a real date written YYYY-MM-DD"),
  DATE_OUTSIDE_ANY_PERIOD(
      "date_outside_any_period",
      "activity_date is before 2000 or after the day of the run, so it falls in no reporting period"),
  UNKNOWN_PROJECT("unknown_project", "project_id is not in the projects file"),
  UNMAPPABLE_VALUE(
      "unmappable_value", "a value is not one of the contract's codes and no alias maps it"),
  CONFLICTING_RECORD_ID(
      "conflicting_record_id",
      "the same record_id was sent more than once for this project with different content");

  private final String code;
  private final String plain;

  RejectReason(String code, String plain) {
    this.code = code;
    this.plain = plain;
  }

  @Override
  public String code() {
    return code;
  }

  public String plain() {
    return plain;
  }

  public static RejectReason fromCode(String code) {
    return Coded.byCode(RejectReason.class, code)
        .orElseThrow(() -> new IllegalArgumentException("no reject reason " + code));
  }
}
