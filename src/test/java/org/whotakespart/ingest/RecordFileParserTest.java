package org.whotakespart.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFileParserTest {
  @TempDir Path dir;

  private List<Row> parse(String content, Charset charset) throws IOException {
    Path f = dir.resolve("participation.csv");
    Files.write(f, content.getBytes(charset));
    List<Row> rows = new ArrayList<>();
    new RecordFileParser(charset).call(f.toString()).forEachRemaining(rows::add);
    return rows;
  }

  private static String field(Row r, String column) {
    return r.getString(RecordFileParser.SCHEMA.fieldIndex(column));
  }

  @Test
  void columnsAreMatchedByNameInAnyOrderAndCase() throws IOException {
    List<Row> rows =
        parse(
            " Project_ID ,RECORD_ID,participant_id,Activity_Date,sex\n"
                + "P1,r1,p1,2025-07-01,female\n",
            StandardCharsets.UTF_8);
    Row r = rows.get(0);
    assertEquals("r1", field(r, "record_id"));
    assertEquals("P1", field(r, "project_id"));
    assertEquals("female", field(r, "sex"));
    assertNull(field(r, "ethnic_group"), "a column the file lacks is null");
    assertEquals(2L, r.getLong(1), "line number");
  }

  @Test
  void lineNumbersCountQuotedLineBreaksBlankLinesAndCrlf() throws IOException {
    String csv =
        "\uFEFFrecord_id,participant_id,project_id,activity_date,role\r\n"
            + "r1,p1,P1,2025-07-01,\r\n"
            + "r2,p2,P1,2025-07-01,\"carer,\r\nand more\"\r\n"
            + "\r\n"
            + "r3,p3,P1,2025-07-01,other";
    List<Row> rows = parse(csv, StandardCharsets.UTF_8);
    assertEquals(3, rows.size());
    assertEquals(List.of(2L, 3L, 6L), rows.stream().map(r -> r.getLong(1)).toList());
    assertEquals("carer,\r\nand more", field(rows.get(1), "role"));
    assertEquals("r1", field(rows.get(0), "record_id"), "the BOM is not part of the first name");
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsKeptAsMalformed() throws IOException {
    List<Row> rows =
        parse(
            "record_id,participant_id,project_id,activity_date\n" + "r1,p1,P1\n",
            StandardCharsets.UTF_8);
    Row r = rows.get(0);
    assertEquals(
        "expected 4 fields as in the header, found 3", field(r, RecordColumns.MALFORMED_REASON));
    org.junit.jupiter.api.Assertions.assertNull(
        field(r, RecordColumns.IDENTIFIER_ELSEWHERE),
        "nothing outside the contract's columns is kept");
  }

  @Test
  void anIdentifierOutsideTheContractsColumnsIsNamedByColumnAndKindOnly() throws IOException {
    List<Row> rows =
        parse(
            "record_id,participant_id,project_id,activity_date,Notes\n"
                + "r1,p1,P1,2025-07-01,call Sam on 07700 900789\n"
                + "r2,p2,P1,2025-07-01,fine,sam.lee@nhs.net\n",
            StandardCharsets.UTF_8);
    assertEquals(
        "notes: a UK phone number", field(rows.get(0), RecordColumns.IDENTIFIER_ELSEWHERE));
    assertEquals(
        "field 6 (beyond the header): an e-mail address",
        field(rows.get(1), RecordColumns.IDENTIFIER_ELSEWHERE));
  }

  @Test
  void bytesThatAreNotValidInTheEncodingStopWithTheFileAndTheFix() throws IOException {
    byte[] latin =
        "record_id,participant_id,project_id,activity_date,sex\nr1,p1,P1,2025-07-01,f\u00e9\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Path f = dir.resolve("participation-latin.csv");
    Files.write(f, latin);
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new RecordFileParser(StandardCharsets.UTF_8)
                    .call(f.toString())
                    .forEachRemaining(r -> {}));
    assertTrue(e.getMessage().contains("participation-latin.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    assertTrue(e.getMessage().contains("--encoding"), e.getMessage());
    List<Row> rows = new ArrayList<>();
    new RecordFileParser(Charset.forName("windows-1252"))
        .call(f.toString())
        .forEachRemaining(rows::add);
    assertEquals("f\u00e9", field(rows.get(0), "sex"));
  }

  @Test
  void aMissingRequiredColumnNamesTheFileWhatIsExpectedAndTheNearestMatch() {
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                ParticipationReader.checkHeader(
                    "x.csv", List.of("record_id", "participantid", "project_id", "activity_date")));
    assertTrue(
        e.getMessage().startsWith("x.csv: missing required column participant_id"), e.getMessage());
    assertTrue(
        e.getMessage().contains("participantid: did you mean participant_id?"), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains("found 4 columns: [record_id, project_id, activity_date] and 1 other"),
        e.getMessage());
  }

  @Test
  void unknownColumnsAreReportedAsIgnored() {
    assertEquals(
        List.of("notes"),
        ParticipationReader.checkHeader(
            "x.csv",
            List.of("record_id", "participant_id", "project_id", "activity_date", "notes")));
  }
}
