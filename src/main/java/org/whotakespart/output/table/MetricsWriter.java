package org.whotakespart.output.table;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.stats.Interval;
import org.whotakespart.stats.MetricRow;

/**
 * Writes the analysts' metrics as {@code metrics.csv} (one file, UTF-8, the contract's columns) and
 * {@code metrics.parquet}. Numbers are written in full, never in E-notation, with the shortest
 * digits that read back as the same double, so two runs on the same input are byte-identical.
 */
public final class MetricsWriter {
  private MetricsWriter() {}

  public static void writeCsv(List<MetricRow> rows, String file,
      org.apache.hadoop.conf.Configuration conf) {
    try (Writer w = new OutputStreamWriter(HadoopFiles.create(file, conf), StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      p.printRecord(MetricColumns.ALL);
      for (MetricRow r : rows) {
        List<String> v = new ArrayList<>();
        for (Object o : values(r)) {
          v.add(format(o));
        }
        p.printRecord(v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public static void writeParquet(SparkSession spark, List<MetricRow> rows, String folder) {
    List<Row> data = new ArrayList<>(rows.size());
    for (MetricRow r : rows) {
      data.add(RowFactory.create(values(r).toArray()));
    }
    spark.createDataFrame(data, SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite).parquet(folder);
  }

  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    List<StructField> f = new ArrayList<>();
    for (String c : MetricColumns.ALL) {
      DataType t = switch (c) {
        case "participants", "known", "unknown" -> DataTypes.LongType;
        case "period", "scope_type", "scope_id", "scope_name", "characteristic", "category",
            "status" -> DataTypes.StringType;
        default -> DataTypes.DoubleType;
      };
      f.add(DataTypes.createStructField(c, t, !t.equals(DataTypes.LongType)));
    }
    return DataTypes.createStructType(f);
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

  /** Plain decimal, shortest round-trip digits; blank for a value that does not exist. */
  public static String format(Object o) {
    if (o == null) {
      return "";
    }
    if (o instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return "";
      }
      if (d == 0.0) {
        return "0";
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return o.toString();
  }
}
