package org.whotakespart.output.table;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.stats.Interval;
import org.whotakespart.stats.MetricRow;

/**
 * Writes the analysts' metrics as {@code metrics.csv} (one file, UTF-8, the contract's columns) and
 * {@code metrics.parquet}.
 */
public final class MetricsWriter {
  private MetricsWriter() {}

  public static void writeCsv(List<MetricRow> rows, String file,
      org.apache.hadoop.conf.Configuration conf) {
    Tables.writeCsv(MetricColumns.ALL, rows.stream().map(MetricsWriter::values).toList(), file, conf);
  }

  public static void writeParquet(SparkSession spark, List<MetricRow> rows, String folder) {
    Tables.writeParquet(spark, SCHEMA, rows.stream().map(MetricsWriter::values).toList(), folder);
  }

  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    return Tables.schema(MetricColumns.ALL, c -> switch (c) {
      case "participants", "known", "unknown" -> DataTypes.LongType;
      case "period", "scope_type", "scope_id", "scope_name", "characteristic", "category",
          "status" -> DataTypes.StringType;
      default -> DataTypes.DoubleType;
    });
  }

  /** The row's values in {@link MetricColumns#ALL} order. */
  static List<Object> values(MetricRow r) {
    List<Object> v = new ArrayList<>();
    v.add(r.period());
    v.add(r.scopeType().code());
    v.add(r.scopeId());
    v.add(r.scopeName());
    v.add(r.characteristic());
    v.add(r.category());
    v.add(r.participants());
    v.add(r.known());
    v.add(r.unknown());
    v.add(r.share());
    addInterval(v, r.shareCi95());
    addInterval(v, r.shareCi998());
    v.add(r.populationShare());
    v.add(r.expected());
    v.add(r.shortfall());
    v.add(r.ratio());
    addInterval(v, r.ratioCi95());
    v.add(r.status().code());
    return v;
  }

  private static void addInterval(List<Object> v, Interval i) {
    v.add(i == null ? null : i.low());
    v.add(i == null ? null : i.high());
  }

}
