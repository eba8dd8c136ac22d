package org.whotakespart.store;

import java.io.IOException;
import java.util.ConcurrentModificationException;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One Delta commit carrying its note; another writer's commit in the meantime becomes a clear
 * refusal.
 */
final class StoreCommits {
  private final HistoryStore store;

  StoreCommits(HistoryStore store) {
    this.store = store;
  }

  /**
   * Runs {@code write} as one Delta commit carrying {@code note}; another writer's commit in the
   * meantime (Delta's conflict check) becomes a clear refusal. Returns the version committed.
   */
  long committing(SparkSession spark, CommitNote note, Supplier<Void> write) {
    commit(spark, note.json(), write::get);
    return store.latest(spark);
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

  private StoreException concurrent(Throwable e) {
    return new StoreException(
        "another ingest or change committed to the history store at "
            + store.root()
            + " while this one ran ("
            + e.getClass().getSimpleName()
            + "); nothing of this one was kept:"
            + " run it again",
        e);
  }

  /**
   * The table in {@code folder} as SQL names it: {@code delta.`path`}, the path made absolute
   * (Delta takes a relative one, such as {@code --store target/store}, for a catalog table's name
   * and does not find it).
   */
  static String sqlName(String folder, Configuration conf, String root) {
    try {
      Path p = new Path(folder);
      String q = p.getFileSystem(conf).makeQualified(p).toString();
      return "delta.`" + q.replace("`", "``") + "`";
    } catch (IOException e) {
      throw new StoreException(
          "cannot reach the history store at " + root + ": " + e.getMessage(), e);
    }
  }
}
