package org.whotakespart.baseline;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.ingest.CsvFiles;
import org.whotakespart.ingest.CsvTable;
import org.whotakespart.ingest.InputException;

/**
 * Residents by sex and single year of age per area (ONS Census 2021 TS009, Nomis bulk file: {@code
 * census2021-ts009-ltla.csv}), from which a project's age and sex baselines are restricted to the
 * ages and sex it is for (statistics.md, "The intended population"). Ages run 0 to 90, 90 standing
 * for "90 and over". The file mixes subtotal bands and single years: only single years are read.
 *
 * <p>Neighbourhoods (MSOAs) come from the TS007 single-year file by MSOA, which has persons only:
 * there is no MSOA table of sex by age. Such an area is known by age but not by sex ({@link
 * #coversBySex}).
 */
public final class AgeSexTable {
  /** The oldest single year: 90 means 90 and over. */
  public static final int OLDEST = 90;

  public static final String SOURCE =
      "ONS Census 2021 TS009 Sex by single year of age. Source:"
          + " Office for National Statistics licensed under the Open Government Licence v.3.0";

  /** The neighbourhoods' single years: persons by MSOA. */
  public static final String MSOA_SOURCE =
      "ONS Census 2021 TS007 Age by single year (MSOA, both sexes). Source:"
          + " Office for National Statistics licensed under the Open Government Licence v.3.0";

  private static final Pattern YEAR =
      Pattern.compile("^sex: (female|male); age: aged (\\d+) years?( and over)?; measures: value$");
  private static final Pattern UNDER_ONE =
      Pattern.compile("^sex: (female|male); age: aged under 1 year; measures: value$");

  /** area -> sex ("female", "male") -> residents by single year 0..90. */
  private final Map<String, Map<String, long[]>> byArea;

  private AgeSexTable(Map<String, Map<String, long[]>> byArea) {
    this.byArea = byArea;
  }

  /** A table with no areas: every project falls back to the baselines' own age coverage. */
  public static AgeSexTable empty() {
    return new AgeSexTable(Map.of());
  }

  /** Builds a table from counts already in memory (tests, other sources). */
  public static AgeSexTable of(Map<String, Map<String, long[]>> byArea) {
    return new AgeSexTable(Map.copyOf(byArea));
  }

  /** The key of an area known by age only (both sexes together). */
  static final String PERSONS = "persons";

  /**
   * Reads each file: the TS009 file (sex by single year, local authorities) or the TS007 file by
   * MSOA (header {@code msoa21cd}), told apart by their headers; no file gives an empty table.
   */
  public static AgeSexTable readAll(List<String> files, Configuration conf) {
    Map<String, Map<String, long[]>> byArea = new HashMap<>();
    for (String file : files) {
      List<String> header = CsvFiles.readHeader(file, StandardCharsets.UTF_8, conf);
      if (header.contains("msoa21cd")) {
        MsoaImporter.singleYears(file, conf)
            .forEach(
                (area, years) -> {
                  long[] capped = new long[OLDEST + 1];
                  for (int a = 0; a < years.length; a++) {
                    capped[Math.min(a, OLDEST)] += years[a];
                  }
                  byArea.put(area, Map.of(PERSONS, capped));
                });
      } else {
        byArea.putAll(read(file, conf).byArea);
      }
    }
    return new AgeSexTable(byArea);
  }

  /** Reads the TS009 Nomis file; any row without its 2 × 91 single years fails with the fix. */
  public static AgeSexTable read(String file, Configuration conf) {
    Map<String, Map<String, long[]>> byArea = new HashMap<>();
    for (CsvTable.Line line :
        CsvTable.read(
            file,
            StandardCharsets.UTF_8,
            conf,
            "population by sex and age (TS009)",
            List.of("geography code"),
            List.of())) {
      Map<String, long[]> sexes = new HashMap<>();
      int found = 0;
      for (Map.Entry<String, String> e : line.values().entrySet()) {
        String h = e.getKey();
        String sex;
        int age;
        Matcher u = UNDER_ONE.matcher(h);
        Matcher m = YEAR.matcher(h);
        if (u.matches()) {
          sex = u.group(1);
          age = 0;
        } else if (m.matches()) {
          sex = m.group(1);
          age = Integer.parseInt(m.group(2));
          if (m.group(3) != null && age != OLDEST) {
            continue;
          }
        } else {
          continue;
        }
        try {
          sexes.computeIfAbsent(sex, k -> new long[OLDEST + 1])[age] =
              Long.parseLong(e.getValue().trim());
        } catch (NumberFormatException ex) {
          throw new InputException(
              file
                  + " line "
                  + line.number()
                  + ": a count of people is not"
                  + " a whole number; use the ONS TS009 file as downloaded");
        }
        found++;
      }
      if (found != 2 * (OLDEST + 1)) {
        throw new InputException(
            file
                + " line "
                + line.number()
                + ": expected 182 single years"
                + " of age by sex (female and male, under 1 to 90 and over), found "
                + found
                + "; use the ONS TS009 file (sex by single year of age) as downloaded");
      }
      byArea.put(line.get("geography code"), sexes);
    }
    return new AgeSexTable(byArea);
  }

  public boolean covers(List<String> areas) {
    return !areas.isEmpty() && byArea.keySet().containsAll(areas);
  }

  /** True when every area is known by sex as well as age (not a persons-only neighbourhood). */
  public boolean coversBySex(List<String> areas) {
    return covers(areas) && areas.stream().noneMatch(a -> byArea.get(a).containsKey(PERSONS));
  }

  /**
   * Residents of the areas aged {@code from} to {@code to} (both included; a {@code to} of 90 or
   * more includes 90 and over) of the sex ("" for both). A sex needs {@link #coversBySex}.
   */
  public long population(List<String> areas, String sex, int from, int to) {
    long n = 0;
    for (String area : areas) {
      Map<String, long[]> sexes = byArea.get(area);
      if (!sex.isEmpty() && sexes.containsKey(PERSONS)) {
        throw new IllegalStateException("no figures by sex for a neighbourhood");
      }
      for (Map.Entry<String, long[]> e : sexes.entrySet()) {
        if (sex.isEmpty() || sex.equals(e.getKey())) {
          for (int a = Math.max(0, from); a <= Math.min(OLDEST, to); a++) {
            n += e.getValue()[a];
          }
        }
      }
    }
    return n;
  }
}
