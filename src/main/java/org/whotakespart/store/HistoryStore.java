package org.whotakespart.store;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.validate.ValidatedColumns;

/**
 * The history store: every accepted record ever ingested, once, in a Delta Lake table partitioned
 * by UK financial quarter, on a local disk or any Hadoop file system (path-based: no catalog).
 *
 * <pre>
 * store/
 *   records/_delta_log/            Delta's log: one commit per ingest, forget or upgrade
 *   records/quarter=2025-26-Q2/    the records' Parquet files
 *   people/_delta_log/             the people table's log: each commit names its records version
 *   people/quarter=2025-26-Q2/     one row per project, person, quarter and role
 *   _ingests/v00000003/            what each ingest read: quarantine.csv
 * </pre>
 *
 * <p>Records are kept as checked: codes, never the spellings sent, and no free text. Each commit
 * carries, as Delta's {@code userMetadata}, the files it read (name, bytes, SHA-256, rows) and the
 * reconciliation of every file whose records are in the table ({@link CommitNote}), so that any
 * version can be reported again as it was. A second table, {@code people/} ({@link PeopleTable}),
 * holds one row per project, person, quarter and role, and names the records version it was made
 * from.
 */
public final class HistoryStore {
  /** The financial quarter of the record, e.g. {@code 2025-26 Q2} (as read; not stored). */
  public static final String PERIOD = RecordColumns.PERIOD;

  /** The partition column: the quarter with a dash, e.g. {@code 2025-26-Q2}. */
  public static final String QUARTER = RecordColumns.QUARTER;

  /** The {@link Vocabulary#fingerprint() code lists} the row's {@code index_*} values follow. */
  public static final String VOCABULARY = "vocabulary";

  /** The records table's folder inside the store. */
  public static final String RECORDS = "records";

  /** The columns of the stored records, in order, the partition column last. */
  public static final StructType SCHEMA = RecordLayout.schema();

  /**
   * Files of at most a million records (about 14 MB) in row groups of 8 MB, so that reading even
   * one quarter of a million records is split between the cores.
   */
  public static final long RECORDS_PER_FILE = 1_000_000;

  public static final long ROW_GROUP_BYTES = 8L << 20;

  /**
   * {@code rows} laid out for writing a table partitioned by {@link #QUARTER}: spread over tasks by
   * quarter and project, as many as adaptive execution fits to their size (one for a small ingest),
   * each task's rows sorted by quarter then {@code order}. Spread by quarter alone, one quarter of
   * 2 M records was written by one task while the other core waited (17.5 s of an 82 s ingest).
   */
  static Dataset<Row> forWriting(Dataset<Row> rows, String... order) {
    Column[] sort = new Column[order.length + 1];
    sort[0] = col(QUARTER);
    for (int i = 0; i < order.length; i++) {
      sort[i + 1] = col(order[i]);
    }
    return rows.repartition(col(QUARTER), col(RecordColumns.PROJECT_ID)).sortWithinPartitions(sort);
  }

  /** How long an earlier version stays reproducible unless the job says otherwise: 10 years. */
  public static final int DEFAULT_RETENTION_DAYS = 3653;

  private final String root;
  private final Configuration conf;

  private HistoryStore(String root, Configuration conf) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.conf = conf;
  }

  public static HistoryStore at(String root, Configuration conf) {
    return new HistoryStore(root, conf);
  }

  public String root() {
    return root;
  }

  Configuration conf() {
    return conf;
  }

  /** The table in {@code folder} as SQL names it ({@link StoreCommits#sqlName}). */
  String sqlName(String folder) {
    return StoreCommits.sqlName(folder, conf, root);
  }

  /** The people table beside the records ({@link PeopleTable}). */
  public PeopleTable people() {
    return new PeopleTable(this);
  }

  /** Spark's prefix for the properties a new Delta table is given. */
  static final String DEFAULTS = "spark.databricks.delta.properties.defaults.";

  /** The records table's folder. */
  public String table() {
    return root + "/" + RECORDS;
  }

  /** The columns kept of each accepted record, in order. */
  public static List<String> recordColumns() {
    return RecordLayout.recordColumns();
  }

  private static StructType schema() {
    return RecordLayout.schema();
  }

  /** The UK financial quarter of {@code activity_day}, written as {@code 2025-26 Q2}. */
  public static Column financialQuarter() {
    return RecordLayout.financialQuarter();
  }

  /** The partition value of a quarter label: {@code 2025-26 Q2} is {@code 2025-26-Q2}. */
  public static String quarterValue(String period) {
    return RecordColumns.quarterValue(period);
  }

  // ------------------------------------------------------------------ the table and its versions

  /** True when the store holds a records table. */
  public boolean exists() {
    try {
      Path log = new Path(table(), "_delta_log");
      return log.getFileSystem(conf).exists(log);
    } catch (IOException e) {
      throw cannotRead(e);
    }
  }

  /** True when the store (or part of it) is in the format of an earlier version (manifests). */
  public boolean isLegacy() {
    try {
      Path r = new Path(root);
      return LegacyStore.isLegacy(r, r.getFileSystem(conf));
    } catch (IOException e) {
      throw cannotRead(e);
    }
  }

  /**
   * Refuses a folder that is not a store: one written by an earlier version of the tool (named with
   * the command that converts it), or one holding other files.
   */
  public void checkFormat() {
    try {
      Path r = new Path(root);
      FileSystem fs = r.getFileSystem(conf);
      if (!fs.exists(r)) {
        return;
      }
      boolean delta = exists();
      if (LegacyStore.isLegacy(r, fs)) {
        throw new StoreException(
            root
                + " is a history store in the format of an earlier version"
                + (delta ? " part-way through its upgrade" : "")
                + ": convert it once with"
                + " `whotakespart store upgrade --store "
                + root
                + "`",
            null);
      }
      if (!delta
          && Arrays.stream(fs.listStatus(r))
              .map(st -> st.getPath().getName())
              .anyMatch(n -> !Set.of(RECORDS, "_ingests").contains(n))) {
        throw new StoreException(
            root
                + " is not a history store (it has no "
                + RECORDS
                + "/_delta_log folder); give an empty or new folder for the store",
            null);
      }
    } catch (IOException e) {
      throw cannotRead(e);
    }
  }

  /** What the store held at one version. */
  public record Snapshot(
      long version,
      String committedAt,
      Map<String, Long> quarters,
      List<CommitNote.SourceFile> files) {
    public long rows() {
      return quarters.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The state of a store with no table yet. */
    public static Snapshot empty() {
      return new Snapshot(-1, "", Map.of(), List.of());
    }
  }

  /** One commit of the table, from Delta's log. */
  public record Commit(
      long version, String at, String operation, CommitNote note, Map<String, String> metrics) {}

  /** Every commit, oldest first. */
  public List<Commit> history(SparkSession spark) {
    checkFormat();
    return commits(spark);
  }

  List<Commit> commits(SparkSession spark) {
    return new StoreVersions(this).commits(spark);
  }

  /** The current state; {@link Snapshot#empty()} before the first ingest. */
  public Snapshot current(SparkSession spark) {
    checkFormat();
    if (!exists()) {
      return Snapshot.empty();
    }
    return snapshot(spark, latest(spark));
  }

  /** The latest version, from the log. */
  public long latest(SparkSession spark) {
    return DeltaCommits.latest(table(), conf);
  }

  /** The state at {@code version}: its quarters' rows and the files whose records it holds. */
  public Snapshot snapshot(SparkSession spark, long version) {
    return new StoreVersions(this).snapshot(spark, version);
  }

  /** The table as it was at {@code version}, exactly as stored. */
  public Dataset<Row> versionAt(SparkSession spark, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(table());
  }

  /**
   * The version a report {@code asOf} means: a version number, or a date (the state at the end of
   * that day, UTC) or an instant ({@code 2025-10-01T09:00:00Z}): the last commit made by then.
   */
  public long resolve(SparkSession spark, String asOf) {
    return new StoreVersions(this).resolve(spark, asOf);
  }

  /**
   * The stored records of {@code quarters} at {@code version} (all when null), as accepted checked
   * rows ({@link ValidatedColumns#ROW_STATUS} = accepted) with {@link #PERIOD}. Rows whose indices
   * follow other code lists than this version's (written by another version of the tool) have them
   * worked out again from their codes.
   */
  public Dataset<Row> read(SparkSession spark, long version, List<String> quarters) {
    return read(versionAt(spark, version), quarters);
  }

  /** As {@link #read(SparkSession, long, List)}, from a version already opened. */
  public static Dataset<Row> read(Dataset<Row> version, List<String> quarters) {
    return RecordLayout.read(version, quarters);
  }

  /** Every stored record at {@code version}. */
  public Dataset<Row> readAll(SparkSession spark, long version) {
    return read(spark, version, null);
  }

  // ------------------------------------------------------------------ writing

  /**
   * Adds {@code incoming} (rows in {@link #SCHEMA}) in one commit carrying {@code note}: a record
   * (project and record id) already stored is replaced wherever it was; a stored record of one of
   * {@code sources} that is not in {@code incoming} is deleted. The first ingest creates the table
   * with {@code retentionDays} of history kept. Returns the version committed.
   */
  public long ingest(
      SparkSession spark,
      Dataset<Row> incoming,
      Set<String> sources,
      CommitNote note,
      int retentionDays) {
    checkFormat();
    return new StoreIngest(this).write(spark, incoming, sources, note, retentionDays);
  }

  /** Table properties keeping {@code days} of history: removed files and log entries alike. */
  static Map<String, String> retention(int days) {
    return StoreRetention.retention(days);
  }

  /** Sets how many days earlier versions stay reproducible, in one commit. */
  public void setRetention(SparkSession spark, int days) {
    new StoreRetention(this).setRetention(spark, days);
  }

  /** The days of history kept, from the table's properties. */
  public int retentionDays(SparkSession spark) {
    return new StoreRetention(this).retentionDays(spark);
  }

  /** The metadata of the latest of our commits, carried into the next one. */
  CommitNote lastNote(SparkSession spark) {
    CommitNote last = null;
    for (Commit c : history(spark)) {
      if (c.note() != null) {
        last = c.note();
      }
    }
    return last;
  }

  /**
   * Deletes every record of a participant (in one project, or all when {@code project} is null), in
   * every quarter, in one commit; with {@code now}, also deletes the files of earlier versions that
   * hold them, so that no version can show them again. Returns the records deleted.
   */
  public Erasure forget(SparkSession spark, String participant, String project, boolean now) {
    return new StoreErasure(this).forget(spark, participant, project, now);
  }

  /** What {@link #forget} did: records deleted, old files removed, the version now. */
  public record Erasure(long records, long filesPurged, long version) {}

  /** Removes the files no version within the retention period needs. Returns how many. */
  public long vacuum(SparkSession spark) {
    return new StoreRetention(this).vacuum(spark);
  }

  void requireTable() {
    checkFormat();
    if (!exists()) {
      throw holdsNoRecords(root, "run `whotakespart ingest` first");
    }
  }

  /** The refusal to read a store with no records yet, named as {@code where}, with its fix. */
  public static StoreException holdsNoRecords(String where, String fix) {
    return new StoreException(
        "the history store at " + where + " holds no records yet: " + fix, null);
  }

  /**
   * Runs {@code write} as one Delta commit carrying {@code note}; another writer's commit in the
   * meantime (Delta's conflict check) becomes a clear refusal. Returns the version committed.
   */
  long committing(SparkSession spark, CommitNote note, Supplier<Void> write) {
    return new StoreCommits(this).committing(spark, note, write);
  }

  /**
   * Runs {@code write} as one Delta commit (of any of the store's tables) carrying {@code json} as
   * its metadata; another writer's commit in the meantime becomes a clear refusal.
   */
  void commit(SparkSession spark, String json, Runnable write) {
    new StoreCommits(this).commit(spark, json, write);
  }

  /**
   * The quarters (partition values, as {@code 2025-26-Q2}) in which commit {@code version} added or
   * removed files: those whose records it changed. Read from the commit's own log entry.
   */
  public Set<String> quartersChangedBy(SparkSession spark, long version) {
    return new StoreIngest(this).quartersChangedBy(spark, version);
  }

  StoreException cannotRead(IOException e) {
    return new StoreException(
        "cannot read the history store at "
            + root
            + ": "
            + e.getMessage()
            + " (check the path and that you may read it)",
        e);
  }

  /** Where the ingest that will commit {@code version} keeps what it read (the quarantine). */
  public String ingestLog(long version) {
    return root + "/_ingests/" + String.format(Locale.ROOT, "v%08d", version);
  }
}
