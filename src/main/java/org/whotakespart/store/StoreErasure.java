package org.whotakespart.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.store.HistoryStore.Erasure;

/**
 * Erasing a participant's records, from the current version and, when asked, from the files of
 * earlier ones.
 */
final class StoreErasure {
  private final HistoryStore store;

  StoreErasure(HistoryStore store) {
    this.store = store;
  }

  /**
   * Deletes every record of a participant (in one project, or all when {@code project} is null), in
   * every quarter, in one commit; with {@code now}, also deletes the files of earlier versions that
   * hold them, so that no version can show them again. Returns the records deleted.
   */
  Erasure forget(SparkSession spark, String participant, String project, boolean now) {
    store.requireTable();
    Column who = col(RecordColumns.PARTICIPANT_ID).equalTo(lit(participant));
    if (project != null) {
      who = who.and(col(RecordColumns.PROJECT_ID).equalTo(lit(project)));
    }
    Column condition = who;
    long before = store.latest(spark);
    long found = store.versionAt(spark, before).filter(condition).count();
    CommitNote previous = store.lastNote(spark);
    if (found > 0) {
      delete(spark, participant, project, before, CommitNote.carry(previous, "forget", found, now));
    }
    List<String> purged = new ArrayList<>();
    if (now) {
      purged.addAll(purge(spark, store.table(), condition));
      if (store.people().exists()) {
        purged.addAll(purge(spark, store.people().table(), condition));
      }
    }
    if (now && found == 0 && !purged.isEmpty()) {
      noteErased(spark, before, CommitNote.carry(previous, "forget", 0, true));
    }
    return new Erasure(found, purged.size(), store.latest(spark));
  }

  /** Deletes the person's records (and people rows) in one commit made on top of {@code before}. */
  private void delete(
      SparkSession spark, String participant, String project, long before, CommitNote note) {
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
    PeopleTable people = store.people();
    boolean inStep = people.inStepWith(spark, before);
    long after =
        store.committing(
            spark,
            note,
            () -> {
              DeltaTable.forPath(spark, store.table())
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

  /**
   * When only earlier versions held the person's records: says so in the log all the same, with a
   * commit that changes no record.
   */
  private void noteErased(SparkSession spark, long before, CommitNote note) {
    boolean inStep = store.people().inStepWith(spark, before);
    long after =
        store.committing(
            spark,
            note,
            () -> {
              spark.sql(
                  "ALTER TABLE "
                      + store.sqlName(store.table())
                      + " SET TBLPROPERTIES ('whotakespart.erased' = '"
                      + Instant.now()
                      + "')");
              return null;
            });
    if (inStep) {
      store.people().update(spark, null, Set.of(), after);
    }
  }

  /**
   * Removes the data files no longer in the current version that hold rows matching {@code who}.
   */
  private List<String> purge(SparkSession spark, String table, Column who) {
    Set<String> live =
        new HashSet<>(List.of(spark.read().format("delta").load(table).inputFiles()));
    try {
      FileSystem fs = new Path(table).getFileSystem(store.conf());
      List<String> old = new ArrayList<>(StoreRetention.dataFiles(table, store.conf()));
      old.removeAll(live);
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
}
