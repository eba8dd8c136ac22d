package org.whotakespart.output.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.stats.Interval;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.Trend;

/**
 * Writes the analysts' metrics as {@code metrics.csv} (one file, UTF-8, the contract's columns) and
 * {@code metrics.parquet}.
 */
public final class MetricsWriter {
  private MetricsWriter() {}

  public static void writeCsv(List<MetricRow> rows, String file, Configuration conf) {
    Tables.writeCsv(
        MetricColumns.ALL, rows.stream().map(MetricsWriter::values).toList(), file, conf);
  }

  public static void writeParquet(SparkSession spark, List<MetricRow> rows, String folder) {
    Tables.writeParquet(spark, SCHEMA, rows.stream().map(MetricsWriter::values).toList(), folder);
  }

  public static final StructType SCHEMA = schema();

  /** The last column of a report made from the history store: the store version it read. */
  public static final String STORE_VERSION = "store_version";

  public static final String BASELINE_COVERS = "baseline_covers";

  /** The metrics columns, then each group's trend over the quarters the report covers. */
  public static final List<String> WITH_TRENDS = withTrends();

  public static final StructType TRENDS_SCHEMA =
      Tables.schema(
          WITH_TRENDS,
          c ->
              c.equals("quarters_under_represented")
                  ? DataTypes.IntegerType
                  : c.equals("trend") ? DataTypes.StringType : SCHEMA.apply(c).dataType());

  private static List<String> withTrends() {
    List<String> c = new ArrayList<>(MetricColumns.ALL);
    c.add("trend");
    c.add("quarters_under_represented");
    return List.copyOf(c);
  }

  /** trends.csv and trends.parquet, written quarter by quarter with {@link #add}. */
  public static ChunkedTable trends(SparkSession spark, String folder) {
    return new ChunkedTable(
        spark, MetricColumns.ALL, SCHEMA, folder + "/trends.csv", folder + "/trends.parquet");
  }

  public static void add(ChunkedTable table, MetricRow r) {
    table.add(values(r));
  }

  /** metrics.csv and metrics.parquet: the contract's columns, then the trend of each group. */
  public static List<String> write(
      SparkSession spark, List<MetricRow> rows, Map<Trend.Key, Trend> trends, String folder) {
    return write(spark, rows, trends, null, folder, null);
  }

  /**
   * As {@link #write(SparkSession, List, java.util.Map, String)}, with a column {@code
   * baseline_covers} (which residents the row's baseline counts, in words) when {@code covers} is
   * given, and, for a report made from the history store, a last column {@code store_version}
   * naming the store version on every row. Returns the paths written.
   */
  public static List<String> write(
      SparkSession spark,
      List<MetricRow> rows,
      Map<Trend.Key, Trend> trends,
      Function<MetricRow, String> covers,
      String folder,
      Long storeVersion) {
    List<List<Object>> values = new ArrayList<>();
    for (MetricRow r : rows) {
      List<Object> v = values(r);
      Trend t = trends.get(Trend.key(r));
      v.add(t == null ? "not_assessed" : t.code());
      v.add(t == null ? 0 : t.quartersUnder());
      if (covers != null) {
        v.add(covers.apply(r));
      }
      if (storeVersion != null) {
        v.add(storeVersion);
      }
      values.add(v);
    }
    List<String> header = new ArrayList<>(WITH_TRENDS);
    StructType schema = TRENDS_SCHEMA;
    if (covers != null) {
      header.add(BASELINE_COVERS);
      schema = schema.add(BASELINE_COVERS, DataTypes.StringType);
    }
    if (storeVersion != null) {
      header.add(STORE_VERSION);
      schema = schema.add(STORE_VERSION, DataTypes.LongType);
    }
    return Tables.write(spark, header, schema, values, folder, "metrics");
  }

  private static StructType schema() {
    return Tables.schema(
        MetricColumns.ALL,
        c ->
            switch (c) {
              case "participants", "known", "unknown" -> DataTypes.LongType;
              case "period",
                      "scope_type",
                      "scope_id",
                      "scope_name",
                      "characteristic",
                      "category",
                      "status" ->
                  DataTypes.StringType;
              default -> DataTypes.DoubleType;
            });
  }

  /** The row's values in {@link MetricColumns#ALL} order. */
  static List<Object> values(MetricRow r) {
    List<Object> v = Tables.scopeRow(r.period(), r.scopeType(), r.scopeId(), r.scopeName());
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
