package org.whotakespart.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.config.Suggestions;
import org.whotakespart.validate.IdentifierGuard;

/**
 * A small contract CSV (projects, baselines) read whole on the driver: header matched
 * case-insensitively, required columns checked, each row kept with its line number for errors.
 */
public final class CsvTable {
  /** One data row: its line in the file and its values by normalised column name. */
  public record Line(long number, Map<String, String> values) {
    /** The trimmed value, or "" when the column is absent or blank. */
    public String get(String column) {
      String v = values.get(column);
      return v == null ? "" : v.trim();
    }
  }

  private CsvTable() {}

  public static List<Line> read(
      String file,
      Charset charset,
      Configuration conf,
      String what,
      List<String> required,
      List<String> known) {
    List<Line> lines = new ArrayList<>();
    try (Reader r = CsvFiles.open(file, charset, conf);
        CSVParser p = CsvFiles.FORMAT.parse(r)) {
      List<String> header = null;
      long line = 1;
      for (CSVRecord rec : p) {
        long start = line;
        for (String v : rec) {
          line += v.chars().filter(c -> c == '\n').count();
        }
        line++;
        if (rec.size() == 1 && rec.get(0).isBlank()) {
          continue;
        }
        if (header == null) {
          List<String> names = new ArrayList<>();
          rec.forEach(h -> names.add(CsvFiles.normaliseHeader(h)));
          checkColumns(file, what, names, required, known);
          header = names;
          continue;
        }
        if (rec.size() != header.size()) {
          throw new InputException(
              file
                  + " line "
                  + start
                  + ": expected "
                  + header.size()
                  + " fields as in the header, found "
                  + rec.size()
                  + "; quote values that contain"
                  + " commas");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), rec.get(i));
        }
        lines.add(new Line(start, values));
      }
      if (header == null) {
        throw new InputException(
            file + ": the " + what + " file is empty; it needs a header row" + " with " + required);
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new InputException(CsvFiles.describeReadFailure(file, charset, e, conf, -1), e);
    }
    return lines;
  }

  private static void checkColumns(
      String file, String what, List<String> header, List<String> required, List<String> known) {
    List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      List<String> unknown = header.stream().filter(h -> !known.contains(h)).toList();
      throw new InputException(
          file
              + ": the "
              + what
              + " file is missing column"
              + missingColumns(missing, unknown)
              + "; expected "
              + known
              + ", "
              + IdentifierGuard.describeHeader(header, known));
    }
  }

  /**
   * The end of a missing-column message: "s a, b" or " a", then a did-you-mean for each missing
   * column that an unknown one nearly spells.
   */
  static String missingColumns(List<String> missing, List<String> unknown) {
    StringBuilder hints = new StringBuilder();
    for (String m : missing) {
      Suggestions.nearest(m, unknown)
          .ifPresent(
              u -> hints.append("; ").append(u).append(": did you mean ").append(m).append('?'));
    }
    return (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + hints;
  }
}
