package org.whotakespart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.testing.Paths;
import org.whotakespart.testing.StartsSpark;
import picocli.CommandLine;

@StartsSpark
class CliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /**
   * Commands join the suite's shared session, on Spark's own engine, rather than start one of their
   * own on the default engine (CometEngineTest is the test about Comet).
   */
  @org.junit.jupiter.api.BeforeAll
  static void shareTheTestSession() {
    org.whotakespart.testing.TestSpark.session();
  }

  @Test
  void anUnknownEngineIsAOneLineUsageError() {
    int code =
        run(
            "report",
            "--records",
            "x",
            "--projects",
            "p",
            "--baselines",
            "b",
            "--period",
            "2025-26 Q2",
            "--engine",
            "turbo");
    assertEquals(2, code);
    String[] lines = err.toString().strip().split("\n");
    assertEquals(1, lines.length, err.toString());
    assertTrue(
        lines[0].startsWith("whotakespart: engine 'turbo' is not one of spark, comet"), lines[0]);
  }

  private int run(String... args) {
    CommandLine cl = WhoTakesPart.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void helpExplainsTheCommandsInPlainWords() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("report"), out.toString());
    assertTrue(out.toString().contains("Exit codes"), out.toString());
    assertEquals(0, run("report", "--help"));
    assertTrue(out.toString().contains("\"2025-26 Q2\""), out.toString());
  }

  @Test
  void aBadPeriodIsAOneLineUsageError() {
    int code =
        run(
            "report",
            "--records",
            "x",
            "--projects",
            "p",
            "--baselines",
            "b",
            "--period",
            "2025-26 Q7");
    assertEquals(2, code);
    String e = err.toString().strip();
    assertFalse(e.contains("\n"), e);
    assertTrue(e.startsWith("whotakespart: period '2025-26 Q7' is not a quarter"), e);
    assertFalse(e.contains("Exception"), e);
  }

  @Test
  void onlyASettingsProblemIsExitTwoAndABrokenInvariantIsAnUnexpectedError() {
    assertEquals(
        Failures.USAGE,
        Failures.exitCode(
            new org.whotakespart.config.SettingsException("period: name the quarter")));
    // Spark wraps what a task throws: the cause decides.
    assertEquals(
        Failures.USAGE,
        Failures.exitCode(
            new RuntimeException(
                "job aborted",
                new org.whotakespart.config.SettingsException("--as-of: not a date"))));
    assertEquals(Failures.INTERNAL, Failures.exitCode(new IllegalArgumentException("need x <= n")));
    assertEquals(Failures.INTERNAL, Failures.exitCode(new IllegalStateException("no SHA-256")));
    assertEquals(
        Failures.INPUT,
        Failures.exitCode(
            new org.whotakespart.ingest.InputException("projects.csv: no such file")));
    String bug = Failures.reason(new IllegalArgumentException("need 0 <= x <= n"), false);
    assertEquals(
        "unexpected error: java.lang.IllegalArgumentException: need 0 <= x <= n"
            + " (run again with --verbose for the details)",
        bug);
  }

  @Test
  void verboseIsOneOptionEveryCommandTakesBeforeOrAfterItsName() {
    String[] bad = {"--records", "x", "--projects", "p", "--baselines", "b", "--period", "Q7"};
    for (String[] args :
        new String[][] {
          concat(new String[] {"report", "--verbose"}, bad),
          concat(new String[] {"--verbose", "report"}, bad)
        }) {
      err.getBuffer().setLength(0);
      assertEquals(2, run(args), err.toString());
      assertTrue(
          err.toString().startsWith("whotakespart: period 'Q7' is not a quarter"), err.toString());
      assertTrue(
          err.toString().contains("\tat org.whotakespart.config.JobConfig"),
          "the trace follows with --verbose: " + err);
    }
    err.getBuffer().setLength(0);
    assertEquals(2, run(concat(new String[] {"report"}, bad)));
    assertFalse(err.toString().contains("\tat "), err.toString());
    assertEquals(2, run("store", "history", "--verbose"));
    assertEquals(2, run("generate-sample", "--quarters", "0", "--verbose"));
    assertTrue(err.toString().contains("--quarters must be from 1 to 40"), err.toString());
  }

  @Test
  void everyFlagTheSettingsTableNamesIsAnOptionOfReport() {
    var report = WhoTakesPart.commandLine().getSubcommands().get("report").getCommandSpec();
    for (org.whotakespart.config.Setting s : org.whotakespart.config.Setting.values()) {
      s.flag().ifPresent(f -> assertTrue(report.findOption(f) != null, s.key() + " " + f));
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void ingestWithoutAStoreSaysWhereToNameOne() {
    assertEquals(2, run("ingest", "--records", "x", "--projects", "p"));
    assertTrue(
        err.toString()
            .contains(
                "store: name the history store folder (--store or 'store'" + " in the job file)"),
        err.toString());
  }

  @Test
  void aReportFromAnEmptyStoreSaysToIngestFirst(@TempDir Path dir) {
    int code =
        run(
            "report",
            "--from-store",
            "--store",
            dir.resolve("store").toString(),
            "--projects",
            Paths.sampleData().resolve("projects.csv").toString(),
            "--baselines",
            Paths.sampleData().resolve("baselines-census2021.csv").toString(),
            "--period",
            "2025-26 Q2",
            "--output",
            dir.resolve("out").toString(),
            "--master",
            "local[1]");
    assertEquals(1, code, err.toString());
    assertTrue(
        err.toString().contains("holds no records yet: run `whotakespart ingest` first"),
        err.toString());
  }

  @Test
  void storeCommandsNameWhatIsMissing(@TempDir Path dir) {
    assertEquals(2, run("store", "forget", "--store", dir.toString()));
    assertTrue(err.toString().contains("--participant"), err.toString());
    assertEquals(2, run("store", "history"));
    assertTrue(err.toString().contains("store: name the history store folder"), err.toString());
    assertEquals(
        0,
        run(
            "store",
            "history",
            "--store",
            dir.resolve("store").toString(),
            "--master",
            "local[1]"));
    assertTrue(out.toString().contains("holds no records yet"), out.toString());
    assertEquals(
        1,
        run(
            "store",
            "upgrade",
            "--store",
            dir.resolve("store").toString(),
            "--master",
            "local[1]"));
    assertTrue(err.toString().contains("nothing to upgrade"), err.toString());
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertEquals(2, run("report", "--perod", "2025-26 Q2"));
    assertTrue(err.toString().contains("--perod"), err.toString());
  }

  @Test
  void aMissingFileIsAnInputErrorNamingIt(@TempDir Path dir) {
    int code =
        run(
            "report",
            "--records",
            Paths.sampleData().resolve("records").toString(),
            "--projects",
            dir.resolve("nope.csv").toString(),
            "--baselines",
            "b.csv",
            "--period",
            "2025-26 Q2",
            "--output",
            dir.resolve("out").toString(),
            "--master",
            "local[1]");
    assertEquals(1, code, err.toString());
    assertTrue(err.toString().contains("nope.csv: file not found"), err.toString());
  }

  @Test
  void aRecordsFileWithoutARequiredColumnStopsTheRunWithTheFix(@TempDir Path dir)
      throws IOException {
    Path records = dir.resolve("participation-bad.csv");
    Files.writeString(
        records, "record_id,participantid,project_id,activity_date\nr1,p1,SHF-01,2025-07-01\n");
    int code =
        run(
            "report",
            "--records",
            records.toString(),
            "--projects",
            Paths.sampleData().resolve("projects.csv").toString(),
            "--baselines",
            Paths.sampleData().resolve("baselines-census2021.csv").toString(),
            "--period",
            "2025-26 Q2",
            "--output",
            dir.resolve("out").toString(),
            "--master",
            "local[1]");
    assertEquals(1, code);
    assertTrue(
        err.toString().contains("participantid: did you mean participant_id?"), err.toString());
  }

  @Test
  void validateChecksTheSampleWithoutMakingAReport(@TempDir Path dir) {
    int code =
        run(
            "validate",
            "--job",
            Paths.project().resolve("jobs/sample-quarterly.properties").toString(),
            "--output",
            dir.toString(),
            "--master",
            "local[1]");
    assertEquals(0, code, err.toString());
    // Rows read: every non-blank record after the header of every sample file, counted here.
    assertTrue(
        out.toString()
            .contains(String.format(java.util.Locale.UK, "rows read %,d = accepted", sampleRows())),
        out.toString());
    assertTrue(out.toString().contains("conflicting_record_id"), out.toString());
    assertTrue(Files.exists(dir.resolve("quarantine/quarantine.csv")));
    assertTrue(Files.exists(dir.resolve("quarantine/README.txt")));
    assertFalse(Files.exists(dir.resolve("metrics.csv")));
  }

  private static long sampleRows() {
    try (java.util.stream.Stream<Path> files = Files.walk(Paths.sampleData().resolve("records"))) {
      long n = 0;
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("participation")).toList()) {
        String text = Files.readString(f).replace("\uFEFF", "");
        try (var p =
            org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(text))) {
          boolean header = true;
          for (var rec : p) {
            if (header) {
              header = false;
            } else if (rec.size() > 1 || !rec.get(0).isBlank()) {
              n++;
            }
          }
        }
      }
      return n;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
