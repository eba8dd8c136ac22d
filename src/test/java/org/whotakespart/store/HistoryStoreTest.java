package org.whotakespart.store;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.whotakespart.testing.TestSpark;
import org.whotakespart.validate.ValidatedColumns;

/**
 * The history store on real files: ingesting the same export twice, then a corrected version of
 * it, keeps each record once with the corrected values; an ingest that fails while writing, or
 * just before its commit, leaves the store exactly as it was.
 */
class HistoryStoreTest {
  private static final String HEADER = "record_id,participant_id,project_id,activity_date,sex,ethnic_group\n";

  @TempDir
  Path dir;

  private final SparkSession spark = TestSpark.session();

  private JobConfig config(Path... records) throws IOException {
    Path projects = dir.resolve("projects.csv");
    Files.writeString(projects, "project_id,project_name,catchment\nP1,One,E08000019\nP2,Two,E08000019\n");
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
    HistoryStore store = HistoryStore.at(dir.resolve("store").toString(),
        spark.sparkContext().hadoopConfiguration());
    Map<String, String> m = new TreeMap<>();
    for (Row r : store.readAll(spark, store.current()).collectAsList()) {
      String id = r.getAs("project_id") + "/" + r.getAs("record_id");
      String old = m.put(id, r.getAs("participant_id") + " " + r.getAs(ValidatedColumns.code("sex"))
          + " " + r.getAs(ValidatedColumns.code("ethnic_group")) + " " + r.getAs(HistoryStore.PERIOD));
      assertEquals(null, old, "record " + id + " is in the store twice");
    }
    return m;
  }

  @Test
  void sameExportTwiceThenCorrectedHoldsEachRecordOnceWithTheCorrection() throws IOException {
    Path q2 = export("org-a-q2.csv", """
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

    IngestJob.Result again = IngestJob.run(config(q2), spark, Progress.silent());
    assertEquals(once, stored(), "the same export ingested twice");
    assertEquals(4, again.replaced());
    assertEquals(4, again.after().rows());

    // The corrected export: r2's ethnic group fixed, r3 withdrawn, r5 added, r4 moved a quarter.
    Files.writeString(q2, HEADER + """
        r1,A,P1,2025-07-01,female,white_british
        r2,B,P1,2025-08-01,male,asian_pakistani
        r4,D,P2,2025-07-01,female,white_irish
        r5,E,P2,2025-09-01,male,other_arab
        """);
    IngestJob.Result corrected = IngestJob.run(config(q2), spark, Progress.silent());
    Map<String, String> now = stored();
    assertEquals(Map.of(
        "P1/r1", "A female white_british 2025-26 Q2",
        "P1/r2", "B male asian_pakistani 2025-26 Q2",
        "P2/r4", "D female white_irish 2025-26 Q2",
        "P2/r5", "E male other_arab 2025-26 Q2"), now);
    assertEquals(List.of("2025-26 Q2"),
        corrected.after().partitions().stream().map(Manifest.Partition::period).toList(),
        "the quarter left empty by the move is gone from the store");
    assertEquals(1, corrected.after().files().size());
    assertEquals(4, corrected.after().files().get(0).accepted());

    // The same record sent again in another file replaces it, wherever it was.
    Path resent = export("org-a-resend.csv", "r1,A,P1,2025-07-02,female,white_other\n");
    IngestJob.run(config(resent), spark, Progress.silent());
    Map<String, String> after = stored();
    assertEquals(4, after.size());
    assertEquals("A female white_other 2025-26 Q2", after.get("P1/r1"));
  }

  @Test
  void anIngestThatFailsWhileWritingLeavesTheStoreAsItWas() throws IOException {
    Path q1 = export("q1.csv", "r1,A,P1,2025-05-01,female,white_british\nr2,B,P1,2025-05-02,male,white_british\n");
    IngestJob.run(config(q1), spark, Progress.silent());
    HistoryStore store = HistoryStore.at(dir.resolve("store").toString(),
        spark.sparkContext().hadoopConfiguration());
    Manifest before = store.current();
    Map<String, String> rowsBefore = stored();

    Path q2 = export("q2.csv", "r1,A,P1,2025-05-01,female,asian_indian\nr9,Z,P2,2025-08-01,male,white_british\n");
    // The write dies in an executor part-way, as a killed worker or a full disk would make it.
    IngestJob.Hooks crash = new IngestJob.Hooks(rows -> failOn(rows, "r9"), () -> {});
    Exception e = assertThrows(Exception.class,
        () -> IngestJob.run(config(q2), spark, Progress.silent(), crash));
    assertTrue(String.valueOf(rootMessage(e)).contains("disk full"), rootMessage(e));
    assertEquals(before, store.current());
    assertEquals(rowsBefore, stored());

    // Or the process stops after writing, before the commit.
    IngestJob.Hooks stop = new IngestJob.Hooks(rows -> rows, () -> {
      throw new IllegalStateException("killed before commit");
    });
    assertThrows(IllegalStateException.class,
        () -> IngestJob.run(config(q2), spark, Progress.silent(), stop));
    assertEquals(before, store.current());
    assertEquals(rowsBefore, stored());
    assertTrue(Files.exists(dir.resolve("store/data/00000002")), "the failed run's folder is there");

    // The next good ingest commits and tidies what the failed runs left.
    IngestJob.run(config(q2), spark, Progress.silent());
    assertEquals("A female asian_indian 2025-26 Q1", stored().get("P1/r1"));
    assertEquals(3, stored().size());
    try (Stream<Path> s = Files.list(dir.resolve("store/data"))) {
      assertEquals(List.of("00000002"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertFalse(Files.exists(dir.resolve("store/data/00000001")));
  }

  /** record id to "sex index, ethnic group index" as read from the store. */
  private Map<String, String> storedIndices() {
    HistoryStore store = HistoryStore.at(dir.resolve("store").toString(),
        spark.sparkContext().hadoopConfiguration());
    Map<String, String> m = new TreeMap<>();
    for (Row r : store.readAll(spark, store.current()).collectAsList()) {
      m.put(r.getAs("record_id"), r.getAs(ValidatedColumns.index("sex")) + ","
          + r.getAs(ValidatedColumns.index("ethnic_group")));
    }
    return m;
  }

  @Test
  void indicesAreReadAsStoredOnlyWhenTheyFollowThisVersionsCodeLists() throws IOException {
    Path q2 = export("q2.csv", """
        r1,A,P1,2025-07-01,female,white_british
        r2,B,P1,2025-08-01,male,
        r3,C,P1,2025-05-01,prefer not to say,other_arab
        """);
    IngestJob.Result first = IngestJob.run(config(q2), spark, Progress.silent());
    // Places in the contract's lists: female 0, male 1; white_british 12, other_arab 17.
    Map<String, String> expected = Map.of("r1", "0,12", "r2", "1,null", "r3", "null,17");
    assertEquals(expected, storedIndices());
    for (Manifest.Partition p : first.after().partitions()) {
      assertEquals(org.whotakespart.config.Vocabulary.fingerprint(), p.vocabulary());
    }

    // The same quarters as a version with other code lists wrote them: every stored index 7,
    // and the manifest says the lists were others ("" is a store from before indices were kept).
    HistoryStore store = HistoryStore.at(dir.resolve("store").toString(),
        spark.sparkContext().hadoopConfiguration());
    for (String other : List.of("0123456789abcdef", "")) {
      Manifest m = store.current();
      List<Manifest.Partition> relabelled = new java.util.ArrayList<>();
      for (Manifest.Partition p : m.partitions()) {
        String folder = dir.resolve("store").resolve(p.folder()).toString();
        Dataset<Row> rows = spark.read().parquet(folder);
        for (String c : org.whotakespart.validate.RowChecker.CODED) {
          rows = rows.withColumn(ValidatedColumns.index(c),
              org.apache.spark.sql.functions.lit((byte) 7));
        }
        rows.write().parquet(folder + "-other");
        org.apache.commons.io.FileUtils.deleteDirectory(new java.io.File(folder));
        Files.move(Path.of(folder + "-other"), Path.of(folder));
        relabelled.add(new Manifest.Partition(p.period(), p.start(), p.endExclusive(), p.folder(),
            p.rows(), other));
      }
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(
          dir.resolve("store/_manifests").resolve(Manifest.name(m.ingest())).toUri());
      var fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(file, false);
      new Manifest(m.ingest(), m.committedAt(), relabelled, m.files()).write(file, fs);
      assertEquals(other, store.current().partitions().get(0).vocabulary());
      assertEquals(expected, storedIndices(), "indices stored under lists '" + other + "'");
    }

    // An ingest rewrites the quarters it changes under this version's lists; the others stay
    // as they were, and both are read right.
    Path q1 = export("q1.csv", "r4,D,P2,2025-06-01,female,white_irish\n");
    IngestJob.Result mixed = IngestJob.run(config(q1), spark, Progress.silent());
    assertEquals(List.of(org.whotakespart.config.Vocabulary.fingerprint(), ""),
        mixed.after().partitions().stream().map(Manifest.Partition::vocabulary).toList());
    Map<String, String> all = new TreeMap<>(expected);
    all.put("r4", "0,13");
    assertEquals(all, storedIndices());
  }

  @Test
  void aFolderThatIsNotAStoreIsRefused() throws IOException {
    Files.createDirectories(dir.resolve("store"));
    Files.writeString(dir.resolve("store/notes.txt"), "my files");
    Path q1 = export("q1.csv", "r1,A,P1,2025-05-01,female,white_british\n");
    StoreException e = assertThrows(StoreException.class,
        () -> IngestJob.run(config(q1), spark, Progress.silent()));
    assertTrue(e.getMessage().contains("not a history store"), e.getMessage());
    assertTrue(Files.exists(dir.resolve("store/notes.txt")));
  }

  private static Dataset<Row> failOn(Dataset<Row> rows, String recordId) {
    return rows.map((MapFunction<Row, Row>) r -> {
      if (recordId.equals(r.getAs("record_id"))) {
        throw new IllegalStateException("disk full (simulated) while writing " + recordId);
      }
      return r;
    }, Encoders.row(rows.schema())).filter(col("record_id").isNotNull());
  }

  private static String rootMessage(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getMessage()).append(" / ");
    }
    return b.toString();
  }
}
