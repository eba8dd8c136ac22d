package org.whotakespart.output.table;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.ingest.BaselineColumns;
import org.whotakespart.ingest.BaselineRow;

/** Writes normalised baselines (data-contract.md §3). */
public final class BaselinesWriter {
  private BaselinesWriter() {}

  public static void write(List<BaselineRow> rows, String file, Configuration conf) {
    try (Writer w = new OutputStreamWriter(HadoopFiles.create(file, conf), StandardCharsets.UTF_8);
        CSVPrinter p =
            new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      p.printRecord(BaselineColumns.ALL);
      for (BaselineRow r : rows) {
        p.printRecord(
            r.baseline(),
            r.areaCode(),
            r.areaName(),
            r.characteristic(),
            r.category(),
            r.minAge(),
            r.population(),
            r.source());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
