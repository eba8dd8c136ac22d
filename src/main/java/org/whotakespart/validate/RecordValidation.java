package org.whotakespart.validate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.time.LocalDate;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.whotakespart.ingest.RecordColumns;

/**
 * Checks the rows read from participation files. Every row leaves with a {@link
 * ValidatedColumns#ROW_STATUS}: accepted, quarantined (with a {@link RejectReason} and the detail)
 * or duplicate (an exact re-send of an accepted record). Nothing is dropped, so rows read =
 * accepted + quarantined + duplicates always holds.
 *
 * <p>Two steps: {@link RowChecker} does everything a row needs alone, in one pass as the rows are
 * read; then records sent more than once are found by grouping a narrow projection (project, record
 * id, content hash), so only the few repeated ids, not every row, are joined back.
 *
 * <pre>{@code
 * try (RecordValidation.Validated v = RecordValidation.validate(spark, raw, aliases, projectIds, today)) {
 *   Dataset<Row> rows = v.rows();
 * }
 * }</pre>
 */
public final class RecordValidation {
  /** Marks a value no alias maps; never a code, because codes have no control characters. */
  static final String UNMAPPABLE = "\u0000unmappable";

  private RecordValidation() {}

  /** The checked rows; closing it releases what was kept in memory for them. */
  public record Validated(Dataset<Row> rows, Dataset<Row> checked, Dataset<Row> repeatedIds)
      implements AutoCloseable {
    @Override
    public void close() {
      repeatedIds.unpersist();
      checked.unpersist();
    }
  }

  /**
   * Where the checked rows are kept between the passes that read them: on local disk (the operating
   * system's file cache, not the JVM heap). In the heap, 8 M records took 1.1 GB of a 2 GB driver,
   * and the counts collected after them ran it out of memory.
   */
  static final StorageLevel KEPT_ROWS = StorageLevel.DISK_ONLY();

  /**
   * @param raw rows of {@code RecordFileParser.SCHEMA}
   * @param latestDay the last acceptable activity date (the day of the run)
   */
  public static Validated validate(
      SparkSession spark,
      JavaRDD<Row> raw,
      Aliases aliases,
      Set<String> projectIds,
      LocalDate latestDay) {
    Dataset<Row> checked =
        spark
            .createDataFrame(
                raw.map(new RowChecker(aliases, projectIds, latestDay)), RowChecker.SCHEMA)
            .persist(KEPT_ROWS);
    Dataset<Row> repeated = repeatedIds(checked).persist(StorageLevel.MEMORY_AND_DISK());
    // Each code's index is worked out where a query reads it, from the kept codes: keeping 14
    // more columns in memory cost the 1 M check step more (2 to 3 s) than it saved the counting.
    return new Validated(
        checked.transform(withRowStatus(repeated)).transform(ValidatedColumns.indicesFromCodes()),
        checked,
        repeated);
  }

  /**
   * Record ids sent more than once for a project among rows without a problem: whether the copies
   * differ (a conflict), and where the first copy is (file, line), which is the one kept.
   */
  static Dataset<Row> repeatedIds(Dataset<Row> checked) {
    return repeatedIds(
        checked, xxhash64(col(RecordColumns.PROJECT_ID), col(RecordColumns.RECORD_ID)));
  }

  /**
   * Two steps. Every id is counted by {@code idHash}, a 64-bit hash of (project, record id): a
   * fixed-width key, which Spark counts in its fast hash map (grouping by the two strings and
   * carrying the content hashes shuffled and spilled 10 M rows of 70 bytes at 10 M records). Only
   * ids whose hash came more than once are then grouped by the ids themselves, with their content
   * and where their first copy is; so two ids that share a hash are still told apart, and the
   * answer is exact whatever the hash.
   */
  static Dataset<Row> repeatedIds(Dataset<Row> checked, Column idHash) {
    Dataset<Row> good = checked.filter(col(ValidatedColumns.REJECT_REASON).isNull());
    Dataset<Row> hashesSeenTwice =
        good.select(idHash.as("id_hash"))
            .groupBy(col("id_hash"))
            .agg(count(lit(1)).as("copies"))
            .filter(col("copies").gt(1))
            .select(col("id_hash"));
    // Where the first copy is (min over a struct of file and line, a sort-based aggregate) is
    // found for these few rows alone.
    return good.join(broadcast(hashesSeenTwice), idHash.equalTo(col("id_hash")), "left_semi")
        .select(
            col(RecordColumns.PROJECT_ID),
            col(RecordColumns.RECORD_ID),
            contentHash().as("content_hash"),
            struct(col(RecordColumns.SOURCE_FILE), col(RecordColumns.LINE_NUMBER)).as("place"))
        .groupBy(col(RecordColumns.PROJECT_ID), col(RecordColumns.RECORD_ID))
        .agg(
            count(lit(1)).as("copies"),
            min("content_hash").as("lowest"),
            max("content_hash").as("highest"),
            min("place").as("first"))
        .filter(col("copies").gt(1))
        .select(
            col(RecordColumns.PROJECT_ID).as("repeated_project_id"),
            col(RecordColumns.RECORD_ID).as("repeated_record_id"),
            col("lowest").notEqual(col("highest")).as("is_conflict"),
            col("first." + RecordColumns.SOURCE_FILE).as("first_file"),
            col("first." + RecordColumns.LINE_NUMBER).as("first_line"));
  }

  /** A record's content as the run understands it: codes, not spellings. */
  private static Column contentHash() {
    return xxhash64(
        RecordColumns.CONTRACT.stream()
            .map(c -> RowChecker.CODED.contains(c) ? ValidatedColumns.code(c) : c)
            .map(c -> coalesce(col(c), lit("\u0001")))
            .toArray(Column[]::new));
  }

  /**
   * An exact re-send (same content after coding) is a {@code duplicate}, counted once; the same id
   * with different content is quarantined in every copy, because the run cannot know which is
   * right.
   */
  static scala.Function1<Dataset<Row>, Dataset<Row>> withRowStatus(Dataset<Row> repeatedIds) {
    return df -> {
      Column rejected = col(ValidatedColumns.REJECT_REASON).isNotNull();
      Dataset<Row> joined =
          df.join(
              broadcast(repeatedIds),
              col(RecordColumns.PROJECT_ID)
                  .equalTo(col("repeated_project_id"))
                  .and(col(RecordColumns.RECORD_ID).equalTo(col("repeated_record_id")))
                  .and(rejected.unary_$bang()),
              "left");
      Column conflict = coalesce(col("is_conflict"), lit(false));
      Column repeat =
          col("first_file")
              .isNotNull()
              .and(conflict.unary_$bang())
              .and(
                  col(RecordColumns.SOURCE_FILE)
                      .notEqual(col("first_file"))
                      .or(col(RecordColumns.LINE_NUMBER).notEqual(col("first_line"))));
      return joined
          .withColumn(
              ValidatedColumns.REJECT_REASON,
              when(conflict, lit(RejectReason.CONFLICTING_RECORD_ID.code()))
                  .otherwise(col(ValidatedColumns.REJECT_REASON)))
          .withColumn(
              ValidatedColumns.REJECT_DETAIL,
              when(
                      conflict,
                      concat(
                          lit("record_id '"),
                          col(RecordColumns.RECORD_ID),
                          lit("' of project '"),
                          col(RecordColumns.PROJECT_ID),
                          lit("' was sent with different content; send one version")))
                  .otherwise(col(ValidatedColumns.REJECT_DETAIL)))
          .withColumn(
              ValidatedColumns.ROW_STATUS,
              when(rejected.or(conflict), lit(ValidatedColumns.QUARANTINED))
                  .when(repeat, lit(ValidatedColumns.DUPLICATE))
                  .otherwise(lit(ValidatedColumns.ACCEPTED)))
          .drop(
              "repeated_project_id",
              "repeated_record_id",
              "is_conflict",
              "first_file",
              "first_line");
    };
  }
}
