package org.whotakespart.output.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A large result table written as its rows are made: each row goes to the CSV and to the Parquet
 * folder at once, so the driver never holds the whole table (with 2,000 projects and 9 quarters
 * the trends run to millions of rows). Same formatting as {@link Tables}.
 */
public final class ChunkedTable implements AutoCloseable {
  private final ParquetFiles.Folder parquet;
  private final CSVPrinter csv;
  private long rows;

  public ChunkedTable(SparkSession spark, List<String> header, StructType schema, String csvFile,
      String parquetFolder) {
    this.parquet = ParquetFiles.create(parquetFolder, schema,
        spark.sparkContext().hadoopConfiguration());
    try {
      Writer w = HadoopFiles.writer(csvFile, spark.sparkContext().hadoopConfiguration());
      this.csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
      csv.printRecord(header);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + csvFile + ": " + e.getMessage(), e);
    }
  }

  public void add(List<Object> values) {
    try {
      List<String> text = new ArrayList<>(values.size());
      for (Object o : values) {
        text.add(Tables.format(o));
      }
      csv.printRecord(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    parquet.add(values);
    rows++;
  }

  public long rows() {
    return rows;
  }

  @Override
  public void close() {
    parquet.close();
    try {
      csv.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
