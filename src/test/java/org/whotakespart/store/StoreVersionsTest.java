package org.whotakespart.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.config.JobConfig;
import org.whotakespart.job.IngestJob;
import org.whotakespart.job.Progress;
import org.whotakespart.job.ReportJob;
import org.whotakespart.testing.Paths;
import org.whotakespart.testing.StartsSpark;
import org.whotakespart.testing.TestSpark;

/**
 * Reports as of an earlier store version reproduce the report made then, byte for byte; erasing a
 * participant removes them from every quarter at once, and from the files once vacuumed (or at once
 * with --now), after which a report of a version before the erasure says so.
 */
@StartsSpark
class StoreVersionsTest {
  private static final String HEADER =
      "record_id,participant_id,project_id,activity_date,sex,ethnic_group,role\n";
  private static final List<String> TABLES =
      List.of("metrics.csv", "trends.csv", "equity.csv", "tests.csv", "people.csv");

  @TempDir Path dir;

  private final SparkSession spark = TestSpark.session();

  /** 60 people in SHF-01 and SHF-02, each once in 2025-26 Q1 and once in Q2. */
  private Path export(String name, String ethnicGroupOfFirstTen) throws IOException {
    StringBuilder b = new StringBuilder(HEADER);
    String[] groups = {
      "white_british",
      "asian_pakistani",
      "black_african",
      "white_other",
      "mixed_white_and_black_caribbean"
    };
    for (int i = 0; i < 60; i++) {
      String person = String.format("PX%02d", i);
      String project = i % 2 == 0 ? "SHF-01" : "SHF-02";
      String group = i < 10 ? ethnicGroupOfFirstTen : groups[i % groups.length];
      String sex = i % 3 == 0 ? "male" : "female";
      b.append(
              String.join(
                  ",",
                  "q1-" + i,
                  person,
                  project,
                  "2025-05-1" + (i % 9),
                  sex,
                  group,
                  "lived_experience"))
          .append('\n');
      b.append(
              String.join(
                  ",",
                  "q2-" + i,
                  person,
                  project,
                  "2025-08-1" + (i % 9),
                  sex,
                  group,
                  "lived_experience"))
          .append('\n');
    }
    Path f = dir.resolve("exports").resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, b.toString());
    return f;
  }

  private String store() {
    return dir.resolve("store").toString();
  }

  private HistoryStore history() {
    return HistoryStore.at(store(), spark.sparkContext().hadoopConfiguration());
  }

  private void ingest(Path file) {
    IngestJob.run(
        JobConfig.builder()
            .records(List.of(file.toString()))
            .projects(Paths.sampleData().resolve("projects.csv").toString())
            .store(store())
            .buildForIngest(),
        spark,
        Progress.silent());
  }

  private ReportJob.Result report(String out, String asOf) {
    return ReportJob.run(
        JobConfig.builder()
            .projects(Paths.sampleData().resolve("projects.csv").toString())
            .baselines(List.of(Paths.sampleData().resolve("baselines-census2021.csv").toString()))
            .period("2025-26 Q2")
            .trendQuarters(1)
            .charts(false)
            .output(dir.resolve(out).toString())
            .store(store())
            .fromStore(true)
            .storeAsOf(asOf)
            .build(),
        spark,
        Progress.silent());
  }

  private byte[] bytes(String out, String table) throws IOException {
    return Files.readAllBytes(dir.resolve(out).resolve(table));
  }

  @Test
  void aReportAsOfAnEarlierVersionIsTheReportMadeThenByteForByte() throws IOException {
    Path file = export("org-a.csv", "white_british");
    ingest(file);
    ReportJob.Result first = report("first", null);
    assertEquals(0, first.model().dataQuality().store().version());
    assertTrue(first.model().dataQuality().store().latest());

    // The correction: ten people's ethnic group changes, which moves the metrics.
    export("org-a.csv", "asian_bangladeshi");
    ingest(file);
    report("corrected", null);
    assertFalse(
        java.util.Arrays.equals(bytes("first", "metrics.csv"), bytes("corrected", "metrics.csv")),
        "the correction changed the figures");

    ReportJob.Result again = report("again", "0");
    for (String t : TABLES) {
      assertArrayEquals(bytes("first", t), bytes("again", t), t + " as of version 0");
    }
    assertFalse(again.model().dataQuality().store().latest());
    // The metrics name the version they were made from, on every row.
    List<String> lines = Files.readAllLines(dir.resolve("again/metrics.csv"));
    assertTrue(lines.get(0).endsWith(",store_version"), lines.get(0));
    assertTrue(lines.stream().skip(1).allMatch(l -> l.endsWith(",0")), lines.get(1));
    assertTrue(Files.readAllLines(dir.resolve("corrected/metrics.csv")).get(1).endsWith(",1"));
    // And so do the workbook's Data quality and About sheets.
    String quality = sheetText(again, "Data quality");
    assertTrue(quality.contains("Read from the history store, version 0 (committed "), quality);
    assertTrue(quality.contains("a later version exists"), quality);
    assertTrue(sheetText(again, "About").contains("history store, version 0"));

    // A date: the state at the end of that day; a day before the store is refused.
    HistoryStore h = history();
    assertEquals(1, h.resolve(spark, "2999-12-31"));
    StoreException early = assertThrows(StoreException.class, () -> h.resolve(spark, "2000-01-01"));
    assertTrue(early.getMessage().contains("did not exist yet at 2000-01-01"), early.getMessage());
    StoreException none = assertThrows(StoreException.class, () -> report("none", "7"));
    assertTrue(
        none.getMessage().contains("has no version 7; its versions run from 0 to 1"),
        none.getMessage());
  }

  /**
   * The store reads its tables' commits from the log's files, not through Delta's history (a Spark
   * job): every commit's version, time, operation, note and metrics as Delta's history gives them,
   * for both tables, after ingests (a write, a MERGE), an erasure and a change of retention.
   */
  @Test
  void theCommitsReadFromTheLogAreDeltasHistory() throws IOException {
    Path file = export("org-a.csv", "white_british");
    ingest(file);
    export("org-a.csv", "asian_bangladeshi");
    ingest(file);
    HistoryStore h = history();
    h.forget(spark, "PX03", null, false);
    assertEquals(HistoryStore.DEFAULT_RETENTION_DAYS, h.retentionDays(spark));
    h.setRetention(spark, 30);
    assertEquals(30, h.retentionDays(spark), "read from the latest version's properties");
    for (String table : List.of(h.table(), h.people().table())) {
      List<String> delta = new ArrayList<>();
      for (org.apache.spark.sql.Row r :
          io.delta.tables.DeltaTable.forPath(spark, table)
              .history()
              .select("version", "timestamp", "operation", "userMetadata", "operationMetrics")
              .orderBy("version")
              .collectAsList()) {
        delta.add(
            String.join(
                " | ",
                String.valueOf(r.getLong(0)),
                r.getTimestamp(1).toInstant().toString(),
                r.getString(2),
                String.valueOf(r.getString(3)),
                String.valueOf(
                    r.isNullAt(4)
                        ? java.util.Map.of()
                        : new java.util.TreeMap<>(
                            scala.jdk.javaapi.CollectionConverters.asJava(
                                r.<scala.collection.Map<String, String>>getAs(4))))));
      }
      List<String> ours = new ArrayList<>();
      for (DeltaCommits.Entry e :
          DeltaCommits.read(table, spark.sparkContext().hadoopConfiguration())) {
        ours.add(
            String.join(
                " | ",
                String.valueOf(e.version()),
                e.at().toString(),
                e.operation(),
                String.valueOf(e.userMetadata()),
                String.valueOf(new java.util.TreeMap<>(e.metrics()))));
      }
      assertTrue(delta.size() >= 3, table + ": " + delta);
      assertEquals(delta, ours, table);
      assertEquals(
          delta.size() - 1, DeltaCommits.latest(table, spark.sparkContext().hadoopConfiguration()));
      assertEquals(
          DeltaCommits.read(table, spark.sparkContext().hadoopConfiguration())
              .get(delta.size() - 1),
          DeltaCommits.newest(table, spark.sparkContext().hadoopConfiguration()));
    }
    assertEquals(
        null,
        DeltaCommits.newest(
            dir.resolve("none").toString(), spark.sparkContext().hadoopConfiguration()));
    assertEquals(
        List.of(),
        DeltaCommits.read(
            dir.resolve("none").toString(), spark.sparkContext().hadoopConfiguration()));
  }

  @Test
  void forgettingAParticipantRemovesThemFromEveryQuarterAndAfterVacuumFromTheFiles()
      throws IOException {
    Path file = export("org-a.csv", "white_british");
    ingest(file);
    HistoryStore h = history();
    assertEquals(2, holding("PX07").size(), "PX07 is in both quarters' files");
    assertEquals(2, h.readAll(spark, h.latest(spark)).filter("participant_id = 'PX07'").count());

    HistoryStore.Erasure e = h.forget(spark, "PX07", null, false);
    assertEquals(2, e.records());
    assertEquals(1, e.version());
    assertEquals(
        0,
        h.readAll(spark, 1).filter("participant_id = 'PX07'").count(),
        "gone from every quarter");
    assertEquals(118, h.readAll(spark, 1).count(), "nobody else's records");
    // Earlier versions still hold them until vacuum, and say that someone was erased since.
    assertFalse(holding("PX07").isEmpty());
    ReportJob.Result before = report("before", "0");
    assertTrue(
        before
            .model()
            .dataQuality()
            .store()
            .erasedSince()
            .contains("erased from the store since this version, at version 1"),
        before.model().dataQuality().store().erasedSince());
    assertTrue(sheetText(before, "Data quality").contains("Erased since:"));
    // The log says how many records, never whose.
    String log = readLog();
    assertTrue(log.contains("\\\"operation\\\":\\\"forget\\\""), log);
    assertFalse(log.contains("PX"), "no participant id in the log, even in file statistics");

    // Vacuum after the retention period (here set to none) removes the old files holding them;
    // the earlier version can then no longer be reported, and says why.
    h.setRetention(spark, 0);
    assertTrue(h.vacuum(spark) > 0);
    assertEquals(List.of(), holding("PX07"), "no file holds them after vacuum");
    StoreException gone = assertThrows(StoreException.class, () -> report("gone", "0"));
    assertTrue(
        gone.getMessage()
            .contains(
                "version 0 of the history store at " + store() + " can no longer be reproduced"),
        gone.getMessage());
    assertTrue(
        gone.getMessage().contains("erased from the store since this version"), gone.getMessage());
  }

  @Test
  void forgetNowPurgesTheOldFilesAtOnceAndOnlyInOneProjectWhenAsked() throws IOException {
    Path file = export("org-a.csv", "white_british");
    ingest(file);
    export("org-a.csv", "asian_bangladeshi");
    ingest(file);
    HistoryStore h = history();
    // PX03 is in SHF-02; nothing of them in SHF-01, so nothing is erased there.
    assertEquals(0, h.forget(spark, "PX03", "SHF-01", true).records());
    assertEquals(1, h.latest(spark));

    HistoryStore.Erasure e = h.forget(spark, "PX03", "SHF-02", true);
    assertEquals(2, e.records());
    assertTrue(e.filesPurged() >= 2, "version 0's and 1's files held them: " + e.filesPurged());
    assertEquals(List.of(), holding("PX03"), "no file of any version holds them");
    assertFalse(holding("PX04").isEmpty(), "everyone else is still there");
    StoreException refused = assertThrows(StoreException.class, () -> report("old", "1"));
    assertTrue(refused.getMessage().contains("old files purged"), refused.getMessage());
    // The current version reports.
    assertEquals(2, report("now", null).model().dataQuality().store().version());
  }

  /** The Parquet files of the table, of any version, holding rows of {@code participant}. */
  private List<String> holding(String participant) throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir.resolve("store/records"))) {
      for (Path p :
          s.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log"))
              .toList()) {
        if (spark
                .read()
                .parquet(p.toString())
                .filter("participant_id = '" + participant + "'")
                .count()
            > 0) {
          files.add(p.toString());
        }
      }
    }
    return files;
  }

  private String readLog() throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> s = Files.list(dir.resolve("store/records/_delta_log"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        b.append(Files.readString(p));
      }
    }
    return b.toString();
  }

  private static String sheetText(ReportJob.Result r, String name) throws IOException {
    Path workbook =
        r.files().stream().filter(f -> f.endsWith(".xlsx")).map(Path::of).findFirst().orElseThrow();
    StringBuilder b = new StringBuilder();
    try (Workbook w = WorkbookFactory.create(workbook.toFile(), null, true)) {
      Sheet s = w.getSheet(name);
      for (var row : s) {
        for (var cell : row) {
          b.append(cell.toString()).append(' ');
        }
        b.append('\n');
      }
    }
    return b.toString();
  }
}
