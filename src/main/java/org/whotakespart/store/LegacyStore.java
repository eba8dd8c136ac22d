package org.whotakespart.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.validate.ValidatedColumns;

/**
 * The store as versions before Delta Lake wrote it ({@code _manifests/<n>.tsv} naming Parquet
 * folders under {@code data/}), read once to convert it: {@link #upgrade}.
 */
public final class LegacyStore {
  static final String MANIFESTS = "_manifests";
  private static final String HEADER = "# Who Takes Part history store manifest, version 1";

  private LegacyStore() {}

  static boolean isLegacy(Path root, FileSystem fs) throws IOException {
    return fs.exists(new Path(root, MANIFESTS));
  }

  /** What {@link #upgrade} did. */
  public record Upgrade(long rows, int quarters, int files, long version) {}

  /**
   * Converts the store at {@code root} into the Delta table, in one commit carrying the old
   * manifest's file reconciliation, then removes the old manifests and data folders. Run again
   * after a failure part-way, it finishes the job without writing the rows twice.
   */
  public static Upgrade upgrade(SparkSession spark, String root) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    HistoryStore store = HistoryStore.at(root, conf);
    try {
      Path r = new Path(store.root());
      FileSystem fs = r.getFileSystem(conf);
      if (!isLegacy(r, fs)) {
        throw new StoreException(
            root
                + " is not a history store of an earlier version (it has no "
                + MANIFESTS
                + " folder): nothing to upgrade",
            null);
      }
      Path manifest = latest(new Path(r, MANIFESTS), fs);
      List<String> folders = new ArrayList<>();
      List<CommitNote.SourceFile> files = new ArrayList<>();
      read(manifest, fs, folders, files);
      // A run that committed and then stopped before removing the old folders has its commit.
      long version =
          store.exists()
              ? lastUpgrade(spark, store, root).version()
              : convert(spark, store, folders, files);
      fs.delete(new Path(r, "data"), true);
      fs.delete(new Path(r, MANIFESTS), true);
      HistoryStore.Snapshot s = store.snapshot(spark, version);
      return new Upgrade(s.rows(), s.quarters().size(), files.size(), version);
    } catch (IOException e) {
      throw new StoreException(
          "cannot upgrade the history store at "
              + root
              + ": "
              + e.getMessage()
              + "; it is as it was, or run the upgrade again",
          e);
    }
  }

  /** The upgrade's commit, left by a run that stopped before removing the old folders. */
  private static HistoryStore.Commit lastUpgrade(
      SparkSession spark, HistoryStore store, String root) {
    return store.commits(spark).stream()
        .filter(c -> c.note() != null && c.note().operation().equals("upgrade"))
        .findFirst()
        .orElseThrow(
            () ->
                new StoreException(
                    root
                        + " holds both an earlier"
                        + " version's store and a Delta table not made by upgrade; move one aside",
                    null));
  }

  /**
   * Writes the rows of the old data {@code folders} into the Delta table, in one commit carrying
   * the manifest's {@code files}; returns its version.
   */
  private static long convert(
      SparkSession spark,
      HistoryStore store,
      List<String> folders,
      List<CommitNote.SourceFile> files) {
    Dataset<Row> rows =
        folders.isEmpty()
            ? spark.createDataFrame(List.of(), HistoryStore.SCHEMA)
            : spark
                .read()
                .parquet(folders.stream().map(f -> store.root() + "/" + f).toArray(String[]::new));
    List<Column> cols = new ArrayList<>();
    for (String c : HistoryStore.recordColumns()) {
      cols.add(col(c));
    }
    cols.add(lit(Vocabulary.fingerprint()).as(HistoryStore.VOCABULARY));
    cols.add(regexp_replace(col(HistoryStore.PERIOD), " ", "-").as(HistoryStore.QUARTER));
    // Indices worked out again from the codes under this version's lists, whatever the
    // version that wrote them.
    Dataset<Row> converted =
        rows.transform(ValidatedColumns.indicesFromCodes()).select(cols.toArray(new Column[0]));
    // Not HistoryStore.ingest: that refuses a store still holding the old manifests.
    return new StoreIngest(store)
        .write(
            spark,
            converted,
            Set.of(),
            new CommitNote(CommitNote.TOOL, "upgrade", List.of(), files, "", 0, false),
            HistoryStore.DEFAULT_RETENTION_DAYS);
  }

  private static Path latest(Path dir, FileSystem fs) throws IOException {
    Path latest = null;
    for (FileStatus s : fs.listStatus(dir)) {
      String n = s.getPath().getName();
      if (n.matches("\\d{8}\\.tsv") && (latest == null || n.compareTo(latest.getName()) > 0)) {
        latest = s.getPath();
      }
    }
    if (latest == null) {
      throw new StoreException(
          "the earlier version's store at "
              + dir.getParent()
              + " has no manifest: it holds nothing to convert; remove it and ingest again",
          null);
    }
    return latest;
  }

  /** The partition folders and source files of a manifest (format version 1). */
  private static void read(
      Path file, FileSystem fs, List<String> folders, List<CommitNote.SourceFile> files)
      throws IOException {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      if (!HEADER.equals(r.readLine())) {
        throw new StoreException(
            "the store's manifest "
                + file
                + " does not start with the"
                + " manifest header; restore it from a backup",
            null);
      }
      boolean ended = false;
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "partition" -> folders.add(f[4]);
          case "file" ->
              files.add(
                  new CommitNote.SourceFile(
                      f[1],
                      Long.parseLong(f[3]),
                      f[4],
                      Long.parseLong(f[5]),
                      Long.parseLong(f[6]),
                      Long.parseLong(f[7]),
                      Long.parseLong(f[8])));
          case "end" -> ended = true;
          default -> {}
        }
      }
      if (!ended) {
        throw new StoreException(
            "the store's manifest " + file + " is incomplete; restore it" + " from a backup", null);
      }
    }
  }
}
