package org.whotakespart.baseline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.CsvTable;
import org.whotakespart.ingest.InputException;

/**
 * Builds the normalised {@code census2021} baseline (data-contract.md §3) for every local authority
 * from the real ONS Census 2021 files (see {@code sample-data/census-2021/SOURCES.md}).
 *
 * <ul>
 *   <li>Long files (one row per area and category, maybe crossed with a second variable that is
 *       summed away): ethnic group TS021, religion TS030, sex TS008, and at 16+ gender identity,
 *       sexual orientation, disability and unpaid care from the multivariate tables.
 *   <li>The wide single-year-of-age file TS007, summed into the contract's age bands exactly, for
 *       residents of all ages, aged 16+ and aged 18+.
 * </ul>
 *
 * "Does not apply" rows are dropped (always 0) and "Not answered" is kept out of the denominators,
 * as statistics.md requires; a label the importer does not know stops it, naming the file. Regions
 * (from the ONS lookup), England, Wales and England and Wales are added as sums of their areas.
 */
public final class CensusImporter {
  public static final String BASELINE = "census2021";
  static final String OGL =
      "Source: Office for National Statistics licensed under the Open Government Licence v.3.0";
  private static final List<String> SKIPPED = List.of("Does not apply", "Not answered");

  /** A long-format table: which column holds the category and how its labels map to codes. */
  record LongTable(
      String file,
      String table,
      Characteristic characteristic,
      int minAge,
      String categoryColumn,
      Map<String, String> codes) {}

  private CensusImporter() {}

  /** Every baseline row the files in {@code folder} allow, in a stable order. */
  public static List<BaselineRow> importFolder(String folder, Configuration conf) {
    return importWithReport(folder, conf).rows();
  }

  /**
   * The rows, and per table the "Not answered" people left out of the denominators (England and
   * Wales, summed over the local authorities), which the import reports.
   */
  public record Imported(List<BaselineRow> rows, Map<String, Long> notAnswered) {}

  public static Imported importWithReport(String folder, Configuration conf) {
    List<BaselineRow> rows = new ArrayList<>();
    Map<String, Long> notAnswered = new LinkedHashMap<>();
    for (LongTable t : CensusTables.longTables(folder)) {
      rows.addAll(readLong(t, conf, notAnswered));
      if (t.characteristic() == Characteristic.ETHNIC_GROUP) {
        rows.addAll(broadEthnicGroups(rows));
      }
    }
    rows.addAll(readAges(folder + "/census2021-ts007-ltla.csv", conf));
    rows.addAll(rollups(rows, readRegions(folder + "/LAD21_RGN21_EN_LU.csv", conf)));
    return new Imported(rows, notAnswered);
  }

  /** Local-authority code to its region (code and name), from the ONS lookup (England only). */
  static Map<String, String[]> readRegions(String file, Configuration conf) {
    Map<String, String[]> regions = new TreeMap<>();
    for (CsvTable.Line line :
        CsvTable.read(
            file,
            StandardCharsets.UTF_8,
            conf,
            "region lookup",
            List.of("lad21cd", "rgn21cd", "rgn21nm"),
            List.of("lad21cd", "lad21nm", "rgn21cd", "rgn21nm", "fid"))) {
      regions.put(line.get("lad21cd"), new String[] {line.get("rgn21cd"), line.get("rgn21nm")});
    }
    return regions;
  }

  /**
   * Regions, the two nations and England and Wales, each the sum of its local authorities, so a
   * project may name any of them as its catchment. Wales has no regions; its 22 authorities make
   * the nation.
   */
  static List<BaselineRow> rollups(List<BaselineRow> areas, Map<String, String[]> regionOf) {
    Map<String, String> names = new TreeMap<>();
    // rollup code, characteristic, category, min_age -> population (and the first source)
    record Cell(String area, String characteristic, String category, int minAge) {}
    Map<Cell, Long> sums = new LinkedHashMap<>();
    Map<Cell, String> sources = new HashMap<>();
    for (BaselineRow r : areas) {
      List<String[]> parents = new ArrayList<>();
      String[] region = regionOf.get(r.areaCode());
      if (region != null) {
        parents.add(region);
      }
      parents.add(
          r.areaCode().startsWith("E")
              ? new String[] {"E92000001", "England"}
              : new String[] {"W92000004", "Wales"});
      parents.add(new String[] {"K04000001", "England and Wales"});
      for (String[] parent : parents) {
        names.put(parent[0], parent[1]);
        Cell key = new Cell(parent[0], r.characteristic(), r.category(), r.minAge());
        sums.merge(key, r.population(), Long::sum);
        sources.putIfAbsent(key, r.source());
      }
    }
    List<BaselineRow> out = new ArrayList<>();
    sums.forEach(
        (key, n) -> {
          out.add(
              new BaselineRow(
                  BASELINE,
                  key.area(),
                  names.get(key.area()),
                  key.characteristic(),
                  key.category(),
                  key.minAge(),
                  n,
                  sources.get(key)));
        });
    out.sort(Comparator.comparing(BaselineRow::areaCode));
    return out;
  }

  /** One long table's counts: area to category to population, and each area's name. */
  private record LongCounts(
      Map<String, Map<String, Long>> counts, Map<String, String> names, Set<String> suppressed) {}

  static List<BaselineRow> readLong(
      LongTable t, Configuration conf, Map<String, Long> notAnswered) {
    LongCounts read = countLong(t, conf, notAnswered);
    Map<String, Map<String, Long>> counts = read.counts();
    // An area with a suppressed cell has no whole figures for the table: it is left out (its
    // projects get no_baseline for the characteristic) and reported, never filled in by a guess.
    read.suppressed()
        .forEach(
            area -> {
              counts.remove(area);
              notAnswered.merge(t.table() + ": areas left out, suppressed cells", 1L, Long::sum);
            });
    List<BaselineRow> rows = new ArrayList<>();
    counts.forEach(
        (area, byCategory) -> {
          for (String category : t.characteristic().categoryCodes()) {
            Long n = byCategory.get(category);
            if (n != null) {
              rows.add(
                  new BaselineRow(
                      BASELINE,
                      area,
                      read.names().get(area),
                      t.characteristic().code(),
                      category,
                      t.minAge(),
                      n,
                      "ONS Census 2021 " + t.table() + ". " + OGL));
            }
          }
        });
    return rows;
  }

  /**
   * Sums the table's rows per area and category; counts "Not answered" people into {@code
   * notAnswered} and notes the areas with a suppressed cell.
   */
  private static LongCounts countLong(
      LongTable t, Configuration conf, Map<String, Long> notAnswered) {
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    Set<String> suppressedAreas = new TreeSet<>();
    String codeColumn = "lower tier local authorities code";
    String nameColumn = "lower tier local authorities";
    List<String> columns = List.of(codeColumn, nameColumn, t.categoryColumn(), "observation");
    for (CsvTable.Line line :
        CsvTable.read(t.file(), StandardCharsets.UTF_8, conf, "census", columns, columns)) {
      String label = line.get(t.categoryColumn());
      String code = t.codes().get(label);
      if (code == null) {
        if (label.equals("Not answered") && !isSuppressed(line)) {
          notAnswered.merge(t.table(), observation(line, t.file()), Long::sum);
        }
        if (SKIPPED.contains(label)) {
          continue;
        }
        throw new InputException(
            t.file()
                + " line "
                + line.number()
                + ": unknown "
                + t.table()
                + " category '"
                + label
                + "'; the importer knows "
                + t.codes().keySet());
      }
      String area = line.get(codeColumn);
      names.putIfAbsent(area, line.get(nameColumn));
      if (isSuppressed(line)) {
        suppressedAreas.add(area);
        continue;
      }
      counts
          .computeIfAbsent(area, a -> new TreeMap<>())
          .merge(code, observation(line, t.file()), Long::sum);
    }
    return new LongCounts(counts, names, suppressedAreas);
  }

  /** ONS marks a cell it will not publish with a code in brackets: [c] confidential, [x], [z]. */
  static boolean isSuppressed(CsvTable.Line line) {
    return line.get("observation").matches("\\[[a-z]\\]");
  }

  private static long observation(CsvTable.Line line, String file) {
    String v = line.get("observation");
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new InputException(
          file + " line " + line.number() + ": Observation '" + v + "' is not a count");
    }
  }

  /** The five broad groups, summed from the detailed ethnic groups already read. */
  static List<BaselineRow> broadEthnicGroups(List<BaselineRow> rows) {
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    Map<String, BaselineRow> first = new TreeMap<>();
    for (BaselineRow r : rows) {
      if (r.characteristic().equals(Characteristic.ETHNIC_GROUP.code())) {
        first.putIfAbsent(r.areaCode(), r);
        counts
            .computeIfAbsent(r.areaCode(), a -> new TreeMap<>())
            .merge(Characteristic.broadEthnicGroupOf(r.category()), r.population(), Long::sum);
      }
    }
    List<BaselineRow> out = new ArrayList<>();
    counts.forEach(
        (area, byGroup) -> {
          for (String group : Characteristic.ETHNIC_GROUP_BROAD.categoryCodes()) {
            BaselineRow f = first.get(area);
            out.add(
                new BaselineRow(
                    BASELINE,
                    area,
                    f.areaName(),
                    Characteristic.ETHNIC_GROUP_BROAD.code(),
                    group,
                    f.minAge(),
                    byGroup.getOrDefault(group, 0L),
                    f.source()));
          }
        });
    return out;
  }

  private static final Pattern SINGLE_YEAR =
      Pattern.compile("^age: aged (\\d+) years?(?: and over)?; measures: value$");
  private static final Pattern UNDER_ONE =
      Pattern.compile("^age: aged under 1 year; measures: value$");

  /** Age bands from single years of age, at min_age 0, 16 and 18. */
  static List<BaselineRow> readAges(String file, Configuration conf) {
    List<BaselineRow> rows = new ArrayList<>();
    for (CsvTable.Line line :
        CsvTable.read(
            file,
            StandardCharsets.UTF_8,
            conf,
            "census",
            List.of("geography", "geography code"),
            List.of())) {
      long[] byAge = new long[101];
      int found = 0;
      for (Map.Entry<String, String> e : line.values().entrySet()) {
        int age = singleYear(e.getKey());
        if (age >= 0) {
          byAge[age] = Long.parseLong(e.getValue().trim());
          found++;
        }
      }
      if (found != 101) {
        throw new InputException(
            file
                + " line "
                + line.number()
                + ": expected 101 single years"
                + " of age (under 1 to 100 and over), found "
                + found);
      }
      rows.addAll(
          ageBands(
              line.get("geography code"),
              line.get("geography"),
              byAge,
              "ONS Census 2021 TS007 Age by single year. " + OGL));
    }
    return rows;
  }

  /**
   * An area's age bands at min_age 0, 16 and 18, each the sum of its single years from min_age; a
   * band wholly under min_age is left out.
   */
  static List<BaselineRow> ageBands(String area, String name, long[] byAge, String source) {
    List<BaselineRow> rows = new ArrayList<>();
    for (int minAge : new int[] {0, 16, 18}) {
      for (String band : Characteristic.AGE_BAND.categoryCodes()) {
        int[] range = band(band);
        if (range[1] < minAge) {
          continue;
        }
        long n = 0;
        for (int a = Math.max(range[0], minAge); a <= range[1]; a++) {
          n += byAge[a];
        }
        rows.add(
            new BaselineRow(
                BASELINE, area, name, Characteristic.AGE_BAND.code(), band, minAge, n, source));
      }
    }
    return rows;
  }

  /** The age of a single-year column, 100 for "100 years and over", or -1 for any other column. */
  static int singleYear(String header) {
    if (UNDER_ONE.matcher(header).matches()) {
      return 0;
    }
    Matcher m = SINGLE_YEAR.matcher(header);
    if (!m.matches()) {
      return -1;
    }
    int age = Integer.parseInt(m.group(1));
    boolean andOver = header.contains("and over");
    if (andOver && age != 100) {
      return -1; // "85 years and over" is a band, not a single year
    }
    return age;
  }

  /** First and last age of a contract age band; 85_plus runs to 100 (100 means 100 and over). */
  static int[] band(String code) {
    return switch (code) {
      case "under_16" -> new int[] {0, 15};
      case "85_plus" -> new int[] {85, 100};
      default -> {
        String[] p = code.split("_");
        yield new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
      }
    };
  }
}
