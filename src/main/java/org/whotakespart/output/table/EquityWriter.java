package org.whotakespart.output.table;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.stats.EquityRow;

/** Writes the equity-of-experience metrics as {@code equity.csv} and {@code equity.parquet}. */
public final class EquityWriter {
  public static final List<String> COLUMNS =
      Tables.scopeColumns(
          "characteristic",
          "category",
          "measure",
          "with",
          "people",
          "share",
          "share_ci95_low",
          "share_ci95_high",
          "everyone_with",
          "everyone_people",
          "everyone_share",
          "difference",
          "status",
          "area_share");
  public static final StructType SCHEMA =
      Tables.schema(
          COLUMNS,
          c ->
              switch (c) {
                case "with", "people", "everyone_with", "everyone_people" -> DataTypes.LongType;
                case "share",
                        "share_ci95_low",
                        "share_ci95_high",
                        "everyone_share",
                        "difference",
                        "area_share" ->
                    DataTypes.DoubleType;
                default -> DataTypes.StringType;
              });

  private EquityWriter() {}

  /** equity.csv and equity.parquet, written row by row with {@link #add}. */
  public static ChunkedTable open(SparkSession spark, String folder) {
    return new ChunkedTable(
        spark, COLUMNS, SCHEMA, folder + "/equity.csv", folder + "/equity.parquet");
  }

  public static void add(ChunkedTable table, EquityRow r) {
    table.add(values(r));
  }

  public static void write(SparkSession spark, List<EquityRow> rows, String folder) {
    try (ChunkedTable t = open(spark, folder)) {
      rows.forEach(r -> add(t, r));
    }
  }

  private static List<Object> values(EquityRow r) {
    List<Object> v = Tables.scopeRow(r.period(), r.scopeType(), r.scopeId(), r.scopeName());
    v.add(r.characteristic());
    v.add(r.category());
    v.add(r.measure());
    v.add(r.with());
    v.add(r.people());
    v.add(r.share());
    v.add(r.shareCi95() == null ? null : r.shareCi95().low());
    v.add(r.shareCi95() == null ? null : r.shareCi95().high());
    v.add(r.everyoneWith());
    v.add(r.everyonePeople());
    v.add(r.everyoneShare());
    v.add(r.difference());
    v.add(r.status().code());
    v.add(r.areaShare());
    return v;
  }
}
