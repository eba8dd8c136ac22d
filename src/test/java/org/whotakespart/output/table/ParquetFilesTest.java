package org.whotakespart.output.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.testing.StartsSpark;
import org.whotakespart.testing.TestSpark;

/** Parquet written from the driver's rows reads back in Spark with the same types and values. */
@StartsSpark
class ParquetFilesTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("scope", "string")
          .add("people", "long")
          .add("index", "int")
          .add("share", "double")
          .add("flag", "boolean");

  @Test
  void rowsReadBackInSparkWithTheirTypesAndNulls(@TempDir Path dir) throws Exception {
    List<List<Object>> rows =
        List.of(
            Arrays.asList("Sheffield — Ħ", 12L, 3, 0.07999999999999999, true),
            Arrays.asList(null, null, null, null, null),
            Arrays.asList("=SUM(1+1)", 0L, -1, -0.0, false));
    String folder = dir.resolve("t.parquet").toString();
    ParquetFiles.write(
        folder, SCHEMA, rows, TestSpark.session().sparkContext().hadoopConfiguration());
    var read = TestSpark.session().read().parquet(folder);
    assertEquals(SCHEMA.simpleString(), read.schema().asNullable().simpleString());
    List<Row> back = read.collectAsList();
    assertEquals(3, back.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = back.get(i);
      for (int c = 0; c < SCHEMA.size(); c++) {
        assertEquals(rows.get(i).get(c), r.get(c), "row " + i + " column " + c);
      }
    }
    assertTrue(Files.exists(dir.resolve("t.parquet/_SUCCESS")));
  }

  @Test
  void aLongTableIsSplitIntoFilesAndAnOldFolderIsReplaced(@TempDir Path dir) throws Exception {
    String folder = dir.resolve("big.parquet").toString();
    var conf = TestSpark.session().sparkContext().hadoopConfiguration();
    ParquetFiles.write(folder, SCHEMA, List.of(Arrays.asList("old", 1L, 1, 1.0, true)), conf);
    long n = ParquetFiles.ROWS_PER_FILE + 5;
    try (ParquetFiles.Folder f = ParquetFiles.create(folder, SCHEMA, conf)) {
      for (long i = 0; i < n; i++) {
        f.add(Arrays.asList("s", i, (int) (i % 7), i / 2.0, i % 2 == 0));
      }
    }
    List<String> parts = new ArrayList<>();
    try (var s = Files.list(dir.resolve("big.parquet"))) {
      s.map(p -> p.getFileName().toString())
          .filter(x -> x.endsWith(".parquet"))
          .sorted()
          .forEach(parts::add);
    }
    assertEquals(List.of("part-00000.snappy.parquet", "part-00001.snappy.parquet"), parts);
    var read = TestSpark.session().read().parquet(folder);
    assertEquals(n, read.count());
    Row sums = read.selectExpr("sum(people)", "min(scope)").first();
    assertArrayEquals(new Object[] {n * (n - 1) / 2, "s"}, new Object[] {sums.get(0), sums.get(1)});
  }
}
