package org.whotakespart.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.ingest.RecordFileParser;
import org.whotakespart.testing.StartsSpark;
import org.whotakespart.testing.TestSpark;

@StartsSpark
class RecordValidationTest {
  /** A raw row as the parser makes it: record, person, project, date, sex; the rest blank. */
  private static Row raw(
      long line, String record, String person, String project, String date, String sex) {
    Object[] v = new Object[RecordFileParser.SCHEMA.size()];
    v[0] = "f.csv";
    v[1] = line;
    v[4 + RecordColumns.CONTRACT.indexOf("record_id")] = record;
    v[4 + RecordColumns.CONTRACT.indexOf("participant_id")] = person;
    v[4 + RecordColumns.CONTRACT.indexOf("project_id")] = project;
    v[4 + RecordColumns.CONTRACT.indexOf("activity_date")] = date;
    v[4 + RecordColumns.CONTRACT.indexOf("sex")] = sex;
    return RowFactory.create(v);
  }

  private static RecordValidation.Validated run(List<Row> rows) {
    var jsc =
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(
            TestSpark.session().sparkContext());
    return RecordValidation.validate(
        TestSpark.session(),
        jsc.parallelize(rows, 2),
        Aliases.defaults(),
        java.util.Set.of("P1"),
        java.time.LocalDate.of(2026, 1, 1));
  }

  private static Map<Long, String> validate(List<Row> rows) {
    Map<Long, String> out = new TreeMap<>();
    List<Row> checked;
    try (RecordValidation.Validated v = run(rows)) {
      checked = v.rows().collectAsList();
    }
    for (Row r : checked) {
      String reason = r.getAs(ValidatedColumns.REJECT_REASON);
      out.put(
          r.getAs(RecordColumns.LINE_NUMBER),
          r.<String>getAs(ValidatedColumns.ROW_STATUS) + (reason == null ? "" : ":" + reason));
    }
    return out;
  }

  @Test
  void everyRowLeavesWithAStatusAndEveryRejectionWithItsReason() {
    List<Row> rows = new ArrayList<>();
    rows.add(raw(2, "r1", "p1", "P1", "2025-07-01", "female"));
    rows.add(raw(3, "r2", "p2", "P1", "2025-07-01", " F "));
    rows.add(raw(4, "r3", "p3", "P1", "2025-02-30", "male"));
    rows.add(raw(5, "r4", "p4", "P9", "2025-07-01", "male"));
    rows.add(raw(6, "r5", "p5", "P1", "2025-07-01", "Fmale"));
    rows.add(raw(7, "r6", "  ", "P1", "2025-07-01", "male"));
    rows.add(raw(8, "r7", "p7", "P1", "1/7/2025", "male"));
    rows.add(raw(9, "r8", "p8", "P1", "2025-07-01", "Prefer not to say"));
    rows.add(raw(11, "r10", "p10", "P1", "2026-01-02", "male"));
    Row ok = raw(10, "r9", "p9", "P1", "2025-07-01", "male");
    Object[] malformed = new Object[ok.size()];
    for (int i = 0; i < ok.size(); i++) {
      malformed[i] = ok.get(i);
    }
    malformed[2] = "expected 19 fields as in the header, found 3";
    rows.add(RowFactory.create(malformed));
    Map<Long, String> v = validate(rows);
    assertEquals("accepted", v.get(2L));
    assertEquals("accepted", v.get(3L), "F is an alias of female; spaces are trimmed");
    assertEquals("quarantined:bad_date", v.get(4L), "30 February does not exist");
    assertEquals("quarantined:unknown_project", v.get(5L));
    assertEquals("quarantined:unmappable_value", v.get(6L));
    assertEquals("quarantined:missing_required_value", v.get(7L));
    assertEquals("quarantined:bad_date", v.get(8L));
    assertEquals("accepted", v.get(9L), "prefer not to say is an answer, not an error");
    assertEquals("quarantined:malformed_row", v.get(10L));
    assertEquals("quarantined:date_outside_any_period", v.get(11L), "after the day of the run");
    assertEquals(10, v.size(), "nothing is lost");
  }

  @Test
  void anExactResendIsADuplicateAndAChangedResendIsAConflict() {
    List<Row> rows =
        List.of(
            raw(2, "r1", "p1", "P1", "2025-07-01", "female"),
            raw(3, "r1", "p1", "P1", "2025-07-01", "F"),
            raw(4, "r2", "p2", "P1", "2025-07-01", "female"),
            raw(5, "r2", "p2", "P1", "2025-07-02", "female"));
    Map<Long, String> v = validate(rows);
    assertEquals("accepted", v.get(2L));
    assertEquals("duplicate", v.get(3L), "the same record after coding, sent again");
    assertEquals("quarantined:conflicting_record_id", v.get(4L));
    assertEquals("quarantined:conflicting_record_id", v.get(5L));
  }

  @Test
  void quarantinedRowsKeepTheValuesAsSentAndAcceptedRowsOnlyTheCodes() {
    List<Row> rows =
        List.of(
            raw(2, "r1", "p1", "P1", "2025-07-01", "F"),
            raw(3, "r2", "p2", "P1", "2025-07-01", "Fmale"));
    List<Row> out;
    try (RecordValidation.Validated v = run(rows)) {
      out = v.rows().orderBy(RecordColumns.LINE_NUMBER).collectAsList();
    }
    assertEquals("female", (String) out.get(0).getAs(ValidatedColumns.code("sex")));
    assertEquals(null, (String) out.get(0).getAs("sex"));
    assertEquals("Fmale", (String) out.get(1).getAs("sex"));
  }

  @Test
  void eachCodeComesWithItsPlaceInTheContractsList() {
    // The contract lists sex as female, male: female is the first.
    List<Row> rows =
        List.of(
            raw(2, "r1", "p1", "P1", "2025-07-01", "F"),
            raw(3, "r2", "p2", "P1", "2025-07-01", "male"),
            raw(4, "r3", "p3", "P1", "2025-07-01", "prefer not to say"),
            raw(5, "r4", "p4", "P1", "2025-07-01", null),
            raw(6, "r5", "p5", "P1", "2025-07-01", "Fmale"));
    List<Row> out;
    try (RecordValidation.Validated v = run(rows)) {
      out = v.rows().orderBy(RecordColumns.LINE_NUMBER).collectAsList();
    }
    List<String> sexes = org.whotakespart.config.Characteristic.SEX.categoryCodes();
    assertEquals(0, sexes.indexOf("female"));
    assertEquals((byte) 0, (Byte) out.get(0).getAs(ValidatedColumns.index("sex")));
    assertEquals(
        (byte) sexes.indexOf("male"), (Byte) out.get(1).getAs(ValidatedColumns.index("sex")));
    assertEquals("prefer_not_to_say", (String) out.get(2).getAs(ValidatedColumns.code("sex")));
    assertNull(out.get(2).getAs(ValidatedColumns.index("sex")), "unknown has no place");
    assertNull(out.get(3).getAs(ValidatedColumns.index("sex")));
    assertNull(out.get(4).getAs(ValidatedColumns.index("sex")), "an unmappable value");
    // A blank role is lived experience for counting, but is stored as blank.
    assertNull(out.get(0).getAs(ValidatedColumns.index("role")));
  }

  @Test
  void idsThatShareAHashAreStillToldApart() {
    // Every id given the same hash: all are candidates, and the exact step must find the same
    // repeats as with the real hash (r1 re-sent exactly, r2 changed, r3 and r4 once each).
    List<Row> rows =
        List.of(
            raw(2, "r1", "p1", "P1", "2025-07-01", "female"),
            raw(3, "r1", "p1", "P1", "2025-07-01", "F"),
            raw(4, "r2", "p2", "P1", "2025-07-01", "female"),
            raw(5, "r3", "p3", "P1", "2025-07-01", "male"),
            raw(6, "r2", "p2", "P1", "2025-07-02", "female"),
            raw(7, "r4", "p4", "P1", "2025-07-01", "male"));
    List<String> withRealHash;
    List<String> withOneHash;
    try (RecordValidation.Validated v = run(rows)) {
      withRealHash = repeated(RecordValidation.repeatedIds(v.checked()));
      withOneHash =
          repeated(
              RecordValidation.repeatedIds(v.checked(), org.apache.spark.sql.functions.lit(7L)));
    }
    assertEquals(
        List.of("r1 conflict=false first=f.csv:2", "r2 conflict=true first=f.csv:4"), withRealHash);
    assertEquals(withRealHash, withOneHash);
  }

  private static List<String> repeated(org.apache.spark.sql.Dataset<Row> ids) {
    List<String> out = new ArrayList<>();
    for (Row r : ids.collectAsList()) {
      out.add(
          r.getAs("repeated_record_id")
              + " conflict="
              + r.getAs("is_conflict")
              + " first="
              + r.getAs("first_file")
              + ":"
              + r.getAs("first_line"));
    }
    out.sort(null);
    return out;
  }
}
