package org.whotakespart.store;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.whotakespart.stats.CountColumns;
import org.whotakespart.validate.ValidatedColumns;
import scala.jdk.javaapi.CollectionConverters;

/**
 * How long earlier versions stay reproducible, and removing the files no version within that time
 * needs.
 */
final class StoreRetention {
  private final HistoryStore store;

  StoreRetention(HistoryStore store) {
    this.store = store;
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
  void setRetention(SparkSession spark, int days) {
    store.requireTable();
    StringBuilder b =
        new StringBuilder("ALTER TABLE " + store.sqlName(store.table()) + " SET TBLPROPERTIES (");
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
    long before = store.latest(spark);
    long after =
        store.committing(
            spark,
            CommitNote.carry(store.lastNote(spark), "retention", 0, false),
            () -> {
              spark.sql(alter);
              return null;
            });
    if (store.people().exists()) {
      String t = store.sqlName(store.people().table());
      store.commit(
          spark,
          PeopleTable.note(store.people().inStepWith(spark, before) ? after : -1),
          () ->
              spark.sql(
                  alter
                      .replace(store.sqlName(store.table()), t)
                      .replace(ValidatedColumns.ACTIVITY_DAY, CountColumns.RECORDS)));
    }
  }

  /** The days of history kept, from the table's properties. */
  int retentionDays(SparkSession spark) {
    store.requireTable();
    // From the latest version's metadata: DESCRIBE DETAIL also sizes the table, which has Delta
    // list every file (2.3 s of a 2 M record ingest).
    DeltaLog log = DeltaLog.forTable(spark, store.table());
    Map<String, String> p =
        CollectionConverters.asJava(
            log.update(log.update$default$1(), log.update$default$2(), log.update$default$3())
                .metadata()
                .configuration());
    String v = p.getOrDefault("delta.deletedFileRetentionDuration", "interval 7 days");
    return Integer.parseInt(v.replaceAll("\\D+", " ").trim().split(" ")[0]);
  }

  /** Removes the files no version within the retention period needs. Returns how many. */
  long vacuum(SparkSession spark) {
    store.requireTable();
    long removed = 0;
    for (String t :
        store.people().exists()
            ? List.of(store.table(), store.people().table())
            : List.of(store.table())) {
      Set<String> before = allDataFiles(t);
      DeltaTable.forPath(spark, t).vacuum();
      before.removeAll(allDataFiles(t));
      removed += before.size();
    }
    return removed;
  }

  private Set<String> allDataFiles(String table) {
    try {
      return dataFiles(table, store.conf());
    } catch (IOException e) {
      throw store.cannotRead(e);
    }
  }

  /**
   * The Parquet data files of the table in {@code table}, as qualified paths: every one below it
   * outside its folders whose names start with "_" (Delta's log), in the current version or not.
   */
  static Set<String> dataFiles(String table, Configuration conf) throws IOException {
    Set<String> files = new TreeSet<>();
    Path t = new Path(table);
    FileSystem fs = t.getFileSystem(conf);
    String root = fs.makeQualified(t).toString();
    var it = fs.listFiles(t, true);
    while (it.hasNext()) {
      Path p = it.next().getPath();
      if (p.getName().endsWith(".parquet")
          && !p.toString().substring(root.length()).contains("/_")) {
        files.add(p.toString());
      }
    }
    return files;
  }
}
