package org.whotakespart.validate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import scala.Function1;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.whotakespart.ingest.RecordColumns;

/**
 * Named transformations that check rows read from participation files. Every row leaves with a
 * {@link ValidatedColumns#ROW_STATUS}: accepted, quarantined (with a {@link RejectReason} and the
 * detail) or duplicate (an exact re-send of an accepted record). Nothing is dropped here, so rows
 * read = accepted + quarantined + duplicates always holds.
 *
 * <pre>{@code
 * Dataset<Row> checked = rows
 *     .transform(RecordValidation.withTrimmedValues())
 *     .transform(RecordValidation.withCodedValues(Aliases.defaults()))
 *     .transform(RecordValidation.withActivityDay())
 *     .transform(RecordValidation.withRejectReason(projectIds))
 *     .transform(RecordValidation.withRowStatus());
 * }</pre>
 */
public final class RecordValidation {
  /** Marks a value no alias maps; never a code, because codes have no control characters. */
  static final String UNMAPPABLE = "\u0000unmappable";
  private static final String PROJECT_ID_KNOWN = "project_id_known";
  /** Co-production records before this are taken as a typing error (e.g. 1925 for 2025). */
  static final java.sql.Date EARLIEST_DAY = java.sql.Date.valueOf("2000-01-01");

  private RecordValidation() {}

  /** The whole check, in order. {@code projectIds} is a one-column Dataset of the known projects. */
  public static Dataset<Row> validate(Dataset<Row> rows, Aliases aliases, Dataset<Row> projectIds) {
    return rows
        .transform(withTrimmedValues())
        .transform(withCodedValues(aliases))
        .transform(withActivityDay())
        .transform(withRejectReason(projectIds))
        .transform(withRowStatus())
        .transform(IdentifierGuard.withIdentifierFound())
        .transform(withSentValuesOnlyForQuarantine());
  }

  /** Trims every contract value; blank becomes null ("not recorded"). */
  public static Function1<Dataset<Row>, Dataset<Row>> withTrimmedValues() {
    return df -> df.select(replacing(df, RecordColumns.CONTRACT, c -> {
      Column t = trim(col(c));
      return when(t.equalTo(lit("")), lit(null).cast("string")).otherwise(t);
    }));
  }

  /**
   * Every column of {@code df}, with those named replaced by {@code f}: one projection, not one
   * {@code withColumn} each (each of which would analyse the whole plan again).
   */
  private static Column[] replacing(Dataset<Row> df, List<String> columns,
      java.util.function.Function<String, Column> f) {
    return java.util.Arrays.stream(df.columns())
        .map(c -> columns.contains(c) ? f.apply(c).as(c) : col(c))
        .toArray(Column[]::new);
  }

  /**
   * Adds {@code code_<column>}: each coded value's contract code through {@code aliases}; a value no
   * alias maps becomes {@link #UNMAPPABLE} (reported by {@link #withRejectReason}). The value as
   * sent stays in its own column for the quarantine.
   */
  public static Function1<Dataset<Row>, Dataset<Row>> withCodedValues(Aliases aliases) {
    return df -> {
      List<Column> out = new ArrayList<>();
      for (String c : df.columns()) {
        out.add(col(c));
      }
      for (String column : aliases.columns()) {
        Column lookup = mapLiteral(aliases.forColumn(column));
        // Most values are already codes: look the lower-case value up first, and only normalise
        // spacing and punctuation (regular expressions, slower) when that misses. Coalesce stops
        // at the first hit.
        Column key = regexp_replace(regexp_replace(lower(col(column)), "[^\\p{L}\\p{N}]+", "_"),
            "^_+|_+$", "");
        out.add(when(col(column).isNull(), lit(null).cast("string"))
            .otherwise(coalesce(element_at(lookup, lower(col(column))), element_at(lookup, key),
                lit(UNMAPPABLE)))
            .as(ValidatedColumns.code(column)));
      }
      return df.select(out.toArray(new Column[0]));
    };
  }

  private static Column mapLiteral(Map<String, String> m) {
    List<Column> kv = new ArrayList<>();
    m.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      kv.add(lit(e.getKey()));
      kv.add(lit(e.getValue()));
    });
    return org.apache.spark.sql.functions.map(kv.toArray(new Column[0]));
  }

  /** Parses {@code activity_date} strictly as YYYY-MM-DD; anything else is null. */
  public static Function1<Dataset<Row>, Dataset<Row>> withActivityDay() {
    return df -> df.withColumn(ValidatedColumns.ACTIVITY_DAY,
        when(col(RecordColumns.ACTIVITY_DATE).rlike("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
            try_to_date(col(RecordColumns.ACTIVITY_DATE), "yyyy-MM-dd")));
  }

  /** The first problem found with the row, as a reason code and a detail that names the column. */
  public static Function1<Dataset<Row>, Dataset<Row>> withRejectReason(Dataset<Row> projectIds) {
    return df -> {
      Dataset<Row> known = projectIds.select(col(RecordColumns.PROJECT_ID).as("known_project_id"))
          .distinct().withColumn(PROJECT_ID_KNOWN, lit(true));
      Column missing = lit(false);
      for (String r : RecordColumns.REQUIRED) {
        missing = missing.or(col(r).isNull());
      }
      Column unmappable = lit(null).cast("string");
      for (String c : codedColumns(df)) {
        unmappable = coalesce(unmappable,
            when(col(ValidatedColumns.code(c)).equalTo(lit(UNMAPPABLE)), concat(lit(c + " '"),
                col(c), lit("'"))));
      }
      // The checks are worked out once as columns, then read by both the reason and the detail.
      Dataset<Row> checked = df.join(broadcast(known),
              df.col(RecordColumns.PROJECT_ID).equalTo(known.col("known_project_id")), "left")
          .drop("known_project_id")
          .withColumns(ordered("is_missing_required", missing, "unmappable_value", unmappable));
      Column isMissing = col("is_missing_required");
      Column isOutsideAnyPeriod = col(ValidatedColumns.ACTIVITY_DAY).lt(lit(EARLIEST_DAY))
          .or(col(ValidatedColumns.ACTIVITY_DAY).gt(org.apache.spark.sql.functions.current_date()));
      Column isUnmappable = col("unmappable_value").isNotNull();
      Column reason = when(col(RecordColumns.MALFORMED_REASON).isNotNull(),
              lit(RejectReason.MALFORMED_ROW.code()))
          .when(isMissing, lit(RejectReason.MISSING_REQUIRED_VALUE.code()))
          .when(col(ValidatedColumns.ACTIVITY_DAY).isNull(), lit(RejectReason.BAD_DATE.code()))
          .when(isOutsideAnyPeriod, lit(RejectReason.DATE_OUTSIDE_ANY_PERIOD.code()))
          .when(col(PROJECT_ID_KNOWN).isNull(), lit(RejectReason.UNKNOWN_PROJECT.code()))
          .when(isUnmappable, lit(RejectReason.UNMAPPABLE_VALUE.code()));
      Column detail = when(col(RecordColumns.MALFORMED_REASON).isNotNull(),
              col(RecordColumns.MALFORMED_REASON))
          .when(isMissing, concat(lit("blank: "), concat_ws(", ", requiredBlanks())))
          .when(col(ValidatedColumns.ACTIVITY_DAY).isNull(), concat(lit("activity_date '"),
              col(RecordColumns.ACTIVITY_DATE), lit("' is not a date written YYYY-MM-DD")))
          .when(isOutsideAnyPeriod, concat(lit("activity_date '"),
              col(RecordColumns.ACTIVITY_DATE), lit("' is before 2000 or in the future")))
          .when(col(PROJECT_ID_KNOWN).isNull(), concat(lit("project_id '"),
              col(RecordColumns.PROJECT_ID), lit("' is not in the projects file")))
          .when(isUnmappable, concat(col("unmappable_value"),
              lit(": the value is not one of the contract's codes; add an alias for it or correct"
                  + " the export")));
      return checked
          .withColumns(ordered(ValidatedColumns.REJECT_REASON, reason,
              ValidatedColumns.REJECT_DETAIL, detail))
          .drop(PROJECT_ID_KNOWN, "is_missing_required", "unmappable_value");
    };
  }

  /** Name-column pairs in the order given, so the columns come out in the same order every run. */
  private static java.util.Map<String, Column> ordered(Object... pairs) {
    java.util.Map<String, Column> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Column) pairs[i + 1]);
    }
    return m;
  }

  /** The record columns that {@link #withCodedValues} coded. */
  private static List<String> codedColumns(Dataset<Row> df) {
    List<String> present = java.util.Arrays.asList(df.columns());
    return RecordColumns.CONTRACT.stream()
        .filter(c -> present.contains(ValidatedColumns.code(c))).toList();
  }

  private static Column[] requiredBlanks() {
    return RecordColumns.REQUIRED.stream()
        .map(r -> when(col(r).isNull(), lit(r)))
        .toArray(Column[]::new);
  }

  /**
   * Among rows without a problem, one record is identified by project_id and record_id. An exact
   * re-send (same content after coding) is a {@code duplicate}, counted once; the same id with
   * different content is quarantined in every copy, because the run cannot know which is right.
   */
  public static Function1<Dataset<Row>, Dataset<Row>> withRowStatus() {
    return df -> {
      List<String> present = java.util.Arrays.asList(df.columns());
      Column content = xxhash64(RecordColumns.CONTRACT.stream()
          .map(c -> present.contains(ValidatedColumns.code(c)) ? ValidatedColumns.code(c) : c)
          .map(c -> coalesce(col(c), lit("\u0001"))).toArray(Column[]::new));
      // Rejected rows sit in windows of their own, so one pass serves every row (no union of two
      // filtered copies, which would read the files twice).
      Column rejected = col(ValidatedColumns.REJECT_REASON).isNotNull();
      WindowSpec byRecord = Window.partitionBy(col(RecordColumns.PROJECT_ID),
              col(RecordColumns.RECORD_ID), rejected)
          .orderBy(col("content_hash"), col(RecordColumns.SOURCE_FILE), col(RecordColumns.LINE_NUMBER));
      WindowSpec wholeRecord = byRecord.rowsBetween(Window.unboundedPreceding(),
          Window.unboundedFollowing());
      Column conflict = col("is_conflict").and(rejected.unary_$bang());
      return df
          .withColumn("content_hash", content)
          .withColumns(ordered(
              "is_conflict", min(col("content_hash")).over(wholeRecord)
                  .notEqual(max(col("content_hash")).over(wholeRecord)),
              "is_repeat", coalesce(lag(col("content_hash"), 1).over(byRecord)
                  .equalTo(col("content_hash")), lit(false))))
          .withColumns(ordered(
              ValidatedColumns.REJECT_REASON, when(conflict,
                  lit(RejectReason.CONFLICTING_RECORD_ID.code()))
                  .otherwise(col(ValidatedColumns.REJECT_REASON)),
              ValidatedColumns.REJECT_DETAIL, when(conflict, concat(lit("record_id '"),
                  col(RecordColumns.RECORD_ID), lit("' of project '"), col(RecordColumns.PROJECT_ID),
                  lit("' was sent with different content; send one version")))
                  .otherwise(col(ValidatedColumns.REJECT_DETAIL)),
              ValidatedColumns.ROW_STATUS, when(rejected.or(conflict), lit(ValidatedColumns.QUARANTINED))
                  .when(col("is_repeat"), lit(ValidatedColumns.DUPLICATE))
                  .otherwise(lit(ValidatedColumns.ACCEPTED))))
          .drop("content_hash", "is_conflict", "is_repeat");
    };
  }

  /**
   * Keeps the values as sent only where the row is quarantined (the quarantine file shows them) and
   * the codes everywhere else, so that what is kept in memory is no more than the work needs.
   */
  public static Function1<Dataset<Row>, Dataset<Row>> withSentValuesOnlyForQuarantine() {
    return df -> {
      Column quarantined = col(ValidatedColumns.ROW_STATUS).equalTo(lit(ValidatedColumns.QUARANTINED));
      List<String> sentOnly = new ArrayList<>(RecordColumns.CONTRACT);
      sentOnly.removeAll(RecordColumns.REQUIRED);
      sentOnly.add(RecordColumns.ORIGINAL_FIELDS);
      return df.select(replacing(df, sentOnly, c -> when(quarantined, col(c))));
    };
  }
}
