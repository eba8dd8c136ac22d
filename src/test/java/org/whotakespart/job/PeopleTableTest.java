package org.whotakespart.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.config.JobConfig;
import org.whotakespart.store.HistoryStore;
import org.whotakespart.store.PeopleTable;
import org.whotakespart.testing.Paths;
import org.whotakespart.testing.StartsSpark;
import org.whotakespart.testing.TestSpark;

/**
 * The store's people table: kept in step by ingest (only the quarters an ingest changes are made
 * again), counted by reports from the store with the same outputs, byte for byte, as counting the
 * records, and repaired or made on first use when it is missing or out of step.
 */
@StartsSpark
class PeopleTableTest {
  @TempDir Path dir;

  private final SparkSession spark = TestSpark.session();

  private String store() {
    return dir.resolve("store").toString();
  }

  private HistoryStore history() {
    return HistoryStore.at(store(), spark.sparkContext().hadoopConfiguration());
  }

  /** Copies a sample project's export of a quarter into the exports folder. */
  private Path copy(String project, String quarter) throws IOException {
    Path from =
        Paths.sampleData()
            .resolve("records")
            .resolve(project)
            .resolve("participation-" + quarter + ".csv");
    Path to = dir.resolve("exports").resolve(project).resolve(from.getFileName());
    Files.createDirectories(to.getParent());
    Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return to;
  }

  /** The eight quarters of the sample's Sheffield youth project, and two of Leicester's. */
  private List<Path> firstExports() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String q :
        List.of(
            "2023-24-Q3",
            "2023-24-Q4",
            "2024-25-Q1",
            "2024-25-Q2",
            "2024-25-Q3",
            "2024-25-Q4",
            "2025-26-Q1",
            "2025-26-Q2")) {
      files.add(copy("sheffield-youth-voice", q));
    }
    files.add(copy("leicester-voices", "2025-26-Q1"));
    return files;
  }

  /**
   * The Sheffield 2025-26 Q1 export sent again, corrected: every fifth record no longer sent, every
   * seventh with its sex left blank, every third with another ethnic group, and the first record
   * moved into 2025-26 Q2.
   */
  private Path resentCorrected() throws IOException {
    Path f = copy("sheffield-youth-voice", "2025-26-Q1");
    List<String> lines = Files.readAllLines(f);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int sex = header.indexOf("SEX");
    int ethnic = header.indexOf("ETHNIC_GROUP");
    int date = header.indexOf("ACTIVITY_DATE");
    StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 1; i < lines.size(); i++) {
      if (i % 5 == 0) {
        continue;
      }
      String[] v = lines.get(i).split(",", -1);
      if (i % 7 == 0) {
        v[sex] = "";
      }
      if (i % 3 == 0) {
        v[ethnic] = "asian_indian";
      }
      if (i == 1) {
        v[date] = "2025-08-15";
      }
      b.append(String.join(",", v)).append('\n');
    }
    Files.writeString(f, b.toString());
    return f;
  }

  private JobConfig ingestConfig(List<Path> files) {
    return JobConfig.builder()
        .records(files.stream().map(Path::toString).toList())
        .projects(Paths.sampleData().resolve("projects.csv").toString())
        .store(store())
        .buildForIngest();
  }

  private String ingest(List<Path> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IngestJob.run(
        ingestConfig(files),
        spark,
        new Progress(new PrintStream(out, true, StandardCharsets.UTF_8)));
    return out.toString(StandardCharsets.UTF_8);
  }

  private JobConfig reportConfig(String out, String asOf) {
    return JobConfig.builder()
        .projects(Paths.sampleData().resolve("projects.csv").toString())
        .baselines(List.of(Paths.sampleData().resolve("baselines-census2021.csv").toString()))
        .period("2025-26 Q2")
        .trendQuarters(8)
        .charts(false)
        .output(dir.resolve(out).toString())
        .store(store())
        .fromStore(true)
        .storeAsOf(asOf)
        .build();
  }

  /** A report from the store; {@code peopleTable} false counts the records instead. */
  private Reported report(String out, String asOf, boolean peopleTable) {
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    ReportJob.Result r =
        ReportJob.run(
            reportConfig(out, asOf),
            spark,
            new Progress(new PrintStream(said, true, StandardCharsets.UTF_8)),
            (c, s, p, projects) -> StoreRecords.check(c, s, p, projects, peopleTable));
    return new Reported(r, said.toString(StandardCharsets.UTF_8));
  }

  private record Reported(ReportJob.Result result, String progress) {}

  /** Every CSV file of two reports is the same, byte for byte; returns how many were compared. */
  private int assertSameCsv(String a, String b) throws IOException {
    Set<String> inA = csvFiles(dir.resolve(a));
    assertEquals(inA, csvFiles(dir.resolve(b)));
    assertTrue(inA.contains("metrics.csv") && inA.contains("equity.csv"), inA.toString());
    for (String f : inA) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve(a).resolve(f)),
          Files.readAllBytes(dir.resolve(b).resolve(f)),
          f + " differs between " + a + " and " + b);
    }
    return inA.size();
  }

  private static Set<String> csvFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      Set<String> names = new TreeSet<>();
      s.filter(p -> p.toString().endsWith(".csv"))
          .forEach(p -> names.add(root.relativize(p).toString()));
      return names;
    }
  }

  @Test
  void aReportFromThePeopleTableIsTheReportFromTheRecordsByteForByte() throws IOException {
    String first = ingest(firstExports());
    assertTrue(first.contains("Made the people table from version 0 of the records"), first);
    PeopleTable people = history().people();
    assertEquals(0, people.versionFor(spark, 0));
    List<String> untouched = List.of(people.read(spark, 0, List.of("2023-24-Q3")).inputFiles());

    // A corrected re-send of one quarter (records deleted, blanked, changed, one moved into the
    // next quarter) and another project's new quarter.
    String second = ingest(List.of(resentCorrected(), copy("leicester-voices", "2025-26-Q2")));
    assertTrue(
        second.contains(
            "Updated the people table for version 1: 2 quarters made again (2025-26 Q1, 2025-26"
                + " Q2)"),
        second);
    long v = people.versionFor(spark, 1);
    assertTrue(v > 0);
    assertEquals(
        untouched,
        List.of(people.read(spark, v, List.of("2023-24-Q3")).inputFiles()),
        "a quarter the ingest did not change keeps its files");

    Reported fromPeople = report("people", null, true);
    Reported fromRecords = report("records", null, false);
    assertTrue(
        fromPeople.progress().contains("Counting people from the people table"),
        fromPeople.progress());
    assertFalse(fromRecords.progress().contains("people table"), fromRecords.progress());
    assertTrue(assertSameCsv("people", "records") >= 5);
    assertEquals(
        fromRecords.result().model().dataQuality(), fromPeople.result().model().dataQuality());
    assertTrue(fromPeople.result().model().dataQuality().recordsInPeriod() > 0);

    // As of the first version: the people table's version made from it.
    Reported asOf = report("as-of-0", "0", true);
    assertTrue(
        asOf.progress().contains("(its version 0, made from version 0 of the records)"),
        asOf.progress());
    report("as-of-0-records", "0", false);
    assertSameCsv("as-of-0", "as-of-0-records");
    assertFalse(
        java.util.Arrays.equals(
            Files.readAllBytes(dir.resolve("as-of-0/metrics.csv")),
            Files.readAllBytes(dir.resolve("people/metrics.csv"))),
        "the correction changed the metrics, so the as-of report is not the latest one");
  }

  @Test
  void anIngestStoppedBetweenItsCommitsAndAStoreWithoutPeopleAreRepaired() throws IOException {
    ingest(firstExports());
    List<Path> second = List.of(resentCorrected());
    assertThrows(
        IllegalStateException.class,
        () ->
            IngestJob.run(
                ingestConfig(second),
                spark,
                Progress.silent(),
                new IngestJob.Hooks(
                    java.util.function.UnaryOperator.identity(),
                    () -> {
                      throw new IllegalStateException("stopped between the commits");
                    })));
    HistoryStore store = history();
    assertEquals(1, store.latest(spark), "the records were committed");
    assertEquals(0, store.people().latest(spark).recordsVersion(), "the people were not");

    // The report sees the table out of step, makes it again, and counts the same as the records.
    Reported repaired = report("repaired", null, true);
    assertTrue(
        repaired.progress().contains("an earlier run stopped between the records' commit"),
        repaired.progress());
    assertTrue(repaired.progress().contains("Counting people from the people table"));
    report("repaired-records", null, false);
    assertSameCsv("repaired", "repaired-records");

    // A store written before the people table existed: made on first use; a report as of an
    // earlier version, which has no people table made from it, counts the records and says so.
    deleteTree(dir.resolve("store").resolve(PeopleTable.FOLDER));
    Reported asOf = report("old-as-of", "0", true);
    assertTrue(
        asOf.progress()
            .contains(
                "Counting people from the records: the people table has no version made from"
                    + " version 0"),
        asOf.progress());
    assertFalse(store.people().exists(), "an as-of report writes nothing");
    Reported upgraded = report("old", null, true);
    assertTrue(upgraded.progress().contains("the store had no people table"), upgraded.progress());
    assertEquals(0, store.people().versionFor(spark, 1));
    assertSameCsv("old", "repaired-records");

    // The next ingest goes on from there, one quarter at a time again.
    String next = ingest(List.of(copy("leicester-voices", "2025-26-Q2")));
    assertTrue(next.contains("Updated the people table for version 2"), next);
  }

  @Test
  void forgettingAPersonRemovesTheirPeopleRowsTooAndKeepsTheTableInStep() throws IOException {
    ingest(firstExports());
    HistoryStore store = history();
    String person =
        store
            .people()
            .read(spark, store.people().latest(spark).version(), null)
            .select("participant_id")
            .first()
            .getString(0);
    HistoryStore.Erasure e = store.forget(spark, person, null, false);
    assertTrue(e.records() > 0);
    PeopleTable people = store.people();
    long at = people.versionFor(spark, e.version());
    assertTrue(at > 0, "the people table is in step with the erasure");
    assertEquals(
        0,
        people
            .read(spark, at, null)
            .filter(org.apache.spark.sql.functions.col("participant_id").equalTo(person))
            .count());
    // Read from the version's files, as a report reads it: the erased person's old files are
    // still in the folder, and are not among them.
    Dataset<Row> atVersion = people.versionAt(spark, at);
    assertEquals(
        0,
        people
            .readFiles(spark, at, atVersion, atVersion.inputFiles())
            .filter(org.apache.spark.sql.functions.col("participant_id").equalTo(person))
            .count());
    try (Stream<Path> log = Files.list(dir.resolve("store/people/_delta_log"))) {
      for (Path f : log.filter(p -> p.toString().endsWith(".json")).toList()) {
        assertFalse(Files.readString(f).contains(person), "the id is in " + f.getFileName());
      }
    }
    // A change of retention is a records commit too; the people table follows it.
    store.setRetention(spark, 4000);
    assertTrue(store.people().inStepWith(spark, store.latest(spark)));
    Reported r = report("after", null, true);
    assertTrue(r.progress().contains("Counting people from the people table"), r.progress());
    assertFalse(r.progress().contains("Made the people table again"), r.progress());
    report("after-records", null, false);
    assertSameCsv("after", "after-records");
  }

  @Test
  void theVersionsFilesReadAsParquetHoldDeltasRowsUnlessAReaderFeatureIsOn() throws IOException {
    ingest(firstExports());
    PeopleTable people = history().people();
    long at = people.latest(spark).version();
    Dataset<Row> delta = people.versionAt(spark, at);
    Dataset<Row> plain = people.readFiles(spark, at, delta, delta.inputFiles());
    assertTrue(plain != delta, "read with Spark's Parquet source");
    assertEquals(columns(delta), columns(plain));
    assertEquals(sortedRows(delta), sortedRows(plain));
    assertTrue(sortedRows(plain).size() > 100, "rows of both projects");
    // A later version that needs a Delta reader feature (column mapping) is read through Delta;
    // the earlier version still needs none.
    spark.sql(
        "ALTER TABLE delta.`"
            + people.table()
            + "` SET TBLPROPERTIES ('delta.minReaderVersion' = '2', 'delta.minWriterVersion' = '5',"
            + " 'delta.columnMapping.mode' = 'name')");
    long mapped = at + 1;
    Dataset<Row> later = people.versionAt(spark, mapped);
    assertTrue(later == people.readFiles(spark, mapped, later, later.inputFiles()));
    assertTrue(delta != people.readFiles(spark, at, delta, delta.inputFiles()));
  }

  private static List<String> columns(Dataset<Row> rows) {
    return Stream.of(rows.schema().fields()).map(f -> f.name() + " " + f.dataType()).toList();
  }

  private static List<String> sortedRows(Dataset<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
