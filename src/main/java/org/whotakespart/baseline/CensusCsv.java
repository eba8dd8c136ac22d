package org.whotakespart.baseline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.whotakespart.ingest.CsvFiles;
import org.whotakespart.ingest.CsvTable;
import org.whotakespart.ingest.InputException;

/** The Census small-area CSV files, plain or gzipped as the ONS and Nomis publish them. */
final class CensusCsv {
  private CensusCsv() {}

  /**
   * Calls {@code each} for every data row of a CSV file, plain or gzipped ({@code .gz}), header
   * matched case-insensitively; a missing required column stops with the file's name.
   */
  static void forEachLine(
      String file,
      Configuration conf,
      String what,
      List<String> required,
      Consumer<CsvTable.Line> each) {
    if (!file.endsWith(".gz")) {
      CsvTable.read(file, StandardCharsets.UTF_8, conf, what, required, List.of()).forEach(each);
      return;
    }
    Path path = new Path(file);
    try (Reader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(path.getFileSystem(conf).open(path)),
                    StandardCharsets.UTF_8),
                1 << 16);
        CSVParser p = CsvFiles.FORMAT.parse(in)) {
      List<String> header = null;
      long number = 0;
      for (CSVRecord rec : p) {
        number++;
        if (header == null) {
          header = new ArrayList<>();
          for (String h : rec) {
            header.add(CsvFiles.normaliseHeader(h));
          }
          for (String r : required) {
            if (!header.contains(r)) {
              throw new InputException(file + ": the " + what + " file has no column '" + r + "'");
            }
          }
          continue;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size() && i < rec.size(); i++) {
          values.put(header.get(i), rec.get(i));
        }
        each.accept(new CsvTable.Line(number, values));
      }
    } catch (IOException e) {
      throw new InputException(
          file + ": cannot read it as a gzipped CSV file (" + e.getMessage() + ")");
    }
  }
}
