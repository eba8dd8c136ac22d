package org.whotakespart.store;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.config.JobConfig;
import org.whotakespart.job.IngestJob;
import org.whotakespart.job.Progress;
import org.whotakespart.testing.StartsSpark;
import org.whotakespart.testing.TestSpark;
import org.whotakespart.validate.ValidatedColumns;

/**
 * The history store (a Delta table) on real files: ingesting the same export twice, then a
 * corrected version of it, keeps each record once with the corrected values, one commit each; an
 * ingest that fails while writing leaves the store exactly as it was; one overtaken by another
 * ingest is refused.
 */
@StartsSpark
class HistoryStoreTest {
  private static final String HEADER =
      "record_id,participant_id,project_id,activity_date,sex,ethnic_group\n";

  @TempDir Path dir;

  private final SparkSession spark = TestSpark.session();

  private JobConfig config(Path... records) throws IOException {
    Path projects = dir.resolve("projects.csv");
    Files.writeString(
        projects, "project_id,project_name,catchment\nP1,One,E08000019\nP2,Two,E08000019\n");
    return JobConfig.builder()
        .records(Stream.of(records).map(Path::toString).toList())
        .projects(projects.toString())
        .store(dir.resolve("store").toString())
        .buildForIngest();
  }

  private Path export(String name, String rows) throws IOException {
    Path f = dir.resolve("exports").resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, HEADER + rows);
    return f;
  }

  /** record id to "participant sex ethnic_group period" for everything in the store. */
  private Map<String, String> stored() {
    HistoryStore store =
        HistoryStore.at(
            dir.resolve("store").toString(), spark.sparkContext().hadoopConfiguration());
    Map<String, String> m = new TreeMap<>();
    for (Row r : store.readAll(spark, store.latest(spark)).collectAsList()) {
      String id = r.getAs("project_id") + "/" + r.getAs("record_id");
      String old =
          m.put(
              id,
              r.getAs("participant_id")
                  + " "
                  + r.getAs(ValidatedColumns.code("sex"))
                  + " "
                  + r.getAs(ValidatedColumns.code("ethnic_group"))
                  + " "
                  + r.getAs(HistoryStore.PERIOD));
      assertEquals(null, old, "record " + id + " is in the store twice");
    }
    return m;
  }

  @Test
  void sameExportTwiceThenCorrectedHoldsEachRecordOnceWithTheCorrection() throws IOException {
    Path q2 =
        export(
            "org-a-q2.csv",
            """
        r1,A,P1,2025-07-01,female,white_british
        r2,B,P1,2025-08-01,male,asian_indian
        r3,C,P2,2025-09-30,female,black_african
        r4,D,P2,2025-06-30,female,white_irish
        """);
    IngestJob.Result first = IngestJob.run(config(q2), spark, Progress.silent());
    Map<String, String> once = stored();
    assertEquals(4, once.size());
    assertEquals("B male asian_indian 2025-26 Q2", once.get("P1/r2"));
    assertEquals("D female white_irish 2025-26 Q1", once.get("P2/r4"));
    assertEquals(4, first.after().rows());
    assertEquals(0, first.after().version(), "the first ingest is the table's first commit");
    assertEquals(0, first.unchanged(), "a first ingest stores every record it accepts");

    IngestJob.Result again = IngestJob.run(config(q2), spark, Progress.silent());
    assertEquals(once, stored(), "the same export ingested twice");
    assertEquals(0, again.replaced(), "nothing sent again had changed");
    assertEquals(4, again.unchanged());
    assertEquals(4, again.after().rows());
    assertEquals(1, again.after().version(), "one commit per ingest");

    // The corrected export: r2's ethnic group fixed, r3 withdrawn, r5 added, r4 moved a quarter.
    Files.writeString(
        q2,
        HEADER
            + """
        r1,A,P1,2025-07-01,female,white_british
        r2,B,P1,2025-08-01,male,asian_pakistani
        r4,D,P2,2025-07-01,female,white_irish
        r5,E,P2,2025-09-01,male,other_arab
        """);
    IngestJob.Result corrected = IngestJob.run(config(q2), spark, Progress.silent());
    Map<String, String> now = stored();
    assertEquals(
        Map.of(
            "P1/r1", "A female white_british 2025-26 Q2",
            "P1/r2", "B male asian_pakistani 2025-26 Q2",
            "P2/r4", "D female white_irish 2025-26 Q2",
            "P2/r5", "E male other_arab 2025-26 Q2"),
        now);
    assertEquals(
        List.of("2025-26 Q2"),
        List.copyOf(corrected.after().quarters().keySet()),
        "the quarter left empty by the move is gone from the store");
    assertEquals(2, corrected.replaced(), "r2 and r4 replaced");
    assertEquals(1, corrected.unchanged(), "r1 sent again as it was");
    assertEquals(1, corrected.deleted(), "r3, withdrawn from the re-sent file, deleted");
    assertEquals(1, corrected.after().files().size());
    assertEquals(4, corrected.after().files().get(0).accepted());

    // The same record sent again in another file replaces it, wherever it was.
    Path resent = export("org-a-resend.csv", "r1,A,P1,2025-07-02,female,white_other\n");
    IngestJob.Result r = IngestJob.run(config(resent), spark, Progress.silent());
    Map<String, String> after = stored();
    assertEquals(4, after.size());
    assertEquals("A female white_other 2025-26 Q2", after.get("P1/r1"));
    assertEquals(1, r.replaced());
    assertEquals(
        0,
        r.deleted(),
        "the other file's records stay: the deletion is scoped to the" + " files re-sent");

    // Each commit names the files it read, with their SHA-256 and rows, in Delta's own log.
    HistoryStore store =
        HistoryStore.at(
            dir.resolve("store").toString(), spark.sparkContext().hadoopConfiguration());
    List<HistoryStore.Commit> log = store.history(spark);
    assertEquals(List.of(0L, 1L, 2L, 3L), log.stream().map(HistoryStore.Commit::version).toList());
    CommitNote last = log.get(3).note();
    assertEquals("ingest", last.operation());
    assertEquals(
        List.of(resent.toString()),
        last.files().stream().map(CommitNote.SourceFile::path).toList());
    assertEquals(sha256(resent), last.files().get(0).sha256());
    assertEquals(1, last.files().get(0).accepted());
    assertEquals(2, last.sources().size(), "both files' reconciliations carried on");
    assertEquals("MERGE", log.get(3).operation());

    // Which quarters each commit changed, from its log entry: none when the export came again
    // unchanged; both sides of r4's move when it was corrected.
    assertEquals(Set.of("2025-26-Q1", "2025-26-Q2"), store.quartersChangedBy(spark, 0));
    assertEquals(Set.of(), store.quartersChangedBy(spark, 1));
    assertEquals(Set.of("2025-26-Q1", "2025-26-Q2"), store.quartersChangedBy(spark, 2));
    assertEquals(Set.of("2025-26-Q2"), store.quartersChangedBy(spark, 3));
  }

  @Test
  void anExportSentAgainUnchangedToAStoreNamedByARelativePathCommitsNoData() throws IOException {
    Path q2 = export("org-a-q2.csv", "r1,A,P1,2025-07-01,female,white_british\n");
    // Relative to the working folder, as `--store target/store` is: Delta's SQL takes such a path
    // for a catalog table's name unless it is made absolute.
    Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("relative-store"));
    JobConfig c =
        JobConfig.builder()
            .records(List.of(q2.toString()))
            .projects(config(q2).projects())
            .store(relative.toString())
            .buildForIngest();
    IngestJob.run(c, spark, Progress.silent());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    IngestJob.Result again =
        IngestJob.run(c, spark, new Progress(new java.io.PrintStream(out, true, "UTF-8")));
    String lines = out.toString("UTF-8");
    assertEquals(1, again.after().version());
    assertEquals(0, again.replaced());
    assertEquals(1, again.unchanged());
    assertTrue(lines.contains("Updated the people table for version 1: no quarter changed"), lines);
    HistoryStore store =
        HistoryStore.at(relative.toString(), spark.sparkContext().hadoopConfiguration());
    assertEquals(Set.of(), store.quartersChangedBy(spark, 1));
    assertTrue(store.people().versionFor(spark, 1) >= 0, "the people table is in step");
  }

  private static String sha256(Path f) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anIngestThatFailsWhileWritingLeavesTheStoreAsItWas() throws IOException {
    Path q1 =
        export(
            "q1.csv",
            "r1,A,P1,2025-05-01,female,white_british\nr2,B,P1,2025-05-02,male,white_british\n");
    IngestJob.run(config(q1), spark, Progress.silent());
    HistoryStore store =
        HistoryStore.at(
            dir.resolve("store").toString(), spark.sparkContext().hadoopConfiguration());
    HistoryStore.Snapshot before = store.current(spark);
    Map<String, String> rowsBefore = stored();

    Path q2 =
        export(
            "q2.csv",
            "r1,A,P1,2025-05-01,female,asian_indian\nr9,Z,P2,2025-08-01,male,white_british\n");
    // The write dies in an executor part-way, as a killed worker or a full disk would make it:
    // Delta's commit never comes, so nothing a reader sees has changed.
    IngestJob.Hooks crash = new IngestJob.Hooks(rows -> failOn(rows, "r9"));
    Exception e =
        assertThrows(
            Exception.class, () -> IngestJob.run(config(q2), spark, Progress.silent(), crash));
    assertTrue(String.valueOf(rootMessage(e)).contains("disk full"), rootMessage(e));
    assertEquals(before, store.current(spark));
    assertEquals(rowsBefore, stored());
    assertEquals(1, store.history(spark).size(), "no commit was made");

    // The next good ingest commits.
    IngestJob.run(config(q2), spark, Progress.silent());
    assertEquals("A female asian_indian 2025-26 Q1", stored().get("P1/r1"));
    assertEquals(3, stored().size());
    assertEquals(1, store.latest(spark));
  }

  @Test
  void anIngestWhoseProcessIsKilledBeforeItsCommitLeavesTheStoreAsItWas() throws Exception {
    Path q1 =
        export(
            "q1.csv",
            "r1,A,P1,2025-05-01,female,white_british\nr2,B,P1,2025-08-02,male,white_british\n");
    JobConfig first = config(q1);
    IngestJob.run(first, spark, Progress.silent());
    HistoryStore store =
        HistoryStore.at(
            dir.resolve("store").toString(), spark.sparkContext().hadoopConfiguration());
    HistoryStore.Snapshot before = store.current(spark);
    Map<String, String> rowsBefore = stored();
    long filesBefore = dataFiles();

    // Another process ingests a correction and is killed (halted, as kill -9) mid-MERGE.
    Path q2 =
        export(
            "q2.csv",
            "r1,A,P1,2025-05-01,female,asian_indian\nr9,Z,P2,2025-08-01,male,white_british\n");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    // Spark's module openings, as this JVM was given them.
    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-"))
        .forEach(command::add);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            KilledIngest.class.getName(),
            q2.toString(),
            first.projects(),
            dir.resolve("store").toString(),
            "r9"));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("killed.log").toFile())
            .start();
    assertTrue(p.waitFor(600, java.util.concurrent.TimeUnit.SECONDS), "the killed ingest ended");
    assertEquals(137, p.exitValue(), Files.readString(dir.resolve("killed.log")));

    assertEquals(before, store.current(spark));
    assertEquals(rowsBefore, stored());
    assertEquals(1, store.history(spark).size(), "no commit was made");
    assertEquals(filesBefore, dataFiles(), "the kill came before any file was written");

    IngestJob.run(config(q2), spark, Progress.silent());
    assertEquals("A female asian_indian 2025-26 Q1", stored().get("P1/r1"));
    assertEquals(3, stored().size());
  }

  private long dataFiles() throws IOException {
    try (Stream<Path> s = Files.walk(dir.resolve("store/records"))) {
      return s.filter(
              f -> f.toString().endsWith(".parquet") && !f.toString().contains("_delta_log"))
          .count();
    }
  }

  /** Holds the first row through which it passes until released: a stalled ingest. */
  static final java.util.concurrent.CountDownLatch ENTERED =
      new java.util.concurrent.CountDownLatch(1);

  static final java.util.concurrent.CountDownLatch RELEASE =
      new java.util.concurrent.CountDownLatch(1);
  static final java.util.concurrent.atomic.AtomicBoolean HELD =
      new java.util.concurrent.atomic.AtomicBoolean();

  @Test
  void aConcurrentIngestIsRefusedByDeltasConflictCheck() throws Exception {
    Path q1 = export("q1.csv", "r1,A,P1,2025-05-01,female,white_british\n");
    IngestJob.run(config(q1), spark, Progress.silent());
    Path a =
        export(
            "a.csv",
            "r1,A,P1,2025-05-01,female,asian_indian\nr2,B,P1,2025-05-03,male,white_british\n");
    Path b =
        export(
            "b.csv",
            "r1,A,P1,2025-05-01,female,white_irish\nr3,C,P2,2025-05-04,male,white_british\n");
    JobConfig configA = config(a);
    JobConfig configB = config(b);
    IngestJob.Hooks stall =
        new IngestJob.Hooks(
            rows ->
                rows.map(
                    (MapFunction<Row, Row>)
                        r -> {
                          if (HELD.compareAndSet(false, true)) {
                            ENTERED.countDown();
                            RELEASE.await(120, java.util.concurrent.TimeUnit.SECONDS);
                          }
                          return r;
                        },
                    Encoders.row(rows.schema())));
    var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      // Ingest A starts its MERGE and stalls; ingest B runs and commits meanwhile.
      var first = pool.submit(() -> IngestJob.run(configA, spark, Progress.silent(), stall));
      assertTrue(ENTERED.await(120, java.util.concurrent.TimeUnit.SECONDS), "ingest A started");
      IngestJob.Result second = IngestJob.run(configB, spark.newSession(), Progress.silent());
      assertEquals(1, second.after().version());
      RELEASE.countDown();
      var thrown = assertThrows(java.util.concurrent.ExecutionException.class, first::get);
      StoreException refused =
          assertInstanceOf(StoreException.class, thrown.getCause(), rootMessage(thrown));
      assertTrue(
          refused
              .getMessage()
              .contains(
                  "another ingest or change committed to the history"
                      + " store at "
                      + dir.resolve("store")
                      + " while this one ran"),
          refused.getMessage());
      assertTrue(
          refused.getMessage().contains("nothing of this one was kept: run it again"),
          refused.getMessage());
    } finally {
      RELEASE.countDown();
      pool.shutdownNow();
    }
    // B's records only; A's never arrived.
    assertEquals(
        Map.of(
            "P1/r1", "A female white_irish 2025-26 Q1", "P2/r3", "C male white_british 2025-26 Q1"),
        stored());
    HistoryStore store =
        HistoryStore.at(
            dir.resolve("store").toString(), spark.sparkContext().hadoopConfiguration());
    assertEquals(1, store.latest(spark));
  }

  /** record id to "sex index, ethnic group index" as read from the store. */
  private Map<String, String> storedIndices() {
    HistoryStore store =
        HistoryStore.at(
            dir.resolve("store").toString(), spark.sparkContext().hadoopConfiguration());
    Map<String, String> m = new TreeMap<>();
    for (Row r : store.readAll(spark, store.latest(spark)).collectAsList()) {
      m.put(
          r.getAs("record_id"),
          r.getAs(ValidatedColumns.index("sex"))
              + ","
              + r.getAs(ValidatedColumns.index("ethnic_group")));
    }
    return m;
  }

  @Test
  void indicesAreReadAsStoredOnlyWhenTheyFollowThisVersionsCodeLists() throws IOException {
    Path q2 =
        export(
            "q2.csv",
            """
        r1,A,P1,2025-07-01,female,white_british
        r2,B,P1,2025-08-01,male,
        r3,C,P1,2025-05-01,prefer not to say,other_arab
        """);
    IngestJob.run(config(q2), spark, Progress.silent());
    // Places in the contract's lists: female 0, male 1; white_british 12, other_arab 17.
    Map<String, String> expected = Map.of("r1", "0,12", "r2", "1,null", "r3", "null,17");
    assertEquals(expected, storedIndices());
    HistoryStore store =
        HistoryStore.at(
            dir.resolve("store").toString(), spark.sparkContext().hadoopConfiguration());
    assertEquals(
        List.of(org.whotakespart.config.Vocabulary.fingerprint()),
        store
            .versionAt(spark, store.latest(spark))
            .select(HistoryStore.VOCABULARY)
            .distinct()
            .as(Encoders.STRING())
            .collectAsList());

    // The same rows as a version with other code lists wrote them: every stored index 7, and
    // the rows say the lists were others.
    Dataset<Row> other = store.versionAt(spark, store.latest(spark));
    for (String c : org.whotakespart.validate.RowChecker.CODED) {
      other =
          other.withColumn(ValidatedColumns.index(c), org.apache.spark.sql.functions.lit((byte) 7));
    }
    other =
        other
            .withColumn(
                HistoryStore.VOCABULARY, org.apache.spark.sql.functions.lit("0123456789abcdef"))
            .localCheckpoint();
    other.write().format("delta").mode("overwrite").save(store.table());
    assertEquals(expected, storedIndices(), "indices stored under other lists");

    // An ingest writes its rows under this version's lists; the others stay as they were, and
    // both are read right.
    Path q1 = export("q1.csv", "r4,D,P2,2025-06-01,female,white_irish\n");
    IngestJob.run(config(q1), spark, Progress.silent());
    Map<String, String> all = new TreeMap<>(expected);
    all.put("r4", "0,13");
    assertEquals(all, storedIndices());
    assertEquals(
        2,
        store
            .versionAt(spark, store.latest(spark))
            .select(HistoryStore.VOCABULARY)
            .distinct()
            .count());
  }

  @Test
  void aFolderThatIsNotAStoreIsRefused() throws IOException {
    Files.createDirectories(dir.resolve("store"));
    Files.writeString(dir.resolve("store/notes.txt"), "my files");
    Path q1 = export("q1.csv", "r1,A,P1,2025-05-01,female,white_british\n");
    StoreException e =
        assertThrows(
            StoreException.class, () -> IngestJob.run(config(q1), spark, Progress.silent()));
    assertTrue(e.getMessage().contains("not a history store"), e.getMessage());
    assertTrue(Files.exists(dir.resolve("store/notes.txt")));
  }

  private static Dataset<Row> failOn(Dataset<Row> rows, String recordId) {
    return rows.map(
            (MapFunction<Row, Row>)
                r -> {
                  if (recordId.equals(r.getAs("record_id"))) {
                    throw new IllegalStateException(
                        "disk full (simulated) while writing " + recordId);
                  }
                  return r;
                },
            Encoders.row(rows.schema()))
        .filter(col("record_id").isNotNull());
  }

  private static String rootMessage(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getMessage()).append(" / ");
    }
    return b.toString();
  }
}
