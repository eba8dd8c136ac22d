package org.whotakespart.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.config.JobConfig;
import org.whotakespart.job.IngestJob;
import org.whotakespart.job.Progress;
import org.whotakespart.testing.DeltaLogFiles;
import org.whotakespart.testing.StartsSpark;
import org.whotakespart.testing.TestSpark;

/**
 * The store's format from outside: another tool reads the table from its log and Parquet files
 * alone, and a store written by the earlier format is refused, then converted once with the same
 * records.
 */
@StartsSpark
class StoreFormatTest {
  private static final String HEADER =
      "record_id,participant_id,project_id,activity_date,sex,ethnic_group\n";

  @TempDir Path dir;

  private final SparkSession spark = TestSpark.session();

  private JobConfig config(String store, Path records) throws IOException {
    Path projects = dir.resolve("projects.csv");
    Files.writeString(
        projects, "project_id,project_name,catchment\nP1,One,E08000019\nP2,Two,E08000019\n");
    return JobConfig.builder()
        .records(List.of(records.toString()))
        .projects(projects.toString())
        .store(dir.resolve(store).toString())
        .buildForIngest();
  }

  private Path export(String name, String rows) throws IOException {
    Path f = dir.resolve("exports").resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, HEADER + rows);
    return f;
  }

  @Test
  void duckDbReadsTheTableFromTheLogAndParquetAloneNotThroughOurCode() throws Exception {
    Path a =
        export(
            "a.csv",
            """
        r1,A,P1,2025-07-01,female,white_british
        r2,B,P1,2025-08-01,male,asian_indian
        r3,C,P2,2025-05-30,female,black_african
        """);
    IngestJob.run(config("store", a), spark, Progress.silent());
    // Corrected: r2 changed, r3 withdrawn, r4 added: the log now removes files as well as adds.
    export(
        "a.csv",
        """
        r1,A,P1,2025-07-01,female,white_british
        r2,B,P1,2025-08-01,male,asian_pakistani
        r4,D,P2,2025-06-02,male,white_irish
        """);
    IngestJob.run(config("store", a), spark, Progress.silent());

    Map<Path, Map<String, String>> live = DeltaLogFiles.live(dir.resolve("store/records"));
    assertFalse(live.isEmpty());
    Map<String, String> seen = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (var e : live.entrySet()) {
        try (ResultSet r =
            s.executeQuery(
                "SELECT record_id, participant_id, code_ethnic_group,"
                    + " CAST(activity_day AS VARCHAR) FROM read_parquet('"
                    + e.getKey()
                    + "')")) {
          while (r.next()) {
            seen.put(
                r.getString(1),
                r.getString(2)
                    + " "
                    + r.getString(3)
                    + " "
                    + r.getString(4)
                    + " "
                    + e.getValue().get("quarter"));
          }
        }
      }
    }
    assertEquals(
        Map.of(
            "r1", "A white_british 2025-07-01 2025-26-Q2",
            "r2", "B asian_pakistani 2025-08-01 2025-26-Q2",
            "r4", "D white_irish 2025-06-02 2025-26-Q1"),
        seen);
  }

  @Test
  void aStoreOfTheEarlierFormatIsRefusedNamingUpgradeThenConvertedOnceWithTheSameRows()
      throws IOException {
    // An earlier version's store, as it wrote it: Parquet by quarter under data/<ingest>/, the
    // period and ingest number in each row, and a manifest naming the folders and files.
    Path a =
        export(
            "a.csv",
            """
        r1,A,P1,2025-07-01,female,white_british
        r2,B,P1,2025-08-01,male,asian_indian
        r3,C,P2,2025-05-30,prefer not to say,
        """);
    IngestJob.Result made = IngestJob.run(config("source", a), spark, Progress.silent());
    HistoryStore source =
        HistoryStore.at(
            dir.resolve("source").toString(), spark.sparkContext().hadoopConfiguration());
    Dataset<Row> rows = source.readAll(spark, 0);
    Map<String, String> expected = rows(rows);
    Path old = dir.resolve("old");
    List<String> columns = new java.util.ArrayList<>(HistoryStore.recordColumns());
    columns.add(HistoryStore.PERIOD);
    rows.withColumn("ingest_id", org.apache.spark.sql.functions.lit(1L))
        .withColumn(
            "quarter",
            org.apache.spark.sql.functions.regexp_replace(
                org.apache.spark.sql.functions.col(HistoryStore.PERIOD), " ", "-"))
        .select(
            java.util.stream.Stream.concat(
                    columns.stream(), java.util.stream.Stream.of("ingest_id", "quarter"))
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
        .write()
        .partitionBy("quarter")
        .parquet(old.resolve("data/00000001").toString());
    CommitNote.SourceFile f = made.after().files().get(0);
    Files.createDirectories(old.resolve("_manifests"));
    Files.writeString(
        old.resolve("_manifests/00000001.tsv"),
        String.join(
            "\n",
            "# Who Takes Part history store manifest, version 1",
            "ingest\t1\t2025-10-01T09:00:00Z",
            "partition\t2025-26 Q1\t2025-04-01\t2025-07-01\tdata/00000001/quarter=2025-26-Q1\t1\t",
            "partition\t2025-26 Q2\t2025-07-01\t2025-10-01\tdata/00000001/quarter=2025-26-Q2\t2\tabc",
            String.join(
                "\t",
                "file",
                f.path(),
                "1",
                Long.toString(f.bytes()),
                f.sha256(),
                Long.toString(f.read()),
                Long.toString(f.accepted()),
                Long.toString(f.quarantined()),
                Long.toString(f.duplicates())),
            "end",
            ""));

    Path b = export("b.csv", "r9,Z,P2,2025-08-01,male,white_british\n");
    StoreException refused =
        assertThrows(
            StoreException.class, () -> IngestJob.run(config("old", b), spark, Progress.silent()));
    assertTrue(
        refused
            .getMessage()
            .contains(
                "in the format of an earlier version: convert it once"
                    + " with `whotakespart store upgrade --store "
                    + old
                    + "`"),
        refused.getMessage());

    LegacyStore.Upgrade u = LegacyStore.upgrade(spark, old.toString());
    assertEquals(3, u.rows());
    assertEquals(2, u.quarters());
    HistoryStore converted =
        HistoryStore.at(old.toString(), spark.sparkContext().hadoopConfiguration());
    assertEquals(expected, rows(converted.readAll(spark, converted.latest(spark))));
    assertEquals(List.of(f), converted.current(spark).files(), "the files' reconciliation kept");
    assertFalse(Files.exists(old.resolve("_manifests")));
    assertFalse(Files.exists(old.resolve("data")));
    StoreException again =
        assertThrows(StoreException.class, () -> LegacyStore.upgrade(spark, old.toString()));
    assertTrue(again.getMessage().contains("nothing to upgrade"), again.getMessage());

    // And it takes ingests as any store.
    IngestJob.run(config("old", b), spark, Progress.silent());
    assertEquals(4, converted.current(spark).rows());
  }

  /** record id to every stored value, indices included. */
  private static Map<String, String> rows(Dataset<Row> rows) {
    return rows.collectAsList().stream()
        .collect(
            Collectors.toMap(
                r -> r.getAs("record_id"),
                r -> {
                  StringBuilder b = new StringBuilder();
                  for (String c : HistoryStore.recordColumns()) {
                    b.append(c).append('=').append(String.valueOf(r.<Object>getAs(c))).append(' ');
                  }
                  return b.append(r.<String>getAs(HistoryStore.PERIOD)).toString();
                },
                (x, y) -> x,
                TreeMap::new));
  }
}
