package org.whotakespart.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.validate.RowChecker;
import org.whotakespart.validate.ValidatedColumns;

/**
 * The history store: every accepted record ever ingested, once, as Parquet partitioned by UK
 * financial quarter, on a local disk or any Hadoop file system.
 *
 * <pre>
 * store/
 *   _manifests/00000003.tsv        the current state: the highest number wins
 *   _ingests/00000003/             what each ingest read: quarantine.csv
 *   data/00000003/quarter=2025-26-Q2/part-*.parquet
 * </pre>
 *
 * <p>Records are kept as checked: codes, never the spellings sent, and no free text. An ingest
 * writes the quarters it changes into a new folder, then commits by writing the next manifest
 * (aside, then renamed into place). Until that rename nothing a reader sees has changed; a failed
 * ingest leaves only an unreferenced folder, removed by the next successful one.
 */
public final class HistoryStore {
  /** The financial quarter of the record, e.g. {@code 2025-26 Q2}. */
  public static final String PERIOD = "period";
  /** The ingest that wrote the record. */
  public static final String INGEST = "ingest_id";
  /** The partition folder name: the quarter with a dash, e.g. {@code 2025-26-Q2}. */
  public static final String QUARTER = "quarter";

  /** The Parquet schema of the stored records. */
  public static final org.apache.spark.sql.types.StructType SCHEMA = schema();
  /**
   * Files of at most a million records (about 14 MB) in row groups of 8 MB, so that reading even
   * one quarter of a million records is split between the cores (one 128 MB row group, Parquet's
   * default, was read by a single task).
   */
  public static final long RECORDS_PER_FILE = 1_000_000;
  public static final long ROW_GROUP_BYTES = 8L << 20;

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

  /** The columns kept of each accepted record, in order. */
  public static List<String> recordColumns() {
    List<String> c = new ArrayList<>(List.of(RecordColumns.RECORD_ID, RecordColumns.PARTICIPANT_ID,
        RecordColumns.PROJECT_ID, ValidatedColumns.ACTIVITY_DAY));
    for (String coded : RowChecker.CODED) {
      c.add(ValidatedColumns.code(coded));
    }
    for (String coded : RowChecker.CODED) {
      c.add(ValidatedColumns.index(coded));
    }
    c.add(RecordColumns.SOURCE_FILE);
    return c;
  }

  private static org.apache.spark.sql.types.StructType schema() {
    var s = new org.apache.spark.sql.types.StructType();
    for (String c : recordColumns()) {
      s = s.add(c, c.equals(ValidatedColumns.ACTIVITY_DAY) ? "date"
          : ValidatedColumns.isIndex(c) ? "byte" : "string");
    }
    return s.add(PERIOD, "string").add(INGEST, "long");
  }

  /** The UK financial quarter of {@code activity_day}, written as {@code 2025-26 Q2}. */
  public static Column financialQuarter() {
    String day = ValidatedColumns.ACTIVITY_DAY;
    String fy = "(year(" + day + ") - case when month(" + day + ") < 4 then 1 else 0 end)";
    return expr("concat(" + fy + ", '-', lpad(cast((" + fy + " + 1) % 100 as string), 2, '0'),"
        + " ' Q', cast(floor(((month(" + day + ") + 8) % 12) / 3) + 1 as string))");
  }

  /** The store's current state; an empty manifest when nothing has been ingested yet. */
  public Manifest current() {
    try {
      Path dir = new Path(root, "_manifests");
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        if (fs.exists(new Path(root)) && java.util.Arrays.stream(fs.listStatus(new Path(root)))
            .map(st -> st.getPath().getName())
            .anyMatch(n -> !Set.of("_manifests", "_ingests", "data").contains(n))) {
          throw new StoreException(root + " is not a history store (it has no _manifests folder);"
              + " give an empty or new folder for the store", null);
        }
        return Manifest.empty();
      }
      Path latest = null;
      for (FileStatus s : fs.listStatus(dir)) {
        String n = s.getPath().getName();
        if (n.matches("\\d{8}\\.tsv") && (latest == null || n.compareTo(latest.getName()) > 0)) {
          latest = s.getPath();
        }
      }
      return latest == null ? Manifest.empty() : Manifest.read(latest, fs);
    } catch (IOException e) {
      throw new StoreException("cannot read the history store at " + root + ": " + e.getMessage()
          + " (check the path and that you may read it)", e);
    }
  }

  /** Where ingest {@code n} writes the quarters it changes. */
  public String dataFolder(long ingest) {
    return root + "/data/" + String.format("%08d", ingest);
  }

  /**
   * Clears the folder ingest {@code n} will write, left by an earlier run that failed before its
   * commit ({@code n} is above the current manifest's, so nothing refers to it).
   */
  public void clearLeftovers(long ingest) {
    if (ingest <= current().ingest()) {
      throw new IllegalArgumentException("ingest " + ingest + " is committed");
    }
    try {
      Path p = new Path(dataFolder(ingest));
      p.getFileSystem(conf).delete(p, true);
    } catch (IOException e) {
      throw new StoreException("cannot clear " + dataFolder(ingest) + ", left by a failed ingest: "
          + e.getMessage() + "; remove it by hand", e);
    }
  }

  /** Where ingest {@code n} keeps what it read: the quarantine of rejected rows. */
  public String ingestLog(long ingest) {
    return root + "/_ingests/" + String.format("%08d", ingest);
  }

  /** The partition folder of a quarter written by an ingest, relative to the store. */
  public static String partitionFolder(long ingest, String period) {
    return "data/" + String.format("%08d", ingest) + "/" + QUARTER + "=" + period.replace(' ', '-');
  }

  /**
   * The stored records of the quarters overlapping [from, toExclusive), as accepted checked rows
   * ({@link ValidatedColumns#ROW_STATUS} = accepted), with {@link #PERIOD} and {@link #INGEST}.
   */
  public Dataset<Row> read(SparkSession spark, Manifest m, LocalDate from, LocalDate toExclusive) {
    return read(spark, m.partitions().stream().filter(p -> p.overlaps(from, toExclusive)).toList());
  }

  /** Every stored record. */
  public Dataset<Row> readAll(SparkSession spark, Manifest m) {
    return read(spark, m.partitions());
  }

  /**
   * The quarters' records. Quarters whose indices follow this version's code lists are read as
   * stored; the others (written before indices were stored, or under other lists) have their
   * indices worked out again from their codes.
   */
  private Dataset<Row> read(SparkSession spark, List<Manifest.Partition> partitions) {
    List<String> current = new ArrayList<>();
    List<String> older = new ArrayList<>();
    for (Manifest.Partition p : partitions) {
      (p.vocabulary().equals(Vocabulary.fingerprint()) ? current : older)
          .add(root + "/" + p.folder());
    }
    Dataset<Row> rows = current.isEmpty() ? null : parquet(spark, current);
    if (!older.isEmpty()) {
      Dataset<Row> reindexed =
          parquet(spark, older).transform(ValidatedColumns.indicesFromCodes());
      rows = rows == null ? reindexed : rows.union(reindexed);
    }
    if (rows == null) {
      rows = spark.createDataFrame(List.of(), SCHEMA);
    }
    return rows.withColumn(ValidatedColumns.ROW_STATUS, lit(ValidatedColumns.ACCEPTED))
        .withColumn(ValidatedColumns.REJECT_REASON, lit(null).cast("string"));
  }

  private static Dataset<Row> parquet(SparkSession spark, List<String> folders) {
    return spark.read().schema(SCHEMA).parquet(folders.toArray(new String[0]));
  }

  /**
   * Commits {@code next} as the store's new state: written aside, then renamed into place. Fails,
   * changing nothing, when another ingest committed the same number first.
   */
  public void commit(Manifest next) {
    try {
      Path dir = new Path(root, "_manifests");
      FileSystem fs = dir.getFileSystem(conf);
      fs.mkdirs(dir);
      Path target = new Path(dir, Manifest.name(next.ingest()));
      Path aside = new Path(dir, "." + Manifest.name(next.ingest()) + "." + UUID.randomUUID());
      next.write(aside, fs);
      if (fs.exists(target) || !fs.rename(aside, target)) {
        fs.delete(aside, false);
        throw new StoreException("another ingest committed to " + root + " at the same time (ingest "
            + next.ingest() + "); nothing of this one was kept: run it again", null);
      }
      fs.delete(new Path(dir, "." + Manifest.name(next.ingest()) + ".crc"), false);
    } catch (IOException e) {
      throw new StoreException("cannot commit to the history store at " + root + ": "
          + e.getMessage() + "; the store is as it was before this ingest", e);
    }
  }

  /**
   * Removes what the current state no longer uses: data folders of earlier ingests whose quarters
   * were all rewritten, folders left by failed ingests, and earlier manifests.
   */
  public List<String> removeUnused(Manifest current) {
    List<String> removed = new ArrayList<>();
    try {
      Set<String> used = new HashSet<>();
      for (Manifest.Partition p : current.partitions()) {
        used.add(p.folder());
      }
      Path data = new Path(root, "data");
      FileSystem fs = data.getFileSystem(conf);
      if (fs.exists(data)) {
        for (FileStatus ingest : fs.listStatus(data)) {
          String name = ingest.getPath().getName();
          FileStatus[] children = fs.listStatus(ingest.getPath());
          boolean keep = false;
          for (FileStatus q : children) {
            keep |= used.contains("data/" + name + "/" + q.getPath().getName());
          }
          for (FileStatus q : children) {
            String rel = "data/" + name + "/" + q.getPath().getName();
            if (!keep || q.isDirectory() && !used.contains(rel)) {
              fs.delete(q.getPath(), true);
              removed.add(rel);
            }
          }
          if (!keep) {
            fs.delete(ingest.getPath(), true);
          }
        }
      }
      Path manifests = new Path(root, "_manifests");
      for (FileStatus s : fs.listStatus(manifests)) {
        String n = s.getPath().getName();
        if (!n.equals(Manifest.name(current.ingest()))) {
          fs.delete(s.getPath(), false);
        }
      }
    } catch (IOException e) {
      // The committed state is complete; leftovers only take space and are retried next time.
      removed.add("(could not tidy: " + e.getMessage() + ")");
    }
    return removed;
  }

  /** The partition folder value of each record's quarter, added before writing. */
  public static Column quarterFolder() {
    return org.apache.spark.sql.functions.regexp_replace(col(PERIOD), " ", "-");
  }
}
