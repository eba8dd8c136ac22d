package org.whotakespart.store;

import static org.apache.spark.sql.functions.col;
import static org.whotakespart.store.HistoryStore.QUARTER;
import static org.whotakespart.store.HistoryStore.RECORDS_PER_FILE;
import static org.whotakespart.store.HistoryStore.ROW_GROUP_BYTES;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.validate.ValidatedColumns;
import scala.jdk.javaapi.CollectionConverters;

/** Writing an ingest into the records table, and the quarters it touches. */
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
            DeltaTable.forPath(spark, store.table())
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

  /**
   * The quarters (partition values) whose records an ingest of {@code incoming} (rows in {@link
   * #SCHEMA}) from {@code sources} on top of version {@code before} changes: the quarters it sends
   * records in, and those where the table at {@code before} held a record it sends again or a
   * record of a file it sends again (replaced, moved or no longer sent). Delta's own log is no
   * guide: a MERGE that deletes rows no longer sent rewrites files of every quarter.
   */
  Set<String> quartersTouched(
      SparkSession spark, long before, Dataset<Row> incoming, Set<String> sources) {
    Dataset<Row> quarters = incoming.select(QUARTER);
    if (before >= 0) {
      Dataset<Row> old =
          store
              .versionAt(spark, before)
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
}
