package org.whotakespart.ingest;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.security.DigestInputStream;
import java.security.MessageDigest;
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
  public static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private CsvFiles() {}

  /** A reader that fails on bytes not valid in {@code charset} and skips a leading BOM. */
  public static Reader open(String file, Charset charset, Configuration conf) throws IOException {
    return open(file, charset, conf, null);
  }

  /**
   * As {@link #open(String, Charset, Configuration)}, feeding every byte read to {@code digest}.
   */
  public static Reader open(String file, Charset charset, Configuration conf, MessageDigest digest)
      throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(conf);
    InputStream in = fs.open(path);
    if (digest != null) {
      in = new DigestInputStream(in, digest);
    }
    Reader decoded =
        new InputStreamReader(
            in,
            charset
                .newDecoder()
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
    String kind = sniff(file, conf);
    if ("xlsx".equals(kind) || "xls".equals(kind)) {
      throw new InputException(notText(file, kind));
    }
    try (Reader r = open(file, charset, conf);
        CSVParser p = FORMAT.parse(r)) {
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
      throw new InputException(describeReadFailure(file, charset, e, conf, 1), e);
    }
  }

  /** A plain reason for a failure to read a file, with the fix. */
  public static String describeReadFailure(String file, Charset charset, Throwable e) {
    return describeReadFailure(file, charset, e, null, -1);
  }

  /**
   * A plain reason for a failure to read a file, with the fix, in one line: the file, the line
   * where known, and what to do. With {@code conf}, a file that cannot be decoded is looked at
   * again: an Excel workbook or UTF-16 text is named as such, the line of the first bad byte is
   * found, and an encoding that reads the whole file is suggested.
   *
   * @param line the line the record being read starts on, or -1
   */
  public static String describeReadFailure(
      String file, Charset charset, Throwable e, Configuration conf, long line) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String at = line > 0 ? file + " line " + line : file;
    if (root instanceof CharacterCodingException) {
      return notValidText(file, charset, conf, at);
    }
    if (root instanceof FileNotFoundException) {
      return file + ": file not found; check the path";
    }
    String m = String.valueOf(root.getMessage());
    if (m.contains("EOF reached before encapsulated token finished")) {
      return at
          + ": a quoted value is never closed (a \" starts a value and no \" ends it before"
          + " the end of the file); close the quote, or remove it";
    }
    if (m.contains("Invalid character between encapsulated token and delimiter")) {
      return at
          + ": a quoted value is followed by other characters before the next comma; put"
          + " the whole value in quotes and write a quote inside it as two (\"\")";
    }
    return at
        + ": cannot be read as CSV ("
        + root.getClass().getSimpleName()
        + "); check that it"
        + " is a CSV file with one header row and quotes that close";
  }

  /**
   * The bytes are not text in {@code charset}: the file is another kind (a workbook, UTF-16), or
   * the first bad line, and the encoding the whole file reads in if there is one.
   */
  private static String notValidText(String file, Charset charset, Configuration conf, String at) {
    if (conf == null) {
      return file
          + ": the bytes are not valid "
          + charset.name()
          + " text; save the file as "
          + "UTF-8, or name its encoding with --encoding (e.g. windows-1252 for files saved by"
          + " Excel)";
    }
    String kind = sniff(file, conf);
    if (kind != null && !(kind.equals("UTF-16") && charset.name().startsWith("UTF-16"))) {
      return notText(file, kind);
    }
    long bad = firstBadLine(file, charset, conf);
    String fits = null;
    for (String candidate : List.of("UTF-8", "windows-1252")) {
      if (!candidate.equalsIgnoreCase(charset.name())
          && firstBadLine(file, Charset.forName(candidate), conf) == 0) {
        fits = candidate;
        break;
      }
    }
    return (bad > 0 ? file + " line " + bad : at)
        + ": the bytes are not valid "
        + charset.name()
        + " text; "
        + (fits == null
            ? "save the file as 'CSV UTF-8', or name its encoding with --encoding"
            : "the whole file reads as "
                + fits
                + ": run again with --encoding "
                + fits
                + ", or save the file as 'CSV UTF-8'");
  }

  private static String notText(String file, String kind) {
    return switch (kind) {
      case "xlsx" ->
          file
              + ": this is an Excel workbook (.xlsx), not a CSV file; open it in Excel"
              + " and save it as 'CSV UTF-8 (Comma delimited)'";
      case "xls" ->
          file
              + ": this is an Excel 97-2003 workbook (.xls), not a CSV file; open it in"
              + " Excel and save it as 'CSV UTF-8 (Comma delimited)'";
      default ->
          file
              + ": the file is UTF-16 text (Excel's 'Unicode Text'), not CSV in the"
              + " declared encoding; save it as 'CSV UTF-8 (Comma delimited)', or run again with"
              + " --encoding UTF-16";
    };
  }

  /** "xlsx", "xls" or "UTF-16" from a file's first bytes, or null for anything else. */
  static String sniff(String file, Configuration conf) {
    byte[] b = new byte[512];
    int n = 0;
    try (InputStream in = new Path(file).getFileSystem(conf).open(new Path(file))) {
      for (int r; n < b.length && (r = in.read(b, n, b.length - n)) > 0; ) {
        n += r;
      }
    } catch (IOException | RuntimeException e) {
      return null; // reading it will fail again and say why
    }
    if (n >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
      return "xlsx";
    }
    if (n >= 4
        && (b[0] & 0xFF) == 0xD0
        && (b[1] & 0xFF) == 0xCF
        && b[2] == 0x11
        && (b[3] & 0xFF) == 0xE0) {
      return "xls";
    }
    if (n >= 2
        && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE
            || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
      return "UTF-16";
    }
    int zeros = 0;
    for (int i = 0; i < n; i++) {
      zeros += b[i] == 0 ? 1 : 0;
    }
    return n > 0 && zeros * 4 >= n ? "UTF-16" : null;
  }

  /** The line of the first byte not valid in {@code charset}, or 0 when the whole file is. */
  static long firstBadLine(String file, Charset charset, Configuration conf) {
    CharsetDecoder d =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    long line = 1;
    try (InputStream in = new Path(file).getFileSystem(conf).open(new Path(file))) {
      boolean end = false;
      while (true) {
        int r = end ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (r < 0) {
          end = true;
        } else {
          bytes.position(bytes.position() + r);
        }
        bytes.flip();
        CoderResult result = d.decode(bytes, chars, end);
        chars.flip();
        while (chars.hasRemaining()) {
          if (chars.get() == '\n') {
            line++;
          }
        }
        chars.clear();
        if (result.isError()) {
          return line;
        }
        bytes.compact();
        if (end && !result.isOverflow()) {
          return 0;
        }
      }
    } catch (IOException e) {
      return -1;
    }
  }
}
