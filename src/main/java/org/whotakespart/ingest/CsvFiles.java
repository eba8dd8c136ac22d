package org.whotakespart.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Opens the contract's CSV files: any Hadoop file system, the declared encoding enforced (bad bytes
 * are an error, never replacement characters), a byte-order mark dropped, CRLF or LF.
 */
public final class CsvFiles {
  /**
   * RFC 4180. Blank lines are read as one-empty-field records (and skipped by the readers) so that
   * line numbers stay exact; values are kept as written and trimmed later.
   */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setIgnoreEmptyLines(false)
      .get();

  private CsvFiles() {}

  /** A reader that fails on bytes not valid in {@code charset} and skips a leading BOM. */
  public static Reader open(String file, Charset charset, Configuration conf) throws IOException {
    return open(file, charset, conf, null);
  }

  /** As {@link #open(String, Charset, Configuration)}, feeding every byte read to {@code digest}. */
  public static Reader open(String file, Charset charset, Configuration conf,
      java.security.MessageDigest digest) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(conf);
    InputStream in = fs.open(path);
    if (digest != null) {
      in = new java.security.DigestInputStream(in, digest);
    }
    Reader decoded = new InputStreamReader(in, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
    PushbackReader r = new PushbackReader(new BufferedReader(decoded, 1 << 16), 1);
    int first = r.read();
    if (first != -1 && first != '\uFEFF') {
      r.unread(first);
    }
    return r;
  }

  /** A header name as the contract matches it: trimmed, lower case, BOM removed. */
  public static String normaliseHeader(String name) {
    return name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
  }

  /** Reads just the header row of a file, normalised; empty when the file has no rows at all. */
  public static List<String> readHeader(String file, Charset charset, Configuration conf) {
    try (Reader r = open(file, charset, conf); CSVParser p = FORMAT.parse(r)) {
      for (CSVRecord header : p) {
        if (header.size() == 1 && header.get(0).isBlank()) {
          continue;
        }
        List<String> names = new ArrayList<>();
        header.forEach(h -> names.add(normaliseHeader(h)));
        return names;
      }
      return List.of();
    } catch (IOException | RuntimeException e) {
      throw new InputException(describeReadFailure(file, charset, e), e);
    }
  }

  /** A plain reason for a failure to read a file, with the fix. */
  public static String describeReadFailure(String file, Charset charset, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof java.nio.charset.CharacterCodingException) {
      return file + ": the bytes are not valid " + charset.name() + " text; save the file as "
          + "UTF-8, or name its encoding with --encoding (e.g. windows-1252 for files saved by Excel)";
    }
    if (root instanceof java.io.FileNotFoundException) {
      return file + ": file not found; check the path";
    }
    return file + ": cannot be read as CSV (" + root.getMessage() + "); check that it is a CSV"
        + " file with one header row and quotes that close";
  }
}
