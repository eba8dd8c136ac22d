package org.whotakespart.ingest;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Suggestions;

/**
 * Reads and checks a normalised baselines file; every problem names the file, the line and the fix.
 */
public final class BaselinesReader {
  private BaselinesReader() {}

  /** A baseline row's identity: no two rows of the files read together may share it. */
  private record Key(
      String baseline, String area, String characteristic, String category, int minAge) {}

  /** Reads several baseline files as one; a row repeated in another file is an error too. */
  public static List<BaselineRow> readAll(List<String> files, Charset charset, Configuration conf) {
    List<BaselineRow> rows = new ArrayList<>();
    Map<Key, String> seen = new HashMap<>();
    for (String file : files) {
      rows.addAll(read(file, charset, conf, seen));
    }
    return rows;
  }

  public static List<BaselineRow> read(String file, Charset charset, Configuration conf) {
    return read(file, charset, conf, new HashMap<>());
  }

  private static List<BaselineRow> read(
      String file, Charset charset, Configuration conf, Map<Key, String> seen) {
    List<BaselineRow> rows = new ArrayList<>();
    List<String> characteristics =
        Arrays.stream(Characteristic.values()).map(Characteristic::code).toList();
    for (CsvTable.Line line :
        CsvTable.read(
            file,
            charset,
            conf,
            "baselines",
            BaselineColumns.ALL.subList(0, 7),
            BaselineColumns.ALL)) {
      rows.add(row(line, file + " line " + line.number(), characteristics, seen));
    }
    checkComplete(file, rows);
    return rows;
  }

  /** One line as a baseline row, checked in the order the columns are read. */
  private static BaselineRow row(
      CsvTable.Line line, String where, List<String> characteristics, Map<Key, String> seen) {
    String baseline = line.get(BaselineColumns.BASELINE);
    String area = line.get(BaselineColumns.AREA_CODE);
    if (baseline.isEmpty() || area.isEmpty()) {
      throw new InputException(where + ": baseline and area_code must not be blank");
    }
    String characteristicCode = line.get(BaselineColumns.CHARACTERISTIC);
    String category = line.get(BaselineColumns.CATEGORY);
    checkCategory(where, characteristicCode, category, characteristics);
    int minAge =
        parseWhole(
            line.get(BaselineColumns.MIN_AGE),
            where,
            "min_age",
            "the youngest age the count covers, e.g. 0 or 16");
    long population =
        parseWhole(
            line.get(BaselineColumns.POPULATION),
            where,
            "population",
            "a count of people, 0 or more, without commas");
    Key key = new Key(baseline, area, characteristicCode, category, minAge);
    String earlier = seen.putIfAbsent(key, where);
    if (earlier != null) {
      throw new InputException(
          where
              + ": repeats "
              + earlier
              + " (same baseline, area,"
              + " characteristic, category and min_age); keep one of them");
    }
    return new BaselineRow(
        baseline,
        area,
        line.get(BaselineColumns.AREA_NAME),
        characteristicCode,
        category,
        minAge,
        population,
        line.get(BaselineColumns.SOURCE));
  }

  /** The characteristic must be one of the contract's, and the category one of its categories. */
  private static void checkCategory(
      String where, String characteristicCode, String category, List<String> characteristics) {
    Optional<Characteristic> characteristic = Characteristic.fromCode(characteristicCode);
    if (characteristic.isEmpty()) {
      throw new InputException(
          where
              + ": unknown characteristic '"
              + characteristicCode
              + "'"
              + Suggestions.didYouMean(characteristicCode, characteristics)
              + "; use one of "
              + characteristics);
    }
    if (characteristic.get().indexOf(category) < 0) {
      throw new InputException(
          where
              + ": '"
              + category
              + "' is not a category of "
              + characteristicCode
              + Suggestions.didYouMean(category, characteristic.get().categoryCodes())
              + "; use one of "
              + characteristic.get().categoryCodes());
    }
  }

  /**
   * Every area's figures for a characteristic must name each of its categories (0 where nobody is
   * in one) and must not all be 0: a missing category would silently raise every other share.
   */
  static void checkComplete(String file, List<BaselineRow> rows) {
    Map<String, Map<String, Long>> groups = new TreeMap<>();
    for (BaselineRow r : rows) {
      groups
          .computeIfAbsent(
              String.join(
                  " / ", r.baseline(), r.areaCode(), r.characteristic(), "min_age " + r.minAge()),
              k -> new HashMap<>())
          .put(r.category(), r.population());
    }
    for (Map.Entry<String, Map<String, Long>> g : groups.entrySet()) {
      String[] key = g.getKey().split(" / ");
      Characteristic c = Characteristic.fromCode(key[2]).orElseThrow();
      int minAge = Integer.parseInt(key[3].substring("min_age ".length()));
      List<String> missing =
          c.categoryCodes().stream()
              .filter(cat -> !g.getValue().containsKey(cat))
              .filter(cat -> !(cat.equals("under_16") && minAge >= 16))
              .toList();
      if (!missing.isEmpty()) {
        throw new InputException(
            file
                + ": "
                + g.getKey()
                + " has no row for "
                + missing
                + "; add a row with population 0 where nobody is in a category");
      }
      if (g.getValue().values().stream().mapToLong(Long::longValue).sum() == 0) {
        throw new InputException(
            file
                + ": "
                + g.getKey()
                + " has no population in any category;"
                + " give the counts or remove the rows");
      }
    }
  }

  private static int parseWhole(String v, String where, String column, String expected) {
    try {
      long n = Long.parseLong(v);
      if (n >= 0 && n <= Integer.MAX_VALUE) {
        return (int) n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new InputException(where + ": " + column + " '" + v + "' is not valid; give " + expected);
  }
}
