package org.whotakespart.output.table;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.stats.PeopleRow;

/** Writes distinct people per scope and role as {@code people.csv} and {@code people.parquet}. */
public final class PeopleWriter {
  public static final List<String> COLUMNS = Tables.scopeColumns("role", "people");
  public static final StructType SCHEMA =
      Tables.schema(COLUMNS, c -> c.equals("people") ? DataTypes.LongType : DataTypes.StringType);

  private PeopleWriter() {}

  /** people.csv and people.parquet; returns the paths written. */
  public static List<String> write(SparkSession spark, List<PeopleRow> rows, String folder) {
    return Tables.write(
        spark,
        COLUMNS,
        SCHEMA,
        rows.stream()
            .map(
                r ->
                    List.<Object>of(
                        r.period(),
                        r.scopeType().code(),
                        r.scopeId(),
                        r.scopeName(),
                        r.role(),
                        r.people()))
            .toList(),
        folder,
        "people");
  }
}
