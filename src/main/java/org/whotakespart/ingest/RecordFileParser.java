package org.whotakespart.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.whotakespart.validate.IdentifierGuard;

/**
 * Turns one participation file into rows of {@link #SCHEMA}, streaming: each row carries its file
 * and starting line so that any problem can be traced back to the export. Columns may come in any
 * order (matched by {@link CsvFiles#normaliseHeader}); contract columns the file lacks are null. A
 * row with the wrong number of fields is kept, marked malformed. Of the values outside the
 * contract's columns nothing is kept but whether one looks like a direct identifier ({@link
 * RecordColumns#IDENTIFIER_ELSEWHERE}): they never reach an output.
 */
public final class RecordFileParser implements FlatMapFunction<String, Row> {
  private static final long serialVersionUID = 1L;

  public static final StructType SCHEMA = schema();

  private final String charsetName;
  private final HadoopConf conf;
  private final CollectionAccumulator<String> checksums;

  public RecordFileParser(Charset charset) {
    this(charset, new HadoopConf(new Configuration()), null);
  }

  /**
   * @param checksums receives "file TAB sha-256 TAB blank rows" for each file read to its end (a
   *     file read again after a failed task adds the same line again), or null
   */
  public RecordFileParser(
      Charset charset, HadoopConf conf, CollectionAccumulator<String> checksums) {
    this.charsetName = charset.name();
    this.conf = conf;
    this.checksums = checksums;
  }

  private static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(RecordColumns.SOURCE_FILE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(RecordColumns.LINE_NUMBER, DataTypes.LongType, false));
    fields.add(
        DataTypes.createStructField(RecordColumns.MALFORMED_REASON, DataTypes.StringType, true));
    fields.add(
        DataTypes.createStructField(
            RecordColumns.IDENTIFIER_ELSEWHERE, DataTypes.StringType, true));
    for (String c : RecordColumns.CONTRACT) {
      fields.add(DataTypes.createStructField(c, DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }

  @Override
  public Iterator<Row> call(String file) throws IOException {
    Charset charset = Charset.forName(charsetName);
    try {
      MessageDigest digest = checksums == null ? null : sha256();
      Reader reader = CsvFiles.open(file, charset, conf.get(), digest);
      LongConsumer atEnd =
          digest == null
              ? blank -> {}
              : blank ->
                  checksums.add(
                      file + '\t' + HexFormat.of().formatHex(digest.digest()) + '\t' + blank);
      return new Rows(file, charset, conf, CsvFiles.FORMAT.parse(reader), atEnd);
    } catch (IOException e) {
      throw new InputException(CsvFiles.describeReadFailure(file, charset, e, conf.get(), 1), e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** Pulls one CSV record at a time; closes the file when done. */
  private static final class Rows implements Iterator<Row> {
    private final String file;
    private final Charset charset;
    private final HadoopConf conf;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private int[] positions;
    private int headerSize;
    private List<String> header;
    private boolean[] isContract;
    private CSVRecord pending;
    private long pendingLine;

    /**
     * Line the next record starts on; blank lines are read as records, so none is skipped unseen.
     */
    private long nextLine = 1;

    private boolean closed;

    private final LongConsumer atEnd;

    /** Rows of empty fields only (Excel's ",,,,," lines): skipped and counted. */
    private long blank;

    Rows(String file, Charset charset, HadoopConf conf, CSVParser parser, LongConsumer atEnd) {
      this.file = file;
      this.conf = conf;
      this.charset = charset;
      this.parser = parser;
      this.atEnd = atEnd;
      this.records = parser.iterator();
    }

    @Override
    public boolean hasNext() {
      if (pending == null && !closed) {
        advance();
      }
      return pending != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      CSVRecord r = pending;
      pending = null;
      Object[] values = new Object[4 + positions.length];
      values[0] = file;
      values[1] = pendingLine;
      if (r.size() != headerSize) {
        values[2] = "expected " + headerSize + " fields as in the header, found " + r.size();
      }
      values[3] = identifierElsewhere(r);
      for (int i = 0; i < positions.length; i++) {
        int p = positions[i];
        values[4 + i] = p >= 0 && p < r.size() ? r.get(p) : null;
      }
      return RowFactory.create(values);
    }

    private void advance() {
      try {
        if (positions == null) {
          readHeader();
        }
        while (records.hasNext()) {
          CSVRecord r = records.next();
          long line = nextLine;
          nextLine += 1 + countLineBreaks(r);
          if (!isBlankLine(r)) {
            pending = r;
            pendingLine = line;
            return;
          }
          if (r.size() > 1) {
            blank++;
          }
        }
        close();
        atEnd.accept(blank);
      } catch (UncheckedIOException | IllegalStateException e) {
        close();
        throw new InputException(
            CsvFiles.describeReadFailure(file, charset, e, conf.get(), nextLine), e);
      }
    }

    /** An empty line, or a row whose every field is blank (only commas, as Excel leaves them). */
    private static boolean isBlankLine(CSVRecord r) {
      for (String v : r) {
        if (!v.isBlank()) {
          return false;
        }
      }
      return true;
    }

    private void readHeader() {
      List<String> header = new ArrayList<>();
      while (header.isEmpty() && records.hasNext()) {
        CSVRecord h = records.next();
        nextLine += 1 + countLineBreaks(h);
        if (!isBlankLine(h)) {
          h.forEach(name -> header.add(CsvFiles.normaliseHeader(name)));
        }
      }
      this.header = header;
      headerSize = header.size();
      isContract = new boolean[headerSize];
      for (int i = 0; i < headerSize; i++) {
        isContract[i] = RecordColumns.CONTRACT.contains(header.get(i));
      }
      positions = new int[RecordColumns.CONTRACT.size()];
      for (int i = 0; i < positions.length; i++) {
        positions[i] = header.indexOf(RecordColumns.CONTRACT.get(i));
      }
    }

    /** "column: kind" for the first value outside the contract's columns that the guard refuses. */
    private String identifierElsewhere(CSVRecord r) {
      for (int i = 0; i < r.size(); i++) {
        if (i < isContract.length && isContract[i]) {
          continue; // checked with the row's other values (RowChecker)
        }
        var kind = IdentifierGuard.kindOf(r.get(i));
        if (kind.isPresent()) {
          String column =
              i < header.size() && !header.get(i).isEmpty()
                  ? header.get(i)
                  : "field " + (i + 1) + " (beyond the header)";
          return column + ": " + kind.get();
        }
      }
      return null;
    }

    private static long countLineBreaks(CSVRecord r) {
      long n = 0;
      for (String v : r) {
        for (int i = 0; i < v.length(); i++) {
          if (v.charAt(i) == '\n') {
            n++;
          }
        }
      }
      return n;
    }

    private void close() {
      if (!closed) {
        closed = true;
        try {
          parser.close();
        } catch (IOException ignored) {
          // Reading is finished; a failure to close a read-only file loses nothing.
        }
      }
    }
  }
}
