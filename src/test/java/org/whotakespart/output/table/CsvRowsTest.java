package org.whotakespart.output.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {
  @TempDir Path dir;

  @Test
  void rowsPastManyHandOversReadBackAsWritten() throws Exception {
    // 5,000 rows of about 60 characters: the buffer is handed to the file several times, and
    // quotes, commas and line breaks must survive the joins.
    Path file = dir.resolve("t.csv");
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      rows.add(
          Arrays.asList(
              "row " + i,
              i % 7 == 0 ? "say \"hi\", then\nleave" : "plain",
              i * 0.1,
              i % 11 == 0 ? null : (long) i,
              1e-7 * i));
    }
    try (CsvRows csv =
        CsvRows.create(
            file.toString(), List.of("name", "text", "x", "n", "small"), new Configuration())) {
      rows.forEach(csv::add);
    }
    List<CSVRecord> back;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      back =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(r)
              .getRecords();
    }
    assertEquals(5000, back.size());
    for (int i = 0; i < rows.size(); i++) {
      for (int c = 0; c < 5; c++) {
        assertEquals(
            Tables.format(rows.get(i).get(c)), back.get(i).get(c), "row " + i + " col " + c);
      }
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(
        "name,text,x,n,small\nrow 0,\"say \"\"hi\"\", then\nleave\",0,,0\nrow 1,plain,0.1,1,",
        text.substring(0, text.indexOf("0.0000001")));
  }
}
