package org.whotakespart.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.config.JobConfig;
import org.whotakespart.ingest.InputException;
import org.whotakespart.testing.TestSpark;

/**
 * A corpus of bad exports, each problem on its own and several mixed in one file, run through the
 * same checks as the report: every promised message and quarantine reason, and rows read = accepted
 * + quarantined + duplicates for every file.
 */
class BadInputCorpusTest {
  private static final String HEADER = "record_id,participant_id,project_id,activity_date,sex,ethnic_group\n";

  @TempDir
  Path dir;

  private Path projects() throws IOException {
    Path p = dir.resolve("projects.csv");
    Files.writeString(p, "project_id,project_name,catchment\nP1,One,E08000019\n");
    return p;
  }

  private RecordCheck.Checked validate(Path records, String encoding) throws IOException {
    JobConfig config = JobConfig.builder().records(List.of(records.toString()))
        .projects(projects().toString()).output(dir.resolve("out").toString())
        .encoding(encoding).buildForValidation();
    return ValidateJob.run(config, TestSpark.session(), Progress.silent());
  }

  private RecordCheck.Checked validate(Path records) throws IOException {
    return validate(records, "UTF-8");
  }

  /** quarantine.csv lines by line number: reason code and detail. */
  private Map<Long, String[]> quarantine() throws IOException {
    Map<Long, String[]> m = new HashMap<>();
    try (Reader r = Files.newBufferedReader(dir.resolve("out/quarantine.csv"));
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().get().parse(r)) {
      for (CSVRecord rec : p) {
        m.put(Long.parseLong(rec.get("line_number")), new String[] {rec.get("reason_code"),
            rec.get("detail"), rec.get("sex")});
      }
    }
    return m;
  }

  private Path write(String name, String content, Charset charset) throws IOException {
    Path f = dir.resolve("in").resolve(name);
    Files.createDirectories(f.getParent());
    Files.write(f, content.getBytes(charset));
    return f;
  }

  @Test
  void everyRowProblemInOneFileIsQuarantinedWithItsReasonAndTheFileBalances() throws IOException {
    Path f = write("participation-mixed.csv", HEADER
        + "r1,p1,P1,2025-07-01,female,white_british\n"             // 2 accepted
        + "r2,p2,P1,2025-07-01,female\n"                           // 3 malformed
        + "r3,p3,P1,2025-02-29,female,white_british\n"             // 4 bad date (not a leap year)
        + "r4,p4,P1,1925-07-01,female,white_british\n"             // 5 outside any period
        + "r5,p5,P9,2025-07-01,female,white_british\n"             // 6 unknown project
        + "r6,p6,P1,2025-07-01,Fmale,white_british\n"             // 7 unmappable, column named
        + "r7,,P1,2025-07-01,female,white_british\n"               // 8 missing participant
        + "r8,p8,P1,2025-07-01,female,white_british\n"             // 9 conflict with line 10
        + "r8,p8,P1,2025-07-02,female,white_british\n"             // 10
        + "r9,p9,P1,2025-07-01,F,\"White - British\"\n"            // 11 accepted (aliases)
        + "r9,p9,P1,2025-07-01,female,white_british\n"             // 12 exact re-send: duplicate
        + "r10,p10,P1,2025-07-01,male,\"Black British - Caribbean\"\n", // 13 accepted
        StandardCharsets.UTF_8);
    RecordCheck.Checked c = validate(f);
    long[] counts = c.counts().byFile().get(f.toString());
    assertEquals(12, counts[0] + counts[1] + counts[2], "rows read");
    assertEquals(3, counts[0]);
    assertEquals(8, counts[1]);
    assertEquals(1, counts[2]);
    Map<Long, String[]> q = quarantine();
    assertEquals("malformed_row", q.get(3L)[0]);
    assertEquals("bad_date", q.get(4L)[0]);
    assertEquals("date_outside_any_period", q.get(5L)[0]);
    assertEquals("unknown_project", q.get(6L)[0]);
    assertEquals("unmappable_value", q.get(7L)[0]);
    assertTrue(q.get(7L)[1].startsWith("sex 'Fmale'"), q.get(7L)[1]);
    assertEquals("Fmale", q.get(7L)[2], "the value as sent");
    assertEquals("missing_required_value", q.get(8L)[0]);
    assertEquals("blank: participant_id", q.get(8L)[1]);
    assertEquals("conflicting_record_id", q.get(9L)[0]);
    assertEquals("conflicting_record_id", q.get(10L)[0]);
    assertEquals(8, q.size());
  }

  @Test
  void bomCrlfAndQuotedCommasAndLineBreaksAreRead() throws IOException {
    Path f = write("participation-excel.csv", "\uFEFF" + HEADER.replace("\n", "\r\n")
        + "r1,p1,P1,2025-07-01,female,\"Asian, Asian British or Asian Welsh: Indian\"\r\n"
        + "\"r2\",\"p2\",P1,2025-07-01,\"fe\r\nmale\",white_british\r\n"
        + "r3,p3,P1,2025-07-01,male,white_irish\r\n", StandardCharsets.UTF_8);
    RecordCheck.Checked c = validate(f);
    long[] counts = c.counts().byFile().get(f.toString());
    assertEquals(2, counts[0], "ONS label with a comma maps; a line break inside 'female' does not");
    assertEquals(1, counts[1]);
    assertEquals("unmappable_value", quarantine().get(3L)[0], "the record starts on line 3");
  }

  @Test
  void emptyAndHeaderOnlyFilesAreReportedNotFatal() throws IOException {
    write("participation-empty.csv", "", StandardCharsets.UTF_8);
    write("participation-header.csv", HEADER, StandardCharsets.UTF_8);
    write("participation-ok.csv", HEADER + "r1,p1,P1,2025-07-01,female,white_british\n",
        StandardCharsets.UTF_8);
    RecordCheck.Checked c = validate(dir.resolve("in"));
    assertEquals(3, c.files().size());
    assertTrue(c.files().stream().anyMatch(f -> f.empty() && f.path().endsWith("participation-empty.csv")));
    assertEquals(1, c.counts().accepted());
  }

  @Test
  void unknownColumnsAreListedAsIgnored() throws IOException {
    Path f = write("participation-extra.csv", "record_id,participant_id,project_id,activity_date,"
        + "venue\nr1,p1,P1,2025-07-01,Town Hall\n", StandardCharsets.UTF_8);
    assertEquals(List.of("venue"), validate(f).files().get(0).ignoredColumns());
  }

  @Test
  void windows1252BytesDeclaredAsUtf8StopWithTheFixAndReadWhenDeclared() throws IOException {
    Path f = write("participation-latin.csv", HEADER + "r1,p1,P1,2025-07-01,female,white_british\n"
        + "r2,p2,P1,2025-07-01,f\u00e9male,white_british\n", Charset.forName("windows-1252"));
    InputException e = assertThrows(InputException.class, () -> validate(f));
    assertTrue(e.getMessage().contains("participation-latin.csv: the bytes are not valid UTF-8"),
        e.getMessage());
    assertTrue(e.getMessage().contains("--encoding"), e.getMessage());
    RecordCheck.Checked c = validate(f, "windows-1252");
    assertEquals(1, c.counts().accepted());
    assertEquals("f\u00e9male", quarantine().get(3L)[2], "read correctly, then quarantined");
  }

  @Test
  void aMissingRequiredColumnNamesExpectedFoundAndNearest() throws IOException {
    Path f = write("participation-cols.csv", "record_id,participantid,project_id,activity_date\n"
        + "r1,p1,P1,2025-07-01\n", StandardCharsets.UTF_8);
    InputException e = assertThrows(InputException.class, () -> validate(f));
    assertTrue(e.getMessage().contains("participantid: did you mean participant_id?"), e.getMessage());
  }

  @Test
  void theGuardStopsOnEachKindOfIdentifierWithoutSayingTheValue() throws IOException {
    Map<String, String> planted = Map.of(
        "r1,jane.doe@example.org,P1,2025-07-01,female,", "participant_id: the value looks like an e-mail address",
        "r1,p1,P1,2025-07-01,female,07700 900123", "ethnic_group: the value looks like a UK phone number",
        "r1,p1,P1,2025-07-01,S1 2HE,", "sex: the value looks like a full UK postcode",
        "943 476 5919,p1,P1,2025-07-01,female,", "record_id: the value looks like an NHS number",
        "r1,p1,P1,2025-07-01,female,white_british,SW1A 1AA", "original_fields: the value looks like a direct identifier");
    int i = 0;
    for (Map.Entry<String, String> e : planted.entrySet()) {
      Path f = write("participation-id" + i++ + ".csv", HEADER + "r0,p0,P1,2025-07-01,male,\n"
          + e.getKey() + "\n", StandardCharsets.UTF_8);
      InputException stop = assertThrows(InputException.class, () -> validate(f), e.getKey());
      assertTrue(stop.getMessage().contains("line 3, column " + e.getValue()), stop.getMessage());
      for (String piece : e.getKey().split(",")) {
        if (piece.contains("@") || piece.matches(".*[0-9]{3}.*") || piece.contains(" ")) {
          assertFalse(stop.getMessage().contains(piece), "the value itself is never shown: " + piece);
        }
      }
      assertFalse(Files.exists(dir.resolve("out/quarantine.csv")), "nothing was written");
      Files.delete(f);
    }
  }

  @Test
  void withIdentifiersInSeveralFilesAndLinesTheFirstFileAndLineIsNamed() throws IOException {
    write("participation-b.csv", HEADER + "r0,p0,P1,2025-07-01,male,\n"
        + "r1,p1,P1,2025-07-01,S1 2HE,\n", StandardCharsets.UTF_8);
    write("participation-a.csv", HEADER + "r2,p2,P1,2025-07-01,male,\n"
        + "r3,p3,P1,2025-07-01,male,\n" + "r4,p4,P1,2025-07-01,male,07700 900123\n"
        + "r5,jane.doe@example.org,P1,2025-07-01,male,\n", StandardCharsets.UTF_8);
    InputException stop = assertThrows(InputException.class, () -> validate(dir.resolve("in")));
    assertTrue(stop.getMessage().contains("participation-a.csv line 4, column ethnic_group: the"
        + " value looks like a UK phone number"), stop.getMessage());
  }

  @Test
  void aRunThatRejectsNothingWritesTheQuarantineHeaderAsSparkWouldWithRows() throws IOException {
    Path clean = write("participation-clean.csv", HEADER + "r1,p1,P1,2025-07-01,male,\n",
        StandardCharsets.UTF_8);
    assertEquals(1, validate(clean).counts().accepted());
    String empty = Files.readString(dir.resolve("out/quarantine.csv"));
    Files.delete(clean);
    write("participation-bad.csv", HEADER + "r1,p1,P1,2025-02-30,male,\n", StandardCharsets.UTF_8);
    assertEquals(1, validate(dir.resolve("in")).counts().quarantined());
    String withRow = Files.readString(dir.resolve("out/quarantine.csv"));
    assertEquals(withRow.substring(0, withRow.indexOf('\n') + 1), empty);
    assertTrue(empty.startsWith("source_file,line_number,reason_code,"), empty);
  }

  @Test
  void aTenDigitNumberWithAWrongCheckDigitIsNoNhsNumber() throws IOException {
    // 943 476 5919 is valid; 943 476 5918 is not (and is no UK phone number either).
    Path f = write("participation-nhs.csv", HEADER + "9434765918,p1,P1,2025-07-01,female,\n",
        StandardCharsets.UTF_8);
    assertEquals(1, validate(f).counts().accepted());
  }

  @Test
  void aColumnNamedLikeAnIdentifierStopsTheRun() throws IOException {
    Path f = write("participation-email.csv", "record_id,participant_id,project_id,activity_date,"
        + "Email Address\nr1,p1,P1,2025-07-01,x\n", StandardCharsets.UTF_8);
    InputException e = assertThrows(InputException.class, () -> validate(f));
    assertTrue(e.getMessage().contains("the column 'email address' looks like a direct identifier"),
        e.getMessage());
  }

  @Test
  void aProjectsFileWithAContactEmailStopsTheRun() throws IOException {
    Path f = write("participation-ok.csv", HEADER + "r1,p1,P1,2025-07-01,female,\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("projects.csv"),
        "project_id,project_name,organisation,catchment\nP1,One,lead@trust.nhs.uk,E08000019\n");
    JobConfig config = JobConfig.builder().records(List.of(f.toString()))
        .projects(dir.resolve("projects.csv").toString()).output(dir.resolve("out").toString())
        .buildForValidation();
    InputException e = assertThrows(InputException.class,
        () -> org.whotakespart.ingest.ProjectsReader.read(config.projects(), StandardCharsets.UTF_8,
            new org.apache.hadoop.conf.Configuration()));
    assertTrue(e.getMessage().contains("line 2, column organisation: the value looks like an e-mail"),
        e.getMessage());
  }
}
