package org.whotakespart.store;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.stats.CountColumns;

/**
 * The store's second Delta table, {@code people/}: one row per project, person, quarter and role,
 * made from the records (the rows themselves are worked out by the caller; this class keeps them).
 * Delta commits one table at a time, so every commit of this table names, in its {@code
 * userMetadata}, the records version its rows were made from and the code lists their indices
 * follow; a reader uses a version of this table only for the records version it names ({@link
 * #versionFor}), and anything else (no table yet, an ingest stopped between its two commits, other
 * code lists) shows as a table out of step, which the next ingest or report rebuilds.
 *
 * <p>Like the records table it keeps no identifier in Delta's log: file statistics for the record
 * count alone, deletion vectors off (an erased person's rows are rewritten out).
 */
public final class PeopleTable {
  /** The people table's folder inside the store. */
  public static final String FOLDER = "people";

  private static final String TOOL = "whotakespart";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HistoryStore store;

  PeopleTable(HistoryStore store) {
    this.store = store;
  }

  /** The table's folder. */
  public String table() {
    return store.root() + "/" + FOLDER;
  }

  /** True when the store holds a people table. */
  public boolean exists() {
    try {
      Path log = new Path(table(), "_delta_log");
      return log.getFileSystem(store.conf()).exists(log);
    } catch (IOException e) {
      throw new StoreException(
          "cannot read the people table at " + table() + ": " + e.getMessage(), e);
    }
  }

  /**
   * One commit of the people table: the records version its rows were made from, and the code lists
   * (fingerprint) their indices follow.
   */
  public record Built(long version, long recordsVersion, String vocabulary) {
    /** True when the rows follow this version of the tool's code lists. */
    public boolean currentCodes() {
      return Vocabulary.fingerprint().equals(vocabulary);
    }
  }

  /** Every commit of the table that says what it was made from, oldest first. */
  public List<Built> versions(SparkSession spark) {
    if (!exists()) {
      return List.of();
    }
    List<Built> out = new ArrayList<>();
    for (DeltaCommits.Entry e : DeltaCommits.read(table(), store.conf())) {
      Built b = parse(e.version(), e.userMetadata());
      if (b != null) {
        out.add(b);
      }
    }
    return out;
  }

  /** The latest commit, or null when there is no table (or its last commit is not ours). */
  public Built latest(SparkSession spark) {
    DeltaCommits.Entry newest = exists() ? DeltaCommits.newest(table(), store.conf()) : null;
    return newest == null ? null : parse(newest.version(), newest.userMetadata());
  }

  /**
   * True when the table's latest commit was made from records {@code recordsVersion} under today's
   * code lists (false when there is no table).
   */
  public boolean inStepWith(SparkSession spark, long recordsVersion) {
    if (!exists()) {
      return false;
    }
    Built last = latest(spark);
    return last != null && last.recordsVersion() == recordsVersion && last.currentCodes();
  }

  /**
   * The latest version of this table made from {@code recordsVersion} under today's code lists, or
   * -1 when none was.
   */
  public long versionFor(SparkSession spark, long recordsVersion) {
    long found = -1;
    for (Built b : versions(spark)) {
      if (b.recordsVersion() == recordsVersion && b.currentCodes()) {
        found = b.version();
      }
    }
    return found;
  }

  /** The rows of {@code quarters} (partition values, {@code 2025-26-Q2}) at {@code version}. */
  public Dataset<Row> read(SparkSession spark, long version, List<String> quarters) {
    Dataset<Row> rows = spark.read().format("delta").option("versionAsOf", version).load(table());
    return quarters == null
        ? rows
        : rows.filter(col(HistoryStore.QUARTER).isin(quarters.toArray()));
  }

  /** The rows at {@code version}, as Delta opens them (to check their files are still there). */
  public Dataset<Row> versionAt(SparkSession spark, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(table());
  }

  /**
   * The rows of {@code atVersion} (from {@link #versionAt}), read from the version's {@code files}
   * with Spark's own Parquet source where that gives exactly Delta's rows: the version needs no
   * Delta reader feature (reader version 1: no deletion vectors, no column mapping) and has files.
   * A native engine under Spark (Comet) scans Spark's Parquet source, not Delta's. Otherwise the
   * rows as Delta reads them.
   */
  public Dataset<Row> readFiles(
      SparkSession spark, long version, Dataset<Row> atVersion, String[] files) {
    if (files.length == 0 || readerVersion(spark, version) != 1) {
      return atVersion;
    }
    // The table's own schema, so that the quarter comes from the folder names as a string; then
    // the columns in Delta's order.
    return spark
        .read()
        .schema(atVersion.schema())
        .option("basePath", table())
        .parquet(files)
        .select(Stream.of(atVersion.columns()).map(c -> col(c)).toArray(Column[]::new));
  }

  /** The Delta reader version {@code version} of this table needs. */
  int readerVersion(SparkSession spark, long version) {
    DeltaLog log = DeltaLog.forTable(spark, table());
    return log.getSnapshotAt(
            version,
            log.getSnapshotAt$default$2(),
            log.getSnapshotAt$default$3(),
            log.getSnapshotAt$default$4())
        .protocol()
        .minReaderVersion();
  }

  /**
   * Replaces the whole table with {@code rows} (partitioned by {@link HistoryStore#QUARTER}), made
   * from {@code recordsVersion}, in one commit; creates the table if there is none, with the
   * records table's retention.
   */
  public void rebuild(SparkSession spark, Dataset<Row> rows, long recordsVersion) {
    Map<String, String> props = HistoryStore.retention(store.retentionDays(spark));
    props.put("delta.dataSkippingStatsColumns", CountColumns.RECORDS);
    boolean create = !exists();
    store.commit(
        spark,
        note(recordsVersion),
        () -> {
          if (create) {
            props.forEach((k, v) -> spark.conf().set(HistoryStore.DEFAULTS + k.substring(6), v));
          }
          try {
            HistoryStore.forWriting(rows, RecordColumns.PROJECT_ID, RecordColumns.PARTICIPANT_ID)
                .write()
                .format("delta")
                .mode("overwrite")
                .partitionBy(HistoryStore.QUARTER)
                .option("maxRecordsPerFile", HistoryStore.RECORDS_PER_FILE)
                .save(table());
          } finally {
            if (create) {
              props
                  .keySet()
                  .forEach(k -> spark.conf().unset(HistoryStore.DEFAULTS + k.substring(6)));
            }
          }
        });
  }

  /**
   * Replaces the rows of {@code quarters} (partition values) with {@code rows}, made from {@code
   * recordsVersion}, in one commit; other quarters are untouched. With no quarters, the commit
   * changes no row and only says which records version the table now matches.
   */
  public void update(
      SparkSession spark, Dataset<Row> rows, Set<String> quarters, long recordsVersion) {
    store.commit(
        spark,
        note(recordsVersion),
        () -> {
          if (quarters.isEmpty()) {
            spark.sql(
                "ALTER TABLE "
                    + store.sqlName(table())
                    + " SET TBLPROPERTIES ('whotakespart.records_version' = '"
                    + recordsVersion
                    + "')");
            return;
          }
          String where =
              HistoryStore.QUARTER
                  + " IN ("
                  + quarters.stream()
                      .sorted()
                      .map(q -> "'" + q.replace("'", "''") + "'")
                      .collect(Collectors.joining(", "))
                  + ")";
          HistoryStore.forWriting(
                  rows.filter(col(HistoryStore.QUARTER).isin(quarters.toArray())),
                  RecordColumns.PROJECT_ID,
                  RecordColumns.PARTICIPANT_ID)
              .write()
              .format("delta")
              .mode("overwrite")
              .option("replaceWhere", where)
              .option("maxRecordsPerFile", HistoryStore.RECORDS_PER_FILE)
              .save(table());
        });
  }

  /**
   * Deletes a person's rows (in one project, or all when {@code project} is null) by a MERGE with
   * the person in its source (a DELETE would keep the id in the log), naming {@code
   * recordsVersion}.
   */
  void forget(SparkSession spark, Dataset<Row> whom, Column match, long v) {
    store.commit(
        spark,
        note(v),
        () ->
            DeltaTable.forPath(spark, table())
                .as("t")
                .merge(whom.as("s"), match)
                .whenMatched()
                .delete()
                .execute());
  }

  static String note(long recordsVersion) {
    return "{\"tool\":\""
        + TOOL
        + "\",\"operation\":\"people\",\"records_version\":"
        + recordsVersion
        + ",\"vocabulary\":\""
        + Vocabulary.fingerprint()
        + "\"}";
  }

  static Built parse(long version, String userMetadata) {
    if (userMetadata == null || !userMetadata.contains("\"records_version\"")) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(userMetadata);
      if (!TOOL.equals(n.path("tool").asText()) || !n.has("records_version")) {
        return null;
      }
      return new Built(version, n.get("records_version").asLong(), n.path("vocabulary").asText(""));
    } catch (IOException e) {
      return null;
    }
  }
}
