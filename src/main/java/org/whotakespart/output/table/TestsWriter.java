package org.whotakespart.output.table;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.stats.TestRow;

/** Writes the whole-characteristic tests as {@code tests.csv} and {@code tests.parquet}. */
public final class TestsWriter {
  public static final List<String> COLUMNS =
      Tables.scopeColumns(
          "characteristic",
          "participants",
          "categories",
          "statistic",
          "degrees_of_freedom",
          "p_value",
          "method",
          "min_expected");

  public static final StructType SCHEMA = schema();

  private TestsWriter() {}

  private static StructType schema() {
    return Tables.schema(
        COLUMNS,
        c ->
            switch (c) {
              case "participants" -> DataTypes.LongType;
              case "categories", "degrees_of_freedom" -> DataTypes.IntegerType;
              case "statistic", "p_value", "min_expected" -> DataTypes.DoubleType;
              default -> DataTypes.StringType;
            });
  }

  static List<Object> values(TestRow r) {
    List<Object> v = Tables.scopeRow(r.period(), r.scopeType(), r.scopeId(), r.scopeName());
    v.add(r.characteristic());
    v.add(r.participants());
    v.add(r.categories());
    v.add(r.statistic());
    v.add(r.degreesOfFreedom());
    v.add(r.pValue());
    v.add(r.method());
    v.add(r.minExpected());
    return v;
  }

  /** tests.csv and tests.parquet; returns the paths written. */
  public static List<String> write(SparkSession spark, List<TestRow> rows, String folder) {
    return Tables.write(
        spark, COLUMNS, SCHEMA, rows.stream().map(TestsWriter::values).toList(), folder, "tests");
  }
}
