package org.whotakespart.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.config.Suggestions;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.ingest.CsvFiles;
import org.whotakespart.ingest.InputException;

/**
 * Maps the spellings real exports use to the contract's codes, per column. Keys are compared after
 * {@link #normalise}: case, spaces, hyphens and punctuation do not matter ("White - British",
 * "white british" and "WHITE_BRITISH" are one key). The contract's own codes always map to
 * themselves; the alias table ({@code src/main/resources/org/whotakespart/validate/aliases.csv},
 * {@code column,alias,code}, {@code *} for every column that accepts "prefer not to say") adds the
 * rest. A value with no entry is never guessed.
 */
public final class Aliases implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String DEFAULT_TABLE = "aliases.csv";
  private static final CSVFormat TABLE_FORMAT =
      CsvFiles.FORMAT.builder().setCommentMarker('#').get();

  private final Map<String, Map<String, String>> byColumn;

  private Aliases(Map<String, Map<String, String>> byColumn) {
    this.byColumn = byColumn;
  }

  /** The contract's codes and the shipped alias table. */
  public static Aliases defaults() {
    try (InputStream in = Aliases.class.getResourceAsStream(DEFAULT_TABLE)) {
      if (in == null) {
        throw new IllegalStateException("the built-in alias table is missing from the build");
      }
      return read("the built-in alias table", new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contract's codes and the aliases in {@code file}. */
  public static Aliases load(String file, Charset charset, Configuration conf) {
    try {
      return read(file, CsvFiles.open(file, charset, conf));
    } catch (IOException e) {
      throw new InputException(CsvFiles.describeReadFailure(file, charset, e), e);
    }
  }

  /** Only the contract's own codes (and "prefer not to say" where it is allowed). */
  static Map<String, Map<String, String>> contractCodes() {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : Vocabulary.codedColumns().entrySet()) {
      Map<String, String> codes = new HashMap<>();
      for (String code : e.getValue()) {
        codes.put(normalise(code), code);
      }
      if (Vocabulary.acceptsPreferNotToSay(e.getKey())) {
        codes.put(normalise(Vocabulary.PREFER_NOT_TO_SAY), Vocabulary.PREFER_NOT_TO_SAY);
      }
      m.put(e.getKey(), codes);
    }
    return m;
  }

  private static Aliases read(String name, Reader reader) throws IOException {
    Map<String, Map<String, String>> m = contractCodes();
    Map<Spelling, String> where = new HashMap<>();
    try (Reader r = reader;
        CSVParser p = TABLE_FORMAT.parse(r)) {
      boolean header = true;
      for (CSVRecord rec : p) {
        if (rec.size() == 1 && rec.get(0).isBlank()) {
          continue;
        }
        String line = name + " line " + rec.getParser().getCurrentLineNumber();
        if (header) {
          header = false;
          List<String> h = rec.stream().map(CsvFiles::normaliseHeader).toList();
          if (!h.equals(List.of("column", "alias", "code"))) {
            throw new InputException(name + ": the header must be column,alias,code; found " + h);
          }
          continue;
        }
        if (rec.size() != 3) {
          throw new InputException(
              line
                  + ": expected column,alias,code; found "
                  + rec.size()
                  + " fields (quote an alias that contains a comma)");
        }
        add(m, where, line, rec.get(0).trim(), rec.get(1).trim(), rec.get(2).trim());
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new InputException(name + ": cannot be read as CSV (" + e.getMessage() + ")", e);
    }
    return new Aliases(m);
  }

  /** A column's alias, normalised: where it was first mapped is kept to name it in an error. */
  private record Spelling(String column, String alias) {}

  private static void add(
      Map<String, Map<String, String>> m,
      Map<Spelling, String> where,
      String line,
      String column,
      String alias,
      String code) {
    List<String> columns = new ArrayList<>();
    if (column.equals("*")) {
      m.keySet().stream().filter(Vocabulary::acceptsPreferNotToSay).forEach(columns::add);
    } else if (m.containsKey(column)) {
      columns.add(column);
    } else {
      throw new InputException(
          line
              + ": '"
              + column
              + "' is not a coded column"
              + Suggestions.didYouMean(column, m.keySet())
              + "; use one of "
              + m.keySet()
              + " or *");
    }
    String key = normalise(alias);
    if (key.isEmpty()) {
      throw new InputException(line + ": the alias is blank");
    }
    for (String c : columns) {
      Map<String, String> codes = m.get(c);
      if (!codes.containsValue(code)) {
        throw new InputException(
            line
                + ": '"
                + code
                + "' is not a code of "
                + c
                + Suggestions.didYouMean(code, codes.values())
                + "; the codes are "
                + new TreeSet<>(codes.values()));
      }
      String existing = codes.get(key);
      if (existing != null && !existing.equals(code)) {
        String earlier = where.getOrDefault(new Spelling(c, key), "the contract's own codes");
        throw new InputException(
            line
                + ": '"
                + alias
                + "' already maps "
                + c
                + " to '"
                + existing
                + "' ("
                + earlier
                + "); one spelling must mean one code");
      }
      codes.put(key, code);
      where.putIfAbsent(new Spelling(c, key), line);
    }
  }

  /** Lower case, every run of characters other than letters and digits made one underscore. */
  public static String normalise(String value) {
    return value
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", "_")
        .replaceAll("^_+|_+$", "");
  }

  /** Normalised spelling to code, for one column. */
  public Map<String, String> forColumn(String column) {
    return byColumn.getOrDefault(column, Map.of());
  }

  public List<String> columns() {
    return List.copyOf(byColumn.keySet());
  }
}
