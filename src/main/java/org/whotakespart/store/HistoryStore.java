package org.whotakespart.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.config.SettingsException;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.stats.CountColumns;
import org.whotakespart.validate.RowChecker;
import org.whotakespart.validate.ValidatedColumns;
import scala.jdk.javaapi.CollectionConverters;

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
  public static final String PERIOD = "period";

  /** The partition column: the quarter with a dash, e.g. {@code 2025-26-Q2}. */
  public static final String QUARTER = "quarter";

  /** The {@link Vocabulary#fingerprint() code lists} the row's {@code index_*} values follow. */
  public static final String VOCABULARY = "vocabulary";

  /** The records table's folder inside the store. */
  public static final String RECORDS = "records";

  /** The columns of the stored records, in order, the partition column last. */
  public static final StructType SCHEMA = schema();

  /**
   * Files of at most a million records (about 14 MB) in row groups of 8 MB, so that reading even
   * one quarter of a million records is split between the cores.
   */
  public static final long RECORDS_PER_FILE = 1_000_000;

  public static final long ROW_GROUP_BYTES = 8L << 20;

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
    List<String> c =
        new ArrayList<>(
            List.of(
                RecordColumns.RECORD_ID,
                RecordColumns.PARTICIPANT_ID,
                RecordColumns.PROJECT_ID,
                ValidatedColumns.ACTIVITY_DAY));
    for (String coded : RowChecker.CODED) {
      c.add(ValidatedColumns.code(coded));
    }
    for (String coded : RowChecker.CODED) {
      c.add(ValidatedColumns.index(coded));
    }
    c.add(RecordColumns.SOURCE_FILE);
    return c;
  }

  private static StructType schema() {
    var s = new StructType();
    for (String c : recordColumns()) {
      s =
          s.add(
              c,
              c.equals(ValidatedColumns.ACTIVITY_DAY)
                  ? "date"
                  : ValidatedColumns.isIndex(c) ? "byte" : "string");
    }
    return s.add(VOCABULARY, "string").add(QUARTER, "string");
  }

  /** The UK financial quarter of {@code activity_day}, written as {@code 2025-26 Q2}. */
  public static Column financialQuarter() {
    String day = ValidatedColumns.ACTIVITY_DAY;
    String fy = "(year(" + day + ") - case when month(" + day + ") < 4 then 1 else 0 end)";
    return expr(
        "concat("
            + fy
            + ", '-', lpad(cast(("
            + fy
            + " + 1) % 100 as string), 2, '0'),"
            + " ' Q', cast(floor(((month("
            + day
            + ") + 8) % 12) / 3) + 1 as string))");
  }

  /** The partition value of a quarter label: {@code 2025-26 Q2} is {@code 2025-26-Q2}. */
  public static String quarterValue(String period) {
    return period.replace(' ', '-');
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
    if (!exists()) {
      return List.of();
    }
    List<Commit> commits = new ArrayList<>();
    for (Row r :
        DeltaTable.forPath(spark, table())
            .history()
            .select("version", "timestamp", "operation", "userMetadata", "operationMetrics")
            .orderBy("version")
            .collectAsList()) {
      Map<String, String> metrics =
          r.isNullAt(4)
              ? Map.of()
              : new TreeMap<>(
                  CollectionConverters.asJava(r.<scala.collection.Map<String, String>>getAs(4)));
      commits.add(
          new Commit(
              r.getLong(0),
              instant(r.getTimestamp(1)),
              r.getString(2),
              CommitNote.parse(r.getString(3)),
              metrics));
    }
    return commits;
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
    return DeltaTable.forPath(spark, table()).history(1).select("version").first().getLong(0);
  }

  /** The state at {@code version}: its quarters' rows and the files whose records it holds. */
  public Snapshot snapshot(SparkSession spark, long version) {
    List<Commit> commits = commits(spark);
    Commit at =
        commits.stream()
            .filter(c -> c.version() == version)
            .findFirst()
            .orElseThrow(
                () ->
                    new StoreException(
                        "the history store at "
                            + root
                            + " has no version "
                            + version
                            + " (see `whotakespart store history`)",
                        null));
    CommitNote note = null;
    for (Commit c : commits) {
      if (c.version() <= version && c.note() != null) {
        note = c.note();
      }
    }
    Map<String, Long> quarters = new TreeMap<>();
    for (Row r : versionAt(spark, version).groupBy(QUARTER).count().collectAsList()) {
      quarters.put(r.getString(0).replace("-Q", " Q"), r.getLong(1));
    }
    return new Snapshot(version, at.at(), quarters, note == null ? List.of() : note.sources());
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
    List<Commit> commits = history(spark);
    if (commits.isEmpty()) {
      throw new StoreException(
          "the history store at "
              + root
              + " holds no records yet: run"
              + " `whotakespart ingest` first",
          null);
    }
    String a = asOf.trim();
    if (a.matches("\\d+")) {
      long v = Long.parseLong(a);
      if (commits.stream().noneMatch(c -> c.version() == v)) {
        throw new StoreException(
            "the history store at "
                + root
                + " has no version "
                + v
                + "; its versions run from "
                + commits.get(0).version()
                + " to "
                + commits.get(commits.size() - 1).version()
                + " (see `whotakespart store history`)",
            null);
      }
      return v;
    }
    Instant by;
    try {
      by =
          a.length() == 10
              ? LocalDate.parse(a)
                  .plusDays(1)
                  .atStartOfDay(ZoneOffset.UTC)
                  .toInstant()
                  .minusMillis(1)
              : Instant.parse(a);
    } catch (DateTimeParseException e) {
      throw new SettingsException(
          "--as-of: '"
              + a
              + "' is neither a version number, a date"
              + " (2025-10-01) nor an instant (2025-10-01T09:00:00Z)");
    }
    long found = -1;
    for (Commit c : commits) {
      if (!Instant.parse(c.at()).isAfter(by)) {
        found = c.version();
      }
    }
    if (found < 0) {
      throw new StoreException(
          "the history store at "
              + root
              + " did not exist yet at "
              + a
              + "; its first version was made at "
              + commits.get(0).at(),
          null);
    }
    return found;
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
    Dataset<Row> rows = version;
    if (quarters != null) {
      rows =
          rows.filter(
              col(QUARTER).isin(quarters.stream().map(HistoryStore::quarterValue).toArray()));
    }
    Map<String, Column> stored = new LinkedHashMap<>();
    for (String c : RowChecker.CODED) {
      stored.put("stored_" + ValidatedColumns.index(c), col(ValidatedColumns.index(c)));
    }
    rows = rows.withColumns(stored).transform(ValidatedColumns.indicesFromCodes());
    Column current = col(VOCABULARY).equalTo(lit(Vocabulary.fingerprint()));
    Map<String, Column> chosen = new LinkedHashMap<>();
    for (String c : RowChecker.CODED) {
      String index = ValidatedColumns.index(c);
      chosen.put(index, when(current, col("stored_" + index)).otherwise(col(index)));
    }
    List<Column> out = new ArrayList<>();
    for (String c : recordColumns()) {
      out.add(col(c));
    }
    out.add(expr("replace(" + QUARTER + ", '-Q', ' Q')").as(PERIOD));
    out.add(lit(ValidatedColumns.ACCEPTED).as(ValidatedColumns.ROW_STATUS));
    out.add(lit(null).cast("string").as(ValidatedColumns.REJECT_REASON));
    return rows.withColumns(chosen).select(out.toArray(new Column[0]));
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
    return write(spark, incoming, sources, note, retentionDays);
  }

  long write(
      SparkSession spark,
      Dataset<Row> incoming,
      Set<String> sources,
      CommitNote note,
      int retentionDays) {
    return committing(
        spark,
        note,
        () -> {
          if (!exists()) {
            Map<String, String> props = retention(retentionDays);
            props.forEach(
                (k, v) ->
                    spark
                        .conf()
                        .set(
                            "spark.databricks.delta.properties.defaults."
                                + k.substring("delta.".length()),
                            v));
            try {
              incoming
                  .repartition(col(QUARTER))
                  .sortWithinPartitions(
                      RecordColumns.PROJECT_ID,
                      RecordColumns.PARTICIPANT_ID,
                      ValidatedColumns.ACTIVITY_DAY)
                  .write()
                  .format("delta")
                  .mode("errorifexists")
                  .partitionBy(QUARTER)
                  .option("maxRecordsPerFile", RECORDS_PER_FILE)
                  .option("parquet.block.size", ROW_GROUP_BYTES)
                  .save(table());
            } finally {
              props
                  .keySet()
                  .forEach(
                      k ->
                          spark
                              .conf()
                              .unset(
                                  "spark.databricks.delta.properties.defaults."
                                      + k.substring("delta.".length())));
            }
          } else {
            DeltaTable.forPath(spark, table())
                .as("t")
                .merge(
                    incoming.as("s"),
                    col("t." + RecordColumns.PROJECT_ID)
                        .equalTo(col("s." + RecordColumns.PROJECT_ID))
                        .and(
                            col("t." + RecordColumns.RECORD_ID)
                                .equalTo(col("s." + RecordColumns.RECORD_ID))))
                .whenMatched()
                .updateAll()
                .whenNotMatched()
                .insertAll()
                .whenNotMatchedBySource(
                    col("t." + RecordColumns.SOURCE_FILE).isin(sources.toArray()))
                .delete()
                .execute();
          }
          return null;
        });
  }

  /** Table properties keeping {@code days} of history: removed files and log entries alike. */
  static Map<String, String> retention(int days) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("delta.deletedFileRetentionDuration", "interval " + days + " days");
    p.put("delta.logRetentionDuration", "interval " + days + " days");
    // Deletes rewrite files: an erased person must not live on, merely marked, in current files.
    p.put("delta.enableDeletionVectors", "false");
    // File statistics (kept in the log) for the day alone: never identifiers, which would
    // otherwise stay in the log as a file's lowest and highest values after an erasure.
    p.put("delta.dataSkippingStatsColumns", ValidatedColumns.ACTIVITY_DAY);
    return p;
  }

  /** Sets how many days earlier versions stay reproducible, in one commit. */
  public void setRetention(SparkSession spark, int days) {
    requireTable();
    StringBuilder b =
        new StringBuilder(
            "ALTER TABLE delta.`" + table().replace("`", "``") + "` SET TBLPROPERTIES (");
    String sep = "";
    for (var e : retention(days).entrySet()) {
      b.append(sep)
          .append('\'')
          .append(e.getKey())
          .append("' = '")
          .append(e.getValue())
          .append('\'');
      sep = ", ";
    }
    String alter = b.append(')').toString();
    long before = latest(spark);
    long after =
        committing(
            spark,
            CommitNote.carry(lastNote(spark), "retention", 0, false),
            () -> {
              spark.sql(alter);
              return null;
            });
    if (people().exists()) {
      String t = people().table().replace("`", "``");
      commit(
          spark,
          PeopleTable.note(people().inStepWith(spark, before) ? after : -1),
          () ->
              spark.sql(
                  alter
                      .replace(table().replace("`", "``"), t)
                      .replace(ValidatedColumns.ACTIVITY_DAY, CountColumns.RECORDS)));
    }
  }

  /** The days of history kept, from the table's properties. */
  public int retentionDays(SparkSession spark) {
    requireTable();
    Row r = DeltaTable.forPath(spark, table()).detail().select("properties").first();
    Map<String, String> p =
        CollectionConverters.asJava(r.<scala.collection.Map<String, String>>getAs(0));
    String v = p.getOrDefault("delta.deletedFileRetentionDuration", "interval 7 days");
    return Integer.parseInt(v.replaceAll("\\D+", " ").trim().split(" ")[0]);
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
    requireTable();
    Column who = col(RecordColumns.PARTICIPANT_ID).equalTo(lit(participant));
    if (project != null) {
      who = who.and(col(RecordColumns.PROJECT_ID).equalTo(lit(project)));
    }
    Column condition = who;
    long before = latest(spark);
    long found = versionAt(spark, before).filter(condition).count();
    CommitNote previous = lastNote(spark);
    if (found > 0) {
      // A MERGE with the person in its source, not a DELETE, whose predicate (with the id in it)
      // Delta would keep in the log's operation parameters.
      Dataset<Row> whom =
          spark.createDataFrame(
              List.of(RowFactory.create(participant, project)),
              new StructType().add("erase_participant", "string").add("erase_project", "string"));
      Column match =
          col("t." + RecordColumns.PARTICIPANT_ID)
              .equalTo(col("s.erase_participant"))
              .and(
                  col("s.erase_project")
                      .isNull()
                      .or(col("t." + RecordColumns.PROJECT_ID).equalTo(col("s.erase_project"))));
      PeopleTable people = people();
      boolean inStep = people.inStepWith(spark, before);
      long after =
          committing(
              spark,
              CommitNote.carry(previous, "forget", found, now),
              () -> {
                DeltaTable.forPath(spark, table())
                    .as("t")
                    .merge(whom.as("s"), match)
                    .whenMatched()
                    .delete()
                    .execute();
                return null;
              });
      if (people.exists()) {
        // Out of step before (an ingest stopped between its commits), it stays so: -1 matches no
        // records version, and the next ingest or report rebuilds it.
        people.forget(spark, whom, match, inStep ? after : -1);
      }
    }
    List<String> purged = new ArrayList<>();
    if (now) {
      purged.addAll(purge(spark, table(), condition));
      if (people().exists()) {
        purged.addAll(purge(spark, people().table(), condition));
      }
    }
    if (now && found == 0 && !purged.isEmpty()) {
      // Only earlier versions held them: say so in the log all the same.
      boolean inStep = people().inStepWith(spark, before);
      long after =
          committing(
              spark,
              CommitNote.carry(previous, "forget", 0, true),
              () -> {
                spark.sql(
                    "ALTER TABLE delta.`"
                        + table().replace("`", "``")
                        + "` SET TBLPROPERTIES ('whotakespart.erased' = '"
                        + Instant.now()
                        + "')");
                return null;
              });
      if (inStep) {
        people().update(spark, null, Set.of(), after);
      }
    }
    return new Erasure(found, purged.size(), latest(spark));
  }

  /** What {@link #forget} did: records deleted, old files removed, the version now. */
  public record Erasure(long records, long filesPurged, long version) {}

  /**
   * Removes the data files no longer in the current version that hold rows matching {@code who}.
   */
  private List<String> purge(SparkSession spark, String table, Column who) {
    Set<String> live =
        new HashSet<>(List.of(spark.read().format("delta").load(table).inputFiles()));
    List<String> old = new ArrayList<>();
    try {
      Path t = new Path(table);
      FileSystem fs = t.getFileSystem(conf);
      var it = fs.listFiles(t, true);
      while (it.hasNext()) {
        Path p = it.next().getPath();
        String rel = p.toString().substring(fs.makeQualified(t).toString().length());
        if (p.getName().endsWith(".parquet")
            && !rel.contains("/_")
            && !live.contains(p.toString())) {
          old.add(p.toString());
        }
      }
      if (old.isEmpty()) {
        return List.of();
      }
      List<String> holding = new ArrayList<>();
      for (Row r :
          spark
              .read()
              .parquet(old.toArray(new String[0]))
              .filter(who)
              .select(input_file_name())
              .distinct()
              .collectAsList()) {
        holding.add(r.getString(0));
      }
      for (String f : holding) {
        fs.delete(new Path(URI.create(f)), false);
      }
      return holding;
    } catch (IOException e) {
      throw new StoreException(
          "the records were deleted from the current version, but the old"
              + " files of "
              + table
              + " could not all be removed: "
              + e.getMessage()
              + "; run the same forget --now again",
          e);
    }
  }

  /** Removes the files no version within the retention period needs. Returns how many. */
  public long vacuum(SparkSession spark) {
    requireTable();
    long removed = 0;
    for (String t : people().exists() ? List.of(table(), people().table()) : List.of(table())) {
      Set<String> before = allDataFiles(t);
      DeltaTable.forPath(spark, t).vacuum();
      before.removeAll(allDataFiles(t));
      removed += before.size();
    }
    return removed;
  }

  private Set<String> allDataFiles(String table) {
    Set<String> files = new TreeSet<>();
    try {
      Path t = new Path(table);
      FileSystem fs = t.getFileSystem(conf);
      var it = fs.listFiles(t, true);
      while (it.hasNext()) {
        Path p = it.next().getPath();
        if (p.getName().endsWith(".parquet") && !p.toString().contains("/_delta_log/")) {
          files.add(p.toString());
        }
      }
    } catch (IOException e) {
      throw cannotRead(e);
    }
    return files;
  }

  private void requireTable() {
    checkFormat();
    if (!exists()) {
      throw new StoreException(
          "the history store at "
              + root
              + " holds no records yet: run"
              + " `whotakespart ingest` first",
          null);
    }
  }

  /**
   * Runs {@code write} as one Delta commit carrying {@code note}; another writer's commit in the
   * meantime (Delta's conflict check) becomes a clear refusal. Returns the version committed.
   */
  long committing(SparkSession spark, CommitNote note, Supplier<Void> write) {
    commit(spark, note.json(), write::get);
    return latest(spark);
  }

  /**
   * Runs {@code write} as one Delta commit (of any of the store's tables) carrying {@code json} as
   * its metadata; another writer's commit in the meantime becomes a clear refusal.
   */
  void commit(SparkSession spark, String json, Runnable write) {
    String key = "spark.databricks.delta.commitInfo.userMetadata";
    spark.conf().set(key, json);
    try {
      write.run();
    } catch (ConcurrentModificationException e) {
      throw concurrent(e);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ConcurrentModificationException c) {
          throw concurrent(c);
        }
        if (t instanceof FileAlreadyExistsException
            || t instanceof java.nio.file.FileAlreadyExistsException
            || String.valueOf(t.getMessage()).contains("[DELTA_PATH_EXISTS]")) {
          throw concurrent(t);
        }
      }
      throw e;
    } finally {
      spark.conf().unset(key);
    }
  }

  /**
   * The quarters (partition values) whose records an ingest of {@code incoming} (rows in {@link
   * #SCHEMA}) from {@code sources} on top of version {@code before} changes: the quarters it sends
   * records in, and those where the table at {@code before} held a record it sends again or a
   * record of a file it sends again (replaced, moved or no longer sent). Delta's own log is no
   * guide: a MERGE that deletes rows no longer sent rewrites files of every quarter.
   */
  public Set<String> quartersTouched(
      SparkSession spark, long before, Dataset<Row> incoming, Set<String> sources) {
    Dataset<Row> quarters = incoming.select(QUARTER);
    if (before >= 0) {
      Dataset<Row> old =
          versionAt(spark, before)
              .select(
                  RecordColumns.PROJECT_ID,
                  RecordColumns.RECORD_ID,
                  RecordColumns.SOURCE_FILE,
                  QUARTER);
      quarters =
          quarters
              .union(
                  old.filter(col(RecordColumns.SOURCE_FILE).isin(sources.toArray()))
                      .select(QUARTER))
              .union(
                  old.join(
                          incoming.select(RecordColumns.PROJECT_ID, RecordColumns.RECORD_ID),
                          CollectionConverters.asScala(
                                  List.of(RecordColumns.PROJECT_ID, RecordColumns.RECORD_ID))
                              .toSeq(),
                          "left_semi")
                      .select(QUARTER));
    }
    Set<String> out = new TreeSet<>();
    for (Row r : quarters.distinct().collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  private StoreException concurrent(Throwable e) {
    return new StoreException(
        "another ingest or change committed to the history store at "
            + root
            + " while this one ran ("
            + e.getClass().getSimpleName()
            + "); nothing of this one was kept:"
            + " run it again",
        e);
  }

  private StoreException cannotRead(IOException e) {
    return new StoreException(
        "cannot read the history store at "
            + root
            + ": "
            + e.getMessage()
            + " (check the path and that you may read it)",
        e);
  }

  static String instant(Timestamp t) {
    return t.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Where the ingest that will commit {@code version} keeps what it read (the quarantine). */
  public String ingestLog(long version) {
    return root + "/_ingests/" + String.format(Locale.ROOT, "v%08d", version);
  }
}
