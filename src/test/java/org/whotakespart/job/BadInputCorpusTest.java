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
import org.whotakespart.testing.StartsSpark;
import org.whotakespart.testing.TestSpark;

/**
 * A corpus of bad exports, each problem on its own and several mixed in one file, run through the
 * same checks as the report: every promised message and quarantine reason, and rows read = accepted
 * + quarantined + duplicates for every file.
 */
@StartsSpark
class BadInputCorpusTest {
  private static final String HEADER =
      "record_id,participant_id,project_id,activity_date,sex,ethnic_group\n";

  @TempDir Path dir;

  private Path projects() throws IOException {
    Path p = dir.resolve("projects.csv");
    Files.writeString(p, "project_id,project_name,catchment\nP1,One,E08000019\n");
    return p;
  }

  private RecordCheck.Checked validate(Path records, String encoding) throws IOException {
    JobConfig config =
        JobConfig.builder()
            .records(List.of(records.toString()))
            .projects(projects().toString())
            .output(dir.resolve("out").toString())
            .encoding(encoding)
            .buildForValidation();
    return ValidateJob.run(config, TestSpark.session(), Progress.silent());
  }

  private RecordCheck.Checked validate(Path records) throws IOException {
    return validate(records, "UTF-8");
  }

  /** quarantine.csv lines by line number: reason code and detail. */
  private Map<Long, String[]> quarantine() throws IOException {
    Map<Long, String[]> m = new HashMap<>();
    try (Reader r = Files.newBufferedReader(dir.resolve("out/quarantine/quarantine.csv"));
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().get().parse(r)) {
      for (CSVRecord rec : p) {
        m.put(
            Long.parseLong(rec.get("line_number")),
            new String[] {rec.get("reason_code"), rec.get("detail"), rec.get("sex")});
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
    Path f =
        write(
            "participation-mixed.csv",
            HEADER
                + "r1,p1,P1,2025-07-01,female,white_british\n" // 2 accepted
                + "r2,p2,P1,2025-07-01,female\n" // 3 malformed
                + "r3,p3,P1,2025-02-29,female,white_british\n" // 4 bad date (not a leap year)
                + "r4,p4,P1,1925-07-01,female,white_british\n" // 5 outside any period
                + "r5,p5,P9,2025-07-01,female,white_british\n" // 6 unknown project
                + "r6,p6,P1,2025-07-01,Fmale,white_british\n" // 7 unmappable, column named
                + "r7,,P1,2025-07-01,female,white_british\n" // 8 missing participant
                + "r8,p8,P1,2025-07-01,female,white_british\n" // 9 conflict with line 10
                + "r8,p8,P1,2025-07-02,female,white_british\n" // 10
                + "r9,p9,P1,2025-07-01,F,\"White - British\"\n" // 11 accepted (aliases)
                + "r9,p9,P1,2025-07-01,female,white_british\n" // 12 exact re-send: duplicate
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
    Path f =
        write(
            "participation-excel.csv",
            "\uFEFF"
                + HEADER.replace("\n", "\r\n")
                + "r1,p1,P1,2025-07-01,female,\"Asian, Asian British or Asian Welsh: Indian\"\r\n"
                + "\"r2\",\"p2\",P1,2025-07-01,\"fe\r\nmale\",white_british\r\n"
                + "r3,p3,P1,2025-07-01,male,white_irish\r\n",
            StandardCharsets.UTF_8);
    RecordCheck.Checked c = validate(f);
    long[] counts = c.counts().byFile().get(f.toString());
    assertEquals(
        2, counts[0], "ONS label with a comma maps; a line break inside 'female' does not");
    assertEquals(1, counts[1]);
    assertEquals("unmappable_value", quarantine().get(3L)[0], "the record starts on line 3");
  }

  @Test
  void emptyAndHeaderOnlyFilesAreReportedNotFatal() throws IOException {
    write("participation-empty.csv", "", StandardCharsets.UTF_8);
    write("participation-header.csv", HEADER, StandardCharsets.UTF_8);
    write(
        "participation-ok.csv",
        HEADER + "r1,p1,P1,2025-07-01,female,white_british\n",
        StandardCharsets.UTF_8);
    RecordCheck.Checked c = validate(dir.resolve("in"));
    assertEquals(3, c.files().size());
    assertTrue(
        c.files().stream()
            .anyMatch(f -> f.empty() && f.path().endsWith("participation-empty.csv")));
    assertEquals(1, c.counts().accepted());
  }

  @Test
  void unknownColumnsAreListedAsIgnored() throws IOException {
    Path f =
        write(
            "participation-extra.csv",
            "record_id,participant_id,project_id,activity_date,"
                + "venue\nr1,p1,P1,2025-07-01,Town Hall\n",
            StandardCharsets.UTF_8);
    assertEquals(List.of("venue"), validate(f).files().get(0).ignoredColumns());
  }

  @Test
  void windows1252BytesDeclaredAsUtf8StopWithTheFixAndReadWhenDeclared() throws IOException {
    Path f =
        write(
            "participation-latin.csv",
            HEADER
                + "r1,p1,P1,2025-07-01,female,white_british\n"
                + "r2,p2,P1,2025-07-01,f\u00e9male,white_british\n",
            Charset.forName("windows-1252"));
    InputException e = assertThrows(InputException.class, () -> validate(f));
    assertTrue(
        e.getMessage()
            .contains("participation-latin.csv line 3: the bytes are not valid" + " UTF-8"),
        e.getMessage());
    assertTrue(e.getMessage().contains("--encoding"), e.getMessage());
    RecordCheck.Checked c = validate(f, "windows-1252");
    assertEquals(1, c.counts().accepted());
    assertEquals("f\u00e9male", quarantine().get(3L)[2], "read correctly, then quarantined");
  }

  @Test
  void aMissingRequiredColumnNamesExpectedFoundAndNearest() throws IOException {
    Path f =
        write(
            "participation-cols.csv",
            "record_id,participantid,project_id,activity_date\n" + "r1,p1,P1,2025-07-01\n",
            StandardCharsets.UTF_8);
    InputException e = assertThrows(InputException.class, () -> validate(f));
    assertTrue(
        e.getMessage().contains("participantid: did you mean participant_id?"), e.getMessage());
  }

  @Test
  void theGuardStopsOnEachKindOfIdentifierWithoutSayingTheValue() throws IOException {
    Map<String, String> planted =
        Map.of(
            "r1,jane.doe@example.org,P1,2025-07-01,female,",
                "participant_id: the value looks like an e-mail address",
            "r1,p1,P1,2025-07-01,female,07700 900123",
                "ethnic_group: the value looks like a UK phone number",
            "r1,p1,P1,2025-07-01,S1 2HE,", "sex: the value looks like a full UK postcode",
            "943 476 5919,p1,P1,2025-07-01,female,",
                "record_id: the value looks like an NHS number",
            "r1,p1,P1,2025-07-01,female,white_british,SW1A 1AA",
                "field 7 (beyond the header): the value looks like a full UK postcode");
    int i = 0;
    for (Map.Entry<String, String> e : planted.entrySet()) {
      Path f =
          write(
              "participation-id" + i++ + ".csv",
              HEADER + "r0,p0,P1,2025-07-01,male,\n" + e.getKey() + "\n",
              StandardCharsets.UTF_8);
      InputException stop = assertThrows(InputException.class, () -> validate(f), e.getKey());
      assertTrue(stop.getMessage().contains("line 3, column " + e.getValue()), stop.getMessage());
      for (String piece : e.getKey().split(",")) {
        if (piece.contains("@") || piece.matches(".*[0-9]{3}.*") || piece.contains(" ")) {
          assertFalse(
              stop.getMessage().contains(piece), "the value itself is never shown: " + piece);
        }
      }
      assertFalse(
          Files.exists(dir.resolve("out/quarantine/quarantine.csv")), "nothing was written");
      Files.delete(f);
    }
  }

  @Test
  void withIdentifiersInSeveralFilesAndLinesTheFirstFileAndLineIsNamed() throws IOException {
    write(
        "participation-b.csv",
        HEADER + "r0,p0,P1,2025-07-01,male,\n" + "r1,p1,P1,2025-07-01,S1 2HE,\n",
        StandardCharsets.UTF_8);
    write(
        "participation-a.csv",
        HEADER
            + "r2,p2,P1,2025-07-01,male,\n"
            + "r3,p3,P1,2025-07-01,male,\n"
            + "r4,p4,P1,2025-07-01,male,07700 900123\n"
            + "r5,jane.doe@example.org,P1,2025-07-01,male,\n",
        StandardCharsets.UTF_8);
    InputException stop = assertThrows(InputException.class, () -> validate(dir.resolve("in")));
    assertTrue(
        stop.getMessage()
            .contains(
                "participation-a.csv line 4, column ethnic_group: the"
                    + " value looks like a UK phone number"),
        stop.getMessage());
  }

  @Test
  void aRunThatRejectsNothingWritesTheQuarantineHeaderAsSparkWouldWithRows() throws IOException {
    Path clean =
        write(
            "participation-clean.csv",
            HEADER + "r1,p1,P1,2025-07-01,male,\n",
            StandardCharsets.UTF_8);
    assertEquals(1, validate(clean).counts().accepted());
    String empty = Files.readString(dir.resolve("out/quarantine/quarantine.csv"));
    Files.delete(clean);
    write("participation-bad.csv", HEADER + "r1,p1,P1,2025-02-30,male,\n", StandardCharsets.UTF_8);
    assertEquals(1, validate(dir.resolve("in")).counts().quarantined());
    String withRow = Files.readString(dir.resolve("out/quarantine/quarantine.csv"));
    assertEquals(withRow.substring(0, withRow.indexOf('\n') + 1), empty);
    assertTrue(empty.startsWith("source_file,line_number,reason_code,"), empty);
  }

  @Test
  void aTenDigitNumberWithAWrongCheckDigitIsNoNhsNumber() throws IOException {
    // 943 476 5919 is valid; 943 476 5918 is not (and is no UK phone number either).
    Path f =
        write(
            "participation-nhs.csv",
            HEADER + "9434765918,p1,P1,2025-07-01,female,\n",
            StandardCharsets.UTF_8);
    assertEquals(1, validate(f).counts().accepted());
  }

  @Test
  void aColumnNamedLikeAnIdentifierStopsTheRun() throws IOException {
    Path f =
        write(
            "participation-email.csv",
            "record_id,participant_id,project_id,activity_date,"
                + "Email Address\nr1,p1,P1,2025-07-01,x\n",
            StandardCharsets.UTF_8);
    InputException e = assertThrows(InputException.class, () -> validate(f));
    assertTrue(
        e.getMessage().contains("the column 'email address' looks like a direct identifier"),
        e.getMessage());
  }

  @Test
  void aProjectsFileWithAContactEmailStopsTheRun() throws IOException {
    Path f =
        write(
            "participation-ok.csv",
            HEADER + "r1,p1,P1,2025-07-01,female,\n",
            StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("projects.csv"),
        "project_id,project_name,organisation,catchment\nP1,One,lead@trust.nhs.uk,E08000019\n");
    JobConfig config =
        JobConfig.builder()
            .records(List.of(f.toString()))
            .projects(dir.resolve("projects.csv").toString())
            .output(dir.resolve("out").toString())
            .buildForValidation();
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                org.whotakespart.ingest.ProjectsReader.read(
                    config.projects(),
                    StandardCharsets.UTF_8,
                    new org.apache.hadoop.conf.Configuration()));
    assertTrue(
        e.getMessage().contains("line 2, column organisation: the value looks like an e-mail"),
        e.getMessage());
  }

  // ---------------------------------------------------------------------------------------------
  // The corpus run through the command line, as a user runs it: each case states its promise
  // (exit code, the one `whotakespart:` line, nothing planted found in stdout, stderr or any file
  // written, workbooks unzipped and Parquet read back).

  /** One command-line run: exit code, and everything printed (picocli's and the process's). */
  record Run(int code, String out, String err) {
    /** The lines starting "whotakespart:". */
    List<String> reasons() {
      return err.lines().filter(l -> l.startsWith("whotakespart:")).toList();
    }

    /** Exactly one reason line, and no stack trace; returns the line. */
    String oneLine() {
      assertEquals(1, reasons().size(), "one whotakespart: line\n" + err);
      assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace\n" + err);
      return reasons().get(0);
    }

    String all() {
      return out + "\n" + err;
    }
  }

  private Run cli(String... args) {
    TestSpark.session();
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    java.io.ByteArrayOutputStream sysOut = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream sysErr = new java.io.ByteArrayOutputStream();
    java.io.PrintStream oldOut = System.out;
    java.io.PrintStream oldErr = System.err;
    System.setOut(new java.io.PrintStream(sysOut, true, StandardCharsets.UTF_8));
    System.setErr(new java.io.PrintStream(sysErr, true, StandardCharsets.UTF_8));
    int code;
    try {
      picocli.CommandLine cl = org.whotakespart.cli.WhoTakesPart.commandLine();
      cl.setOut(new java.io.PrintWriter(out, true));
      cl.setErr(new java.io.PrintWriter(err, true));
      code = cl.execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    Run r =
        new Run(
            code,
            out + sysOut.toString(StandardCharsets.UTF_8),
            err + sysErr.toString(StandardCharsets.UTF_8));
    oldErr.println(
        "["
            + String.join(" ", args).replace(dir.toString(), "")
            + "] exit "
            + code
            + "\n"
            + r.all()
                .lines()
                .filter(l -> !l.isBlank())
                .limit(12)
                .collect(java.util.stream.Collectors.joining("\n")));
    return r;
  }

  private Path out() {
    return dir.resolve("out");
  }

  private String[] reportArgs(Path records, String... more) {
    return reportArgsTo(out(), records, more);
  }

  private String[] reportArgsTo(Path output, Path records, String... more) {
    if (!Files.exists(dir.resolve("projects.csv"))) {
      try {
        projects();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    List<String> a =
        new java.util.ArrayList<>(
            List.of(
                "report",
                "--records",
                records.toString(),
                "--projects",
                dir.resolve("projects.csv").toString(),
                "--baselines",
                org.whotakespart.testing.Paths.sampleData()
                    .resolve("baselines-census2021.csv")
                    .toString(),
                "--period",
                "2025-26 Q2",
                "--output",
                output.toString(),
                "--master",
                "local[2]",
                "--no-charts"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  private Run report(Path records, String... more) throws IOException {
    if (!Files.exists(dir.resolve("projects.csv"))) {
      projects();
    }
    return cli(reportArgs(records, more));
  }

  private Run validateCli(Path records, String... more) throws IOException {
    if (!Files.exists(dir.resolve("projects.csv"))) {
      projects();
    }
    List<String> a =
        new java.util.ArrayList<>(
            List.of(
                "validate",
                "--records",
                records.toString(),
                "--projects",
                dir.resolve("projects.csv").toString(),
                "--output",
                out().toString(),
                "--master",
                "local[2]"));
    a.addAll(List.of(more));
    return cli(a.toArray(new String[0]));
  }

  /** {@code n} good rows of project P1 in 2025-26 Q2, from record and person {@code from}. */
  private static String good(int from, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < from + n; i++) {
      b.append("g")
          .append(i)
          .append(",q")
          .append(i)
          .append(",P1,2025-07-")
          .append(String.format("%02d", 1 + i % 28))
          .append(i % 2 == 0 ? ",female" : ",male")
          .append(",white_british\n");
    }
    return b.toString();
  }

  /**
   * Nothing planted is in what the run printed or in any file outside the inputs ({@code in/},
   * projects.csv): text files as they are, workbooks unzipped, Parquet read back.
   */
  private void assertNothingPlanted(Run r, String... planted) throws IOException {
    for (String p : planted) {
      assertFalse(r.all().contains(p), "printed: " + p + "\n" + r.all());
    }
    List<Path> files;
    try (var walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(
                  f -> !f.startsWith(dir.resolve("in")) && !f.equals(dir.resolve("projects.csv")))
              .toList();
    }
    for (Path f : files) {
      String text =
          f.toString().endsWith(".xlsx")
              ? unzipped(f)
              : f.toString().endsWith(".parquet")
                  ? ""
                  : new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      for (String p : planted) {
        assertFalse(text.contains(p), f + " holds " + p);
      }
    }
    try (var walk = Files.walk(dir)) {
      for (Path folder :
          walk.filter(Files::isDirectory)
              .filter(d -> d.getFileName().toString().endsWith(".parquet"))
              .toList()) {
        String rows =
            String.join(
                "\n",
                TestSpark.session().read().parquet(folder.toString()).toJSON().collectAsList());
        for (String p : planted) {
          assertFalse(rows.contains(p), folder + " holds " + p);
        }
      }
    }
  }

  private static String unzipped(Path xlsx) throws IOException {
    StringBuilder b = new StringBuilder();
    try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(xlsx))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        b.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
      }
    }
    return b.toString();
  }

  private static final String HEADER_NO_NL = HEADER.strip();

  // 1. Identifiers never leave.

  @Test
  void i1_anEmailTypedIntoAHeaderCellStopsTheRunAndIsShownNowhere() throws IOException {
    Path f =
        write(
            "participation-head.csv",
            HEADER_NO_NL + ",sam.lee@nhs.net\n" + good(0, 20).replace("\n", ",x\n"),
            StandardCharsets.UTF_8);
    Run r = report(f);
    assertEquals(1, r.code());
    assertTrue(
        r.oneLine()
            .contains("participation-head.csv: header cell 7 looks like an e-mail" + " address"),
        r.err());
    assertNothingPlanted(r, "sam.lee@nhs.net", "sam.lee");
    assertFalse(Files.exists(out().resolve("who-takes-part-2025-26-Q2.xlsx")));
  }

  @Test
  void i1_aFileMissingItsHeaderRowNeverHasItsFirstRowPrinted() throws IOException {
    Path f =
        write(
            "participation-nohead.csv",
            "zq7781,pz5512,P1,2025-07-01,female,white_british\n" + good(0, 5),
            StandardCharsets.UTF_8);
    Run r = validateCli(f);
    assertEquals(1, r.code());
    String line = r.oneLine();
    assertTrue(line.contains("is the header row missing?"), line);
    assertNothingPlanted(r, "zq7781", "pz5512");
  }

  @Test
  void i1_aValueInAFieldBeyondTheHeaderNeverReachesTheQuarantine() throws IOException {
    Path f =
        write(
            "participation-extra-field.csv",
            HEADER + good(0, 40) + "r1,p1,P1,2025-07-01,female,white_british,Jane Quincy-Public\n",
            StandardCharsets.UTF_8);
    Run r = validateCli(f);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("quarantined 1"), r.out());
    assertNothingPlanted(r, "Jane Quincy-Public", "Quincy");
  }

  @Test
  void i1_aPhoneNumberInsideLongerTextInAUsedColumnStopsTheRun() throws IOException {
    Path f =
        write(
            "participation-tel.csv",
            HEADER
                + good(0, 40)
                + "r1,p1,P1,2025-07-01,Tel 07700 900789 (daughter),white_british\n",
            StandardCharsets.UTF_8);
    Run r = report(f);
    assertEquals(1, r.code());
    assertTrue(
        r.oneLine()
            .contains(
                "participation-tel.csv line 42, column sex: the value looks like"
                    + " a UK phone number"),
        r.err());
    assertNothingPlanted(r, "07700 900789", "900789", "daughter");
  }

  @Test
  void i1_columnsNamedLikeIdentifiersStopTheRunWhetherUsedOrNot() throws IOException {
    for (String column :
        List.of(
            "Client Name",
            "Tel No",
            "Contact number",
            "Mobile",
            "Post Code",
            "D.O.B.",
            "NHS No",
            "E-mail")) {
      Path f =
          write(
              "participation-col.csv",
              HEADER_NO_NL + "," + column + "\n" + good(0, 20).replace("\n", ",Robin Zebedee\n"),
              StandardCharsets.UTF_8);
      Run r = validateCli(f);
      assertEquals(1, r.code(), column);
      assertTrue(r.oneLine().contains("looks like a direct identifier"), column + ": " + r.err());
      assertNothingPlanted(r, "Robin Zebedee");
      Files.delete(f);
    }
  }

  @Test
  void i1_aNotesColumnHoldingAnEmailOrAPhoneStopsTheRun() throws IOException {
    Map<String, String> notes =
        Map.of(
            "ring 07700 900456 after 5",
            "07700 900456",
            "mail kim.o@example.org please",
            "kim.o@example.org",
            "lives at S1 2HE now",
            "S1 2HE",
            "nhs 943 476 5919 on file",
            "943 476 5919");
    for (String note : notes.keySet()) {
      Path f =
          write(
              "participation-notes.csv",
              HEADER_NO_NL
                  + ",Notes\n"
                  + good(0, 20).replace("\n", ",fine\n")
                  + "r1,p1,P1,2025-07-01,female,white_british,\""
                  + note
                  + "\"\n",
              StandardCharsets.UTF_8);
      Run r = validateCli(f);
      assertEquals(1, r.code(), note);
      assertTrue(
          r.oneLine()
              .contains("participation-notes.csv line 22, column notes: the value" + " looks like"),
          note + ": " + r.err());
      assertNothingPlanted(r, note, notes.get(note));
      Files.delete(f);
    }
  }

  @Test
  void i1_theQuarantineHoldsOnlyTheContractsColumnsAndWithholdsGuardedValues() {
    assertEquals(
        "[withheld: looks like a UK phone number]",
        org.whotakespart.output.table.QuarantineWriter.cell("Tel 07700 900789 (daughter)"));
    assertEquals(
        "[withheld: looks like an e-mail address]",
        org.whotakespart.output.table.QuarantineWriter.cell("sam.lee@nhs.net"));
    assertEquals("Fmale", org.whotakespart.output.table.QuarantineWriter.cell("Fmale"));
    assertFalse(
        org.whotakespart.output.table.QuarantineWriter.LEAD_COLUMNS.contains("original_row"));
  }

  // Issue 21 item 4: text in every CSV is inert.

  @Test
  void i21_textCellsStartingWithAFormulaCharacterAreInertInEveryCsv() throws IOException {
    String[] names = {"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"};
    StringBuilder projects = new StringBuilder("project_id,project_name,commissioner,catchment\n");
    for (int i = 0; i < names.length; i++) {
      projects
          .append("P")
          .append(i + 1)
          .append(',')
          .append(csv(names[i]))
          .append(',')
          .append(csv(names[(i + 1) % names.length]))
          .append(",E08000019\n");
    }
    Files.writeString(dir.resolve("projects.csv"), projects);
    StringBuilder rows = new StringBuilder(HEADER);
    for (int p = 1; p <= names.length; p++) {
      rows.append(good(p * 100, 30).replace(",P1,", ",P" + p + ","));
    }
    for (int i = 0; i < names.length; i++) {
      rows.append("x")
          .append(i)
          .append(",y")
          .append(i)
          .append(",P1,2025-07-01,")
          .append(csv(names[i]))
          .append(",white_british\n");
    }
    Path f = write("participation-formula.csv", rows.toString(), StandardCharsets.UTF_8);
    Run r = report(f);
    assertEquals(0, r.code(), r.err());
    List<Path> csvs;
    try (var walk = Files.walk(out())) {
      csvs = walk.filter(p -> p.toString().endsWith(".csv")).toList();
    }
    assertTrue(csvs.size() >= 6, csvs.toString());
    int inert = 0;
    int negative = 0;
    for (Path c : csvs) {
      try (Reader in = Files.newBufferedReader(c);
          CSVParser p = CSVFormat.RFC4180.parse(in)) {
        for (CSVRecord rec : p) {
          for (String v : rec) {
            if (v.isEmpty()) {
              continue;
            }
            char first = v.charAt(0);
            assertFalse(
                first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r',
                c.getFileName() + ": " + v);
            if (first == '-') {
              Double.parseDouble(v); // a negative number, never text
              negative++;
            }
            if (v.startsWith("'")) {
              inert++;
            }
          }
        }
      }
    }
    assertTrue(negative > 0, "negative shortfalls stay numbers");
    for (String table : List.of("metrics.csv", "trends.csv", "people.csv", "equity.csv")) {
      java.util.Set<String> cells = cells(out().resolve(table));
      for (String name : names) {
        assertTrue(cells.contains("'" + name), table + " holds " + name + " inert");
      }
    }
    java.util.Set<String> quarantined = new java.util.HashSet<>();
    try (var walk = Files.walk(out())) {
      for (Path q :
          walk.filter(p -> p.getFileName().toString().equals("quarantine.csv")).toList()) {
        quarantined.addAll(cells(q));
      }
    }
    for (String name : names) {
      assertTrue(quarantined.contains("'" + name), "quarantine.csv holds " + name + " inert");
    }
    assertTrue(inert >= 12, "inert cells: " + inert);
  }

  private static java.util.Set<String> cells(Path csv) throws IOException {
    java.util.Set<String> cells = new java.util.HashSet<>();
    try (Reader in = Files.newBufferedReader(csv);
        CSVParser p = CSVFormat.RFC4180.parse(in)) {
      for (CSVRecord rec : p) {
        rec.forEach(cells::add);
      }
    }
    return cells;
  }

  private static String csv(String v) {
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }

  // 2. One line, always.

  @Test
  void i2_anUnclosedQuoteIsOneLineNamingTheFileAndLine() throws IOException {
    Path f =
        write(
            "participation-quote.csv",
            HEADER + good(0, 10) + "r1,p1,P1,2025-07-01,\"female,white_british\n" + good(10, 10),
            StandardCharsets.UTF_8);
    Run r = report(f);
    assertEquals(1, r.code());
    assertTrue(
        r.oneLine()
            .contains("participation-quote.csv line 12: a quoted value is never" + " closed"),
        r.err());
  }

  @Test
  void i2_anUndecodableBytePastTheFirst64KbNamesItsLineAndTheEncodingThatFits() throws IOException {
    String body = HEADER + good(0, 3000);
    assertTrue(body.length() > 1 << 17);
    Path f =
        write(
            "participation-late-byte.csv",
            body + "r1,p1,P1,2025-07-01,f\u00e9male,white_british\n" + good(3000, 5),
            Charset.forName("windows-1252"));
    Run r = validateCli(f);
    assertEquals(1, r.code());
    String line = r.oneLine();
    assertTrue(
        line.contains("participation-late-byte.csv line 3002: the bytes are not valid UTF-8"),
        line);
    assertTrue(line.contains("--encoding windows-1252"), line);
  }

  @Test
  void i2_aUtf16FileIsNamedAsSuch() throws IOException {
    Path f =
        write("participation-utf16.csv", "\uFEFF" + HEADER + good(0, 5), StandardCharsets.UTF_16LE);
    Run r = validateCli(f);
    assertEquals(1, r.code());
    String line = r.oneLine();
    assertTrue(line.contains("participation-utf16.csv: the file is UTF-16 text"), line);
    assertFalse(line.contains("windows-1252"), line);
  }

  @Test
  void i2_anExcelWorkbookSavedAsCsvIsNamedAsSuch() throws IOException {
    Path f = dir.resolve("in/participation-book.csv");
    Files.createDirectories(f.getParent());
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(f))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
      zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
    }
    for (String encoding : List.of("UTF-8", "windows-1252")) {
      Run r = validateCli(f, "--encoding", encoding);
      assertEquals(1, r.code());
      String line = r.oneLine();
      assertTrue(
          line.contains(
              "participation-book.csv: this is an Excel workbook (.xlsx), not a" + " CSV file"),
          line);
    }
  }

  @Test
  void i2_anOutputFolderThatIsAFileIsOneLineWithExitCode3() throws IOException {
    Path f = write("participation-ok.csv", HEADER + good(0, 20), StandardCharsets.UTF_8);
    Files.writeString(out(), "not a folder");
    Run r = report(f);
    assertEquals(3, r.code());
    assertTrue(
        r.oneLine()
            .contains(out() + ": is a file, not a folder; choose another --output" + " folder"),
        r.err());
    Files.delete(out());
    Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
    Run under = cli(reportArgsTo(dir.resolve("blocker/sub/out"), f));
    assertEquals(3, under.code());
    assertTrue(under.oneLine().contains("blocker/sub/out: cannot make the folder"), under.err());
  }

  @Test
  void i2_verboseKeepsTheTraceForDevelopers() throws IOException {
    Path f =
        write(
            "participation-quote.csv",
            HEADER + good(0, 10) + "r1,p1,P1,2025-07-01,\"female,white_british\n",
            StandardCharsets.UTF_8);
    Run r = report(f, "--verbose");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("\tat "), "the trace is shown");
    assertEquals(1, r.reasons().size(), r.err());
  }

  // 2 and 4 of the issue: a full disk, and what a failed run leaves.

  /** Mounts a small tmpfs at {@code at} when this machine allows it (Linux, as root). */
  private static boolean mountTmpfs(Path at, String size) throws IOException, InterruptedException {
    Files.createDirectories(at);
    Process p =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }

  private static void unmount(Path at) throws IOException, InterruptedException {
    new ProcessBuilder("umount", "-l", at.toString()).redirectErrorStream(true).start().waitFor();
  }

  @Test
  void i2_i3_aFullDiskIsOneLineAndLeavesNoPartialOrStaleReport() throws Exception {
    Path disk = dir.resolve("small-disk");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        mountTmpfs(disk, "1200k"),
        "needs a tmpfs (Linux, root); the note records a manual run otherwise");
    try {
      Path f = write("participation-ok.csv", HEADER + good(0, 40), StandardCharsets.UTF_8);
      Path target = disk.resolve("2025-26-Q2");
      // A first report fits; a second, with a big quarantine, does not.
      Run first = cli(reportArgsTo(target, f));
      assertEquals(0, first.code(), first.err());
      assertTrue(Files.exists(target.resolve("metrics.csv")));
      StringBuilder big = new StringBuilder(HEADER + good(0, 400));
      String filler = "x".repeat(190);
      for (int i = 0; i < 18; i++) {
        big.append("b")
            .append(i)
            .append(",c")
            .append(i)
            .append(",P1,2025-07-01,")
            .append(filler)
            .append(i)
            .append(",white_british\n");
      }
      Files.writeString(f, big);
      Path fill = disk.resolve("fill");
      long free = Files.getFileStore(disk).getUsableSpace();
      Files.write(fill, new byte[(int) Math.max(0, free - 60_000)]);
      Run r = cli(reportArgsTo(target, f));
      assertEquals(3, r.code(), r.err());
      assertTrue(r.oneLine().contains("the disk is full"), r.err());
      assertFalse(Files.exists(target.resolve("metrics.csv")), "no stale or partial report");
      assertFalse(Files.exists(target.resolve("equity.csv")));
      assertTrue(
          Files.exists(disk.resolve("2025-26-Q2.previous/metrics.csv")),
          "the previous report was moved aside");
      try (var s = Files.list(disk)) {
        assertTrue(
            s.noneMatch(p -> p.getFileName().toString().contains(".incomplete-")),
            "the temporary folder is removed");
      }
    } finally {
      unmount(disk);
    }
  }

  @Test
  void i2_aReadOnlyOutputFolderIsOneLineWithExitCode3() throws Exception {
    Path ro = dir.resolve("read-only");
    Files.createDirectories(ro);
    Process p =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", ro.toString())
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "needs a tmpfs mount");
    try {
      Path f = write("participation-ok.csv", HEADER + good(0, 20), StandardCharsets.UTF_8);
      Run r = cli(reportArgsTo(ro.resolve("2025-26-Q2"), f));
      assertEquals(3, r.code(), r.err());
      assertTrue(r.oneLine().contains("read-only"), r.err());
    } finally {
      unmount(ro);
    }
  }

  // 3. Atomic publication.

  @Test
  void i3_aRefusedRunLeavesOnlyItsQuarantineNeverThePreviousReport() throws IOException {
    Path f = write("participation-ok.csv", HEADER + good(0, 40), StandardCharsets.UTF_8);
    Run first = report(f);
    assertEquals(0, first.code(), first.err());
    assertTrue(Files.exists(out().resolve("who-takes-part-2025-26-Q2.xlsx")));
    StringBuilder bad = new StringBuilder(HEADER + good(0, 40));
    for (int i = 0; i < 10; i++) {
      bad.append("z").append(i).append(",y").append(i).append(",P1,2025-02-30,female,\n");
    }
    Files.writeString(f, bad);
    Run r = report(f);
    assertEquals(1, r.code());
    assertTrue(r.oneLine().contains("no report was published"), r.err());
    try (var s = Files.list(out())) {
      assertEquals(
          List.of("quarantine"),
          s.map(p -> p.getFileName().toString()).toList(),
          "only this run's quarantine");
    }
    assertTrue(r.err().contains(out().getFileName() + ".previous"), r.err());
    assertTrue(
        r.oneLine().contains(out().resolve("quarantine/quarantine.csv").toString()), r.err());
    try (var s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".incomplete-")));
    }
  }

  @Test
  void i3_aRunThatFailsWhileWritingLeavesNoPartialReport() throws IOException {
    Path f = write("participation-ok.csv", HEADER + good(0, 40), StandardCharsets.UTF_8);
    // The deprivation table is read while the outputs are written (for equity).
    Run r = report(f, "--deprivation", dir.resolve("no-such-deprivation.csv").toString());
    assertEquals(1, r.code());
    r.oneLine();
    assertFalse(Files.exists(out().resolve("metrics.csv")), "no metrics.csv without the rest");
    try (var s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".incomplete-")));
    }
  }

  // 4. Loud where it matters.

  @Test
  void i4_anUnknownOrMalformedAreaCodeWarnsWithTheFixAndStrictStops() throws IOException {
    Files.writeString(
        dir.resolve("projects.csv"),
        "project_id,project_name,catchment\n"
            + "P1,One,E08000019\nP2,Two,E99999999\nP3,Three,Sheffield\n");
    Path f = write("participation-ok.csv", HEADER + good(0, 40), StandardCharsets.UTF_8);
    Run r = report(f);
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.err()
            .contains("Warning: project P2: catchment code E99999999 is in no baseline" + " file"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                "Warning: project P3: catchment code 'SHEFFIELD' is not an ONS" + " area code"),
        r.err());
    assertTrue(r.err().contains("--strict"), r.err());
    Run strict = report(f, "--strict");
    assertEquals(1, strict.code());
    assertTrue(
        strict.oneLine().contains("E99999999") && strict.oneLine().contains("--strict"),
        strict.err());
    assertFalse(Files.exists(out().resolve("metrics.csv")), "strict: no report");
  }

  @Test
  void i4_aLowerCaseAreaCodeIsReadWithANote() throws IOException {
    Files.writeString(
        dir.resolve("projects.csv"), "project_id,project_name,catchment\n" + "P1,One,e08000019\n");
    Path f = write("participation-ok.csv", HEADER + good(0, 40), StandardCharsets.UTF_8);
    Run r = report(f);
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.err().contains("Note: ")
            && r.err().contains("catchment code 'e08000019' read as" + " E08000019"),
        r.err());
    assertFalse(r.err().contains("Warning:"), "read as Sheffield: no warning\n" + r.err());
    assertTrue(
        Files.readString(out().resolve("metrics.csv")).contains("in_line")
            || Files.readString(out().resolve("metrics.csv")).contains("under_represented"),
        "compared with Sheffield's baseline");
  }

  @Test
  void i4_aBaselineSetNoFileHasWarnsAndStrictStops() throws IOException {
    Files.writeString(
        dir.resolve("projects.csv"),
        "project_id,project_name,catchment,baseline\n" + "P1,One,E08000019,caseload2025\n");
    Path f = write("participation-ok.csv", HEADER + good(0, 40), StandardCharsets.UTF_8);
    Run r = report(f);
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "Warning: project P1: baseline set 'caseload2025' is not in the"
                    + " baselines file"),
        r.err());
    assertEquals(1, report(f, "--strict").code());
  }

  @Test
  void i4_anExportWithNoRowsInTheQuarterSaysSoInTheHeadline() throws IOException {
    Path f = write("participation-header.csv", HEADER, StandardCharsets.UTF_8);
    Run r = report(f);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("No records fall in 2025-26 Q2"), r.out());
    String book = unzipped(out().resolve("who-takes-part-2025-26-Q2.xlsx"));
    assertTrue(book.contains("No records fall in this quarter"), "the workbook's headline");
    assertFalse(book.contains("No group is under-represented in any project"), "not 'all is well'");
  }

  // 5. The small ones.

  @Test
  void i5_commaOnlyRowsAreSkippedAndCountedAsBlankNotQuarantined() throws IOException {
    StringBuilder b = new StringBuilder(HEADER + good(0, 40));
    for (int i = 0; i < 30; i++) {
      b.append(",,,,,\n");
    }
    Path f = write("participation-commas.csv", b.toString(), StandardCharsets.UTF_8);
    Run r = report(f);
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .contains("rows read 70 = accepted 40 + quarantined 0 + duplicates 0 + blank" + " 30"),
        r.out());
  }

  @Test
  void i5_aVeryLongValueIsCutInTheQuarantineWithANote() throws IOException {
    String longValue = "abcdefghij".repeat(20_000);
    Path f =
        write(
            "participation-long.csv",
            HEADER + good(0, 40) + "r1,p1,P1,2025-07-01," + longValue + ",white_british\n",
            StandardCharsets.UTF_8);
    Run r = validateCli(f);
    assertEquals(0, r.code(), r.err());
    Path file =
        Files.exists(out().resolve("quarantine/quarantine.csv"))
            ? out().resolve("quarantine/quarantine.csv")
            : out().resolve("quarantine.csv");
    String q = Files.readString(file);
    assertTrue(q.length() < 2_000, "quarantine.csv is " + q.length() + " characters");
    assertTrue(q.contains("[cut: "), q);
  }

  @Test
  void i5_aSymlinkLoopReadsEachFileOnce() throws IOException {
    Path f = write("participation-ok.csv", HEADER + good(0, 10), StandardCharsets.UTF_8);
    Files.createSymbolicLink(dir.resolve("in/loop"), dir.resolve("in"));
    Run r = validateCli(dir.resolve("in"));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("rows read 10 = accepted 10"), r.out());
  }

  @Test
  void i5_invisibleCharactersAreStrippedFromIdsAndCodes() throws IOException {
    Path f =
        write(
            "participation-zwsp.csv",
            HEADER
                + good(0, 40)
                + "r1,PX0001,P1,2025-07-01,female,white_british\n"
                + "r2,PX0001\u200B,P1\u200B,2025-07-02,female\u200B,white_british\n",
            StandardCharsets.UTF_8);
    Run r = report(f);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("quarantined 0"), r.out());
    // 40 people from the good rows, and PX0001 once.
    assertTrue(
        Files.readString(out().resolve("people.csv")).contains(",everyone,41"),
        Files.readString(out().resolve("people.csv")));
  }

  @Test
  void i5_tenDigitIdsThatPassTheNhsCheckSayHowToReKey() throws IOException {
    Path f =
        write(
            "participation-numeric.csv",
            HEADER + "9434765919,p1,P1,2025-07-01,female,\n",
            StandardCharsets.UTF_8);
    Run r = validateCli(f);
    assertEquals(1, r.code());
    String line = r.oneLine();
    assertTrue(line.contains("record_id: the value looks like an NHS number"), line);
    assertTrue(line.contains("re-key them with a letter in front"), line);
    assertNothingPlanted(r, "9434765919");
  }

  @Test
  void i5_reportHelpHasNoPicocliWarnings() {
    Run r = cli("report", "--help");
    assertEquals(0, r.code());
    assertFalse(r.all().contains("WARN"), r.all());
    assertTrue(r.out().contains("--strict"), r.out());
  }

  @Test
  void i5_theReportFolderHoldsNoCrcFilesAndQuarantineIsInItsOwnFolderWithAWarning()
      throws IOException {
    Path f =
        write(
            "participation-ok.csv",
            HEADER + good(0, 40) + "r1,p1,P1,2025-02-30,female,\n",
            StandardCharsets.UTF_8);
    // A fresh local file system, writing checksums as in a new process (other tests in this JVM
    // may have switched them off on the cached one).
    org.apache.hadoop.fs.FileSystem.closeAll();
    Run r = report(f);
    assertEquals(0, r.code(), r.err());
    try (var walk = Files.walk(out())) {
      List<Path> crc = walk.filter(p -> p.getFileName().toString().endsWith(".crc")).toList();
      assertEquals(List.of(), crc);
    }
    assertTrue(Files.exists(out().resolve("quarantine/quarantine.csv")));
    assertFalse(Files.exists(out().resolve("quarantine.csv")));
    assertTrue(
        Files.readString(out().resolve("quarantine/README.txt"))
            .contains("must not go to a" + " board"));
    assertTrue(r.out().contains("must not go to a board"), r.out());
  }

  @Test
  void i5_dataQualityNamesFilesNotTheirAbsolutePaths() throws IOException {
    Path f = write("participation-ok.csv", HEADER + good(0, 40), StandardCharsets.UTF_8);
    Run r = report(f);
    assertEquals(0, r.code(), r.err());
    String book = unzipped(out().resolve("who-takes-part-2025-26-Q2.xlsx"));
    assertTrue(book.contains("participation-ok.csv"), "the file is named");
    assertFalse(book.contains(dir.toString()), "no absolute path");
  }
}
