package org.whotakespart.output.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.stats.ScopeType;

/**
 * Writes the analysts' small result tables as one CSV file and a Parquet copy. Numbers are written
 * in full, never in E-notation, with the shortest digits that read back as the same double, so the
 * same input gives byte-identical files.
 */
public final class Tables {
  private Tables() {}

  /**
   * {@code name}.csv and the Parquet copy {@code name}.parquet in {@code folder}; returns the two
   * paths written.
   */
  public static List<String> write(
      SparkSession spark,
      List<String> header,
      StructType schema,
      List<List<Object>> rows,
      String folder,
      String name) {
    String csv = folder + "/" + name + ".csv";
    String parquet = folder + "/" + name + ".parquet";
    writeCsv(header, rows, csv, spark.sparkContext().hadoopConfiguration());
    writeParquet(spark, schema, rows, parquet);
    return List.of(csv, parquet);
  }

  public static void writeCsv(
      List<String> header, List<List<Object>> rows, String file, Configuration conf) {
    try (CsvRows csv = CsvRows.create(file, header, conf)) {
      rows.forEach(csv::add);
    }
  }

  public static void writeParquet(
      SparkSession spark, StructType schema, List<List<Object>> rows, String folder) {
    ParquetFiles.write(folder, schema, rows, spark.sparkContext().hadoopConfiguration());
  }

  /** The period and scope's columns, which every result table starts with. */
  private static final List<String> SCOPE_COLUMNS =
      List.of("period", "scope_type", "scope_id", "scope_name");

  /** A result table's columns: the period and scope's, then {@code rest}. */
  public static List<String> scopeColumns(String... rest) {
    List<String> columns = new ArrayList<>(SCOPE_COLUMNS);
    columns.addAll(List.of(rest));
    return List.copyOf(columns);
  }

  /** A new row of a result table, starting with its period and scope's columns. */
  public static List<Object> scopeRow(String period, ScopeType type, String id, String name) {
    List<Object> v = new ArrayList<>();
    v.add(period);
    v.add(type.code());
    v.add(id);
    v.add(name);
    return v;
  }

  /** A nullable Parquet schema of the columns, each typed by {@code typeOf}. */
  public static StructType schema(List<String> columns, Function<String, DataType> typeOf) {
    List<StructField> fields = new ArrayList<>();
    for (String c : columns) {
      fields.add(DataTypes.createStructField(c, typeOf.apply(c), true));
    }
    return DataTypes.createStructType(fields);
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
      // Double.toString gives the shortest round-trip digits (BigDecimal.valueOf starts from the
      // same text); only E-notation needs the slower BigDecimal route to plain digits.
      String t = Double.toString(d);
      if (t.indexOf('E') < 0) {
        return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return o.toString();
  }
}
