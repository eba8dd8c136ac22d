package org.whotakespart.output.table;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A large result table written as its rows are made: each row goes to the CSV and to the Parquet
 * folder at once, so the driver never holds the whole table (with 2,000 projects and 9 quarters the
 * trends run to millions of rows). Same formatting as {@link Tables}.
 */
public final class ChunkedTable implements AutoCloseable {
  private final ParquetFiles.Folder parquet;
  private final CsvRows csv;
  private final List<String> files;
  private long rows;

  public ChunkedTable(
      SparkSession spark,
      List<String> header,
      StructType schema,
      String csvFile,
      String parquetFolder) {
    this.parquet =
        ParquetFiles.create(parquetFolder, schema, spark.sparkContext().hadoopConfiguration());
    this.csv = CsvRows.create(csvFile, header, spark.sparkContext().hadoopConfiguration());
    this.files = List.of(csvFile, parquetFolder);
  }

  /** The CSV file and the Parquet folder it writes. */
  public List<String> files() {
    return files;
  }

  public void add(List<Object> values) {
    csv.add(values);
    parquet.add(values);
    rows++;
  }

  public long rows() {
    return rows;
  }

  @Override
  public void close() {
    parquet.close();
    csv.close();
  }
}
