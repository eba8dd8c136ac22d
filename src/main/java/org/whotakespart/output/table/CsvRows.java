package org.whotakespart.output.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.hadoop.conf.Configuration;

/**
 * One result table's CSV file (RFC 4180, "\n" between rows), its rows written as {@link
 * Tables#format} gives each value. Rows are printed into a string buffer and handed to the file 64
 * KB at a time: a CSV printer writing straight to a file writer makes a call, and takes the
 * writer's lock, for every field and separator (with 2,000 projects, equity's million rows were a
 * third of the time spent on them in such calls).
 *
 * <pre>{@code
 * try (CsvRows csv = CsvRows.create("out/tests.csv", List.of("period", "p_value"), conf)) {
 *   csv.add(List.of("2025-26 Q2", 0.03));
 * }
 * }</pre>
 */
public final class CsvRows implements AutoCloseable {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
  private static final int HAND_OVER_AT = 1 << 16;

  private final String file;
  private final Writer out;
  private final StringBuilder buffer = new StringBuilder(HAND_OVER_AT + (1 << 12));

  private CsvRows(String file, Writer out) {
    this.file = file;
    this.out = out;
  }

  /** A new file (replacing any earlier one) that starts with {@code header}. */
  public static CsvRows create(String file, List<String> header, Configuration conf) {
    CsvRows csv = new CsvRows(file, HadoopFiles.writer(file, conf));
    csv.add(header); // a name is written as it is, as any text value
    return csv;
  }

  /**
   * Adds a row, each value written as {@link Tables#format} gives it; text made inert ({@link
   * CsvText#inert}).
   */
  public void add(List<?> values) {
    boolean first = true;
    try {
      for (Object v : values) {
        FORMAT.print(
            v instanceof CharSequence t ? CsvText.inert(t.toString()) : Tables.format(v),
            buffer,
            first);
        first = false;
      }
      endRow();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private void endRow() throws IOException {
    FORMAT.println(buffer);
    if (buffer.length() >= HAND_OVER_AT) {
      handOver();
    }
  }

  private void handOver() throws IOException {
    out.append(buffer);
    buffer.setLength(0);
  }

  @Override
  public void close() {
    try (Writer w = out) {
      handOver();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private UncheckedIOException failed(IOException e) {
    return new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
  }
}
