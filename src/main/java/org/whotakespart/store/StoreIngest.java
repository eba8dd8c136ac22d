package org.whotakespart.store;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.xxhash64;
import static org.whotakespart.store.HistoryStore.QUARTER;
import static org.whotakespart.store.HistoryStore.RECORDS_PER_FILE;
import static org.whotakespart.store.HistoryStore.ROW_GROUP_BYTES;

import io.delta.tables.DeltaTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.FileAction;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.validate.ValidatedColumns;
import scala.jdk.javaapi.CollectionConverters;

/** Writing an ingest into the records table, and the quarters a commit changed. */
final class StoreIngest {
  private final HistoryStore store;

  StoreIngest(HistoryStore store) {
    this.store = store;
  }

  long write(
      SparkSession spark,
      Dataset<Row> incoming,
      Set<String> sources,
      CommitNote note,
      int retentionDays) {
    return store.committing(
        spark,
        note,
        () -> {
          if (!store.exists()) {
            Map<String, String> props = StoreRetention.retention(retentionDays);
            props.forEach(
                (k, v) ->
                    spark
                        .conf()
                        .set(
                            "spark.databricks.delta.properties.defaults."
                                + k.substring("delta.".length()),
                            v));
            try {
              HistoryStore.forWriting(
                      incoming,
                      RecordColumns.PROJECT_ID,
                      RecordColumns.PARTICIPANT_ID,
                      ValidatedColumns.ACTIVITY_DAY)
                  .write()
                  .format("delta")
                  .mode("errorifexists")
                  .partitionBy(QUARTER)
                  .option("maxRecordsPerFile", RECORDS_PER_FILE)
                  .option("parquet.block.size", ROW_GROUP_BYTES)
                  .save(store.table());
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
            merge(spark, incoming, sources);
          }
          return null;
        });
  }

  /** Marks, in a MERGE's source, a stored record of a re-sent file that the file no longer has. */
  private static final String GONE = "gone_from_its_file";

  /**
   * One MERGE whose source holds only what changes: records new or different from their stored
   * version, and (marked {@link #GONE}) stored records of {@code sources} no longer in them. Delta
   * rewrites every file a source row matches, however its clauses' conditions fall, so a record
   * sent again as it was stays out of the source: a quarter re-sent unchanged commits no data, and
   * its people rows are not made again.
   */
  private void merge(SparkSession spark, Dataset<Row> incoming, Set<String> sources) {
    OptimisticTransaction read = DeltaLog.forTable(spark, store.table()).startTransaction();
    long before = read.snapshot().version();
    // The version that transaction read: what is compared is what its conflict check guards.
    Dataset<Row> stored =
        spark.read().format("delta").option("versionAsOf", before).load(store.table());
    List<String> keys = List.of(RecordColumns.PROJECT_ID, RecordColumns.RECORD_ID);
    Column[] keyColumns = keys.stream().map(k -> col(k)).toArray(Column[]::new);
    Column sameKey = lit(true);
    for (String k : keys) {
      sameKey = sameKey.and(col("t." + k).equalTo(col("s." + k)));
    }
    // Compared by key and a digest of every column: the join carries four small columns, not
    // whole records (whole, 8 M stored records overran the native sort's memory).
    List<String> byKeyAndDigest = List.of(keys.get(0), keys.get(1), DIGEST_64, DIGEST_32);
    Dataset<Row> changed =
        incoming
            .select(withDigest(incoming.columns(), incoming.columns()))
            .join(
                stored.select(withDigest(incoming.columns(), keys.toArray(String[]::new))),
                CollectionConverters.asScala(byKeyAndDigest).toSeq(),
                "left_anti")
            .drop(DIGEST_64, DIGEST_32)
            .withColumn(GONE, lit(false));
    Dataset<Row> gone =
        stored
            .filter(col(RecordColumns.SOURCE_FILE).isin(sources.toArray()))
            .select(keyColumns)
            .join(
                incoming.select(keyColumns),
                CollectionConverters.asScala(keys).toSeq(),
                "left_anti")
            .withColumn(GONE, lit(true));
    Map<String, Column> assign = new LinkedHashMap<>();
    for (String c : incoming.columns()) {
      assign.put(c, col("s." + c));
    }
    DeltaTable.forPath(spark, store.table())
        .as("t")
        .merge(changed.unionByName(gone, true).as("s"), sameKey)
        .whenMatched(col("s." + GONE))
        .delete()
        .whenMatched()
        .update(assign)
        .whenNotMatched(not(col("s." + GONE)))
        .insert(assign)
        .execute();
    if (store.latest(spark) == before) {
      // Nothing changed, so Delta's MERGE committed nothing; the ingest is still one commit (its
      // files and checksums), refused if another writer committed since the table was read.
      read.readWholeTable();
      read.commit(
          CollectionConverters.asScala(List.<Action>of()).toSeq(),
          DeltaOperations.ManualUpdate$.MODULE$);
    }
  }

  private static final String DIGEST_64 = "digest_64";
  private static final String DIGEST_32 = "digest_32";

  /**
   * The columns {@code kept} and a digest of a record's {@code columns}: a 64-bit and a 32-bit hash
   * of the values written out, a missing one as a mark no value has (Spark's hashes skip nulls,
   * which would make a value moved to the next column look the same). Two records that differ share
   * it with a chance of about 1 in 2^96.
   */
  static Column[] withDigest(String[] columns, String[] kept) {
    Column[] values = new Column[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = coalesce(col(columns[i]).cast("string"), lit("\u0000"));
    }
    Column[] out = new Column[kept.length + 2];
    for (int i = 0; i < kept.length; i++) {
      out[i] = col(kept[i]);
    }
    out[kept.length] = xxhash64(values).as(DIGEST_64);
    out[kept.length + 1] = hash(values).as(DIGEST_32);
    return out;
  }

  /**
   * The quarters (partition values, as {@code 2025-26-Q2}) in which commit {@code version} added or
   * removed files: those whose records it changed. Read from the commit's own log entry.
   */
  Set<String> quartersChangedBy(SparkSession spark, long version) {
    Set<String> out = new TreeSet<>();
    var changes =
        DeltaLog.forTable(spark, store.table())
            .getChanges(version, version, scala.Option.empty(), false);
    while (changes.hasNext()) {
      for (Action a : CollectionConverters.asJava(changes.next()._2())) {
        if (a instanceof FileAction f) {
          scala.Option<String> q = f.partitionValues().get(QUARTER);
          if (q.isDefined()) {
            out.add(q.get());
          }
        }
      }
    }
    return out;
  }
}
