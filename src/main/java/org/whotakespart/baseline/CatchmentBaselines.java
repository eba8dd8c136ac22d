package org.whotakespart.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.Project;
import org.whotakespart.ingest.ProjectColumns;

/**
 * Each project's baseline: the population of its whole catchment, per characteristic and category,
 * at the baseline age nearest its {@code min_age} without going above it (statistics.md). The
 * baselines are small, so this runs on the driver; the result is broadcast to the counts.
 *
 * <p>A characteristic gets no baseline for a project unless every area of the catchment has it at
 * the chosen age: a share over part of a catchment would mislead. Each such gap is a warning.
 */
public final class CatchmentBaselines {
  private CatchmentBaselines() {}

  /** The project baselines and the gaps found on the way. */
  public record Result(List<ProjectBaseline> rows, List<String> warnings) {}

  public static Result compute(List<Project> projects, List<BaselineRow> baselines) {
    return compute(projects, baselines, AgeSexTable.empty());
  }

  /**
   * As above, with residents by sex and single year of age: where it covers a project's whole
   * catchment (and the project uses the census2021 set), the project's age and sex baselines count
   * only the ages and sex it is for; straddling age bands count only their intended years. Other
   * characteristics have no table crossing them with age and sex here: their baselines keep the
   * ages of the baselines file, and {@link ProjectBaseline#covers()} says so.
   */
  public static Result compute(
      List<Project> projects, List<BaselineRow> baselines, AgeSexTable ageSex) {
    Map<String, Map<String, Map<Integer, Map<String, Map<String, Long>>>>> index = index(baselines);
    Map<String, String> names = areaNames(baselines);
    List<ProjectBaseline> rows = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Project p : projects) {
      var set = index.get(p.baseline());
      if (set == null) {
        warnings.add(
            "project "
                + p.projectId()
                + ": baseline set '"
                + p.baseline()
                + "' is not in the baselines file; its groups are shown as no_baseline");
        set = Map.of();
      }
      for (Characteristic c : Characteristic.values()) {
        if (p.isNotCompared(c.code())) {
          continue;
        }
        boolean exactAge = set.containsKey(c.code()) && set.get(c.code()).containsKey(p.minAge());
        if (restrictsByAgeAndSex(p, c, ageSex, exactAge)) {
          rows.addAll(ageAndSex(p, c, ageSex));
        } else if (set.get(c.code()) != null) {
          fromFile(p, c, set, names, rows, warnings);
        }
      }
    }
    return new Result(rows, warnings);
  }

  /** Baseline set -> characteristic -> min_age -> area -> category -> population. */
  private static Map<String, Map<String, Map<Integer, Map<String, Map<String, Long>>>>> index(
      List<BaselineRow> baselines) {
    Map<String, Map<String, Map<Integer, Map<String, Map<String, Long>>>>> index = new HashMap<>();
    for (BaselineRow b : baselines) {
      index
          .computeIfAbsent(b.baseline(), k -> new HashMap<>())
          .computeIfAbsent(b.characteristic(), k -> new HashMap<>())
          .computeIfAbsent(b.minAge(), k -> new HashMap<>())
          .computeIfAbsent(b.areaCode(), k -> new HashMap<>())
          .merge(b.category(), b.population(), Long::sum);
    }
    return index;
  }

  /**
   * The age chosen for a project's characteristic, its areas' figures and the authorities' figures
   * standing in for neighbourhoods; age null when no age covers the whole catchment.
   *
   * @param firstMissing the catchment's areas without figures at the oldest age tried
   */
  private record Chosen(
      Integer age,
      Map<String, Map<String, Long>> byArea,
      Map<String, Map<String, Long>> fallback,
      Set<String> firstMissing) {}

  /** The project's baseline of one characteristic from the baselines file, or why it has none. */
  private static void fromFile(
      Project p,
      Characteristic c,
      Map<String, Map<Integer, Map<String, Map<String, Long>>>> set,
      Map<String, String> names,
      List<ProjectBaseline> rows,
      List<String> warnings) {
    var byAge = set.get(c.code());
    // The oldest baseline age not above the project's at which the whole catchment has
    // figures: a catchment of neighbourhoods and authorities may have them at different ages
    // (unpaid care: 5+ by MSOA, 16+ by authority), and then shares the youngest common one.
    List<Integer> ages =
        byAge.keySet().stream()
            .filter(a -> a <= p.minAge())
            .sorted(Comparator.reverseOrder())
            .toList();
    if (ages.isEmpty()) {
      warnings.add(
          "project "
              + p.projectId()
              + ": "
              + c.code()
              + " has no baseline for people"
              + " aged "
              + p.minAge()
              + " or younger; its groups are shown as no_baseline");
      return;
    }
    Chosen chosen = chooseAge(p, c, ages, set, names);
    if (chosen.age() == null) {
      warnings.add(
          "project "
              + p.projectId()
              + ": "
              + c.code()
              + " baseline '"
              + p.baseline()
              + "' has no figures for "
              + String.join(", ", chosen.firstMissing())
              + "; its groups are shown as no_baseline");
      return;
    }
    rows.addAll(catchmentRows(p, c, chosen));
  }

  /** The oldest of {@code ages} at which every area of the catchment has figures. */
  private static Chosen chooseAge(
      Project p,
      Characteristic c,
      List<Integer> ages,
      Map<String, Map<Integer, Map<String, Map<String, Long>>>> set,
      Map<String, String> names) {
    Set<String> firstMissing = null;
    for (int candidate : ages) {
      var areas = set.get(c.code()).get(candidate);
      Set<String> missing = new TreeSet<>(p.catchment());
      missing.removeAll(areas.keySet());
      Map<String, Map<String, Long>> fb =
          missing.isEmpty() ? Map.of() : containingAuthorities(c, missing, areas, set, names);
      missing.removeAll(fb.keySet());
      if (firstMissing == null) {
        firstMissing = missing;
      }
      if (missing.isEmpty()) {
        return new Chosen(candidate, areas, fb, firstMissing);
      }
    }
    return new Chosen(null, null, Map.of(), firstMissing);
  }

  /** The catchment's population at the chosen age, as the project's baseline rows. */
  private static List<ProjectBaseline> catchmentRows(Project p, Characteristic c, Chosen chosen) {
    Map<String, Long> population = new HashMap<>();
    for (String area : p.catchment()) {
      chosen
          .byArea()
          .getOrDefault(area, chosen.fallback().get(area))
          .forEach((category, n) -> population.merge(category, n, Long::sum));
    }
    // Without single years, an age baseline keeps the bands the project's ages touch, whole.
    boolean bandsOnly =
        c == Characteristic.AGE_BAND
            && population.keySet().removeIf(band -> !IntendedPopulation.ageBandOverlaps(p, band));
    // A single-sex project is for one sex only: its people of that sex are all of them (as
    // from single years by sex), never a share of both sexes' residents.
    boolean oneSex = c == Characteristic.SEX && !p.sex().isEmpty();
    if (oneSex) {
      population.keySet().retainAll(Set.of(p.sex()));
    }
    long known = population.values().stream().mapToLong(Long::longValue).sum();
    String covers =
        IntendedPopulation.residents(chosen.age(), null, oneSex ? p.sex() : "")
            + (bandsOnly
                ? ", in the whole age bands that include ages "
                    + p.minAge()
                    + (p.maxAge() == null ? " and over" : " to " + p.maxAge())
                : "")
            + (chosen.fallback().isEmpty()
                ? ""
                : "; for neighbourhoods, the shares of the authority"
                    + " each lies in (no neighbourhood table), scaled to its residents");
    List<ProjectBaseline> rows = new ArrayList<>();
    for (String category : c.categoryCodes()) {
      if (population.containsKey(category)) {
        rows.add(
            new ProjectBaseline(
                p.projectId(),
                c.code(),
                category,
                population.get(category),
                known,
                chosen.age(),
                covers));
      }
    }
    return rows;
  }

  /**
   * True when the project's age or sex baseline comes from single years by sex: sex wherever every
   * area is known by sex (the residents of the project's ages, not of all ages; a neighbourhood has
   * no table of sex by age, so its sex baseline keeps all ages of its sex), age where the project
   * has an upper age, serves one sex, or starts at an age the baselines file has no bands for
   * (otherwise the file's bands at min_age are exact already).
   */
  private static boolean restrictsByAgeAndSex(
      Project p, Characteristic c, AgeSexTable ageSex, boolean fileHasExactAge) {
    if (!p.baseline().equals(ProjectColumns.DEFAULT_BASELINE) || !ageSex.covers(p.catchment())) {
      return false;
    }
    if (c == Characteristic.SEX) {
      return ageSex.coversBySex(p.catchment());
    }
    return (c == Characteristic.AGE_BAND
        && (p.maxAge() != null || !p.sex().isEmpty() || !fileHasExactAge));
  }

  /** Characteristics with no neighbourhood (MSOA) table: an MSOA takes its authority's shares. */
  static final Set<Characteristic> AUTHORITY_FALLBACK =
      Set.of(Characteristic.SEXUAL_ORIENTATION, Characteristic.GENDER_IDENTITY);

  /**
   * For the MSOAs among {@code missing}, when the characteristic has no neighbourhood table: the
   * figures of the authority each lies in ({@link CatchmentOverlap#authorityOf}), scaled by the
   * MSOA's residents over the authority's (both from ethnic group, all ages, which both have),
   * rounded to whole people. An MSOA whose authority or residents are not known is left missing.
   */
  private static Map<String, Map<String, Long>> containingAuthorities(
      Characteristic c,
      Set<String> missing,
      Map<String, Map<String, Long>> byArea,
      Map<String, Map<Integer, Map<String, Map<String, Long>>>> set,
      Map<String, String> names) {
    var residents = set.getOrDefault(Characteristic.ETHNIC_GROUP.code(), Map.of()).get(0);
    if (!AUTHORITY_FALLBACK.contains(c) || residents == null) {
      return Map.of();
    }
    Map<String, String> codeOfName = new HashMap<>();
    names.forEach(
        (code, name) -> {
          if (!MsoaImporter.isMsoa(code)) {
            codeOfName.putIfAbsent(name, code);
          }
        });
    Map<String, Map<String, Long>> out = new HashMap<>();
    for (String area : missing) {
      String authority =
          MsoaImporter.isMsoa(area)
              ? CatchmentOverlap.authorityOf(names.get(area), codeOfName)
              : null;
      if (authority == null
          || !byArea.containsKey(authority)
          || !residents.containsKey(area)
          || !residents.containsKey(authority)) {
        continue;
      }
      double scale = total(residents.get(area)) / (double) total(residents.get(authority));
      Map<String, Long> scaled = new HashMap<>();
      byArea.get(authority).forEach((category, n) -> scaled.put(category, Math.round(n * scale)));
      out.put(area, scaled);
    }
    return out;
  }

  private static long total(Map<String, Long> categories) {
    return categories.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Age bands or sexes of the residents of the project's ages and sex, from single years. Where a
   * neighbourhood of the catchment is known by age only (no MSOA table of sex by age), a single-sex
   * project's age baseline counts both sexes, and says so.
   */
  private static List<ProjectBaseline> ageAndSex(Project p, Characteristic c, AgeSexTable t) {
    int from = p.minAge();
    int to = p.maxAge() == null ? Integer.MAX_VALUE : p.maxAge();
    boolean bySex = t.coversBySex(p.catchment());
    String sex = bySex ? p.sex() : "";
    String covers =
        IntendedPopulation.residents(from, p.maxAge(), sex)
            + (bySex || p.sex().isEmpty()
                ? ""
                : ", both sexes (no neighbourhood table of sex by age)");
    long known = t.population(p.catchment(), sex, from, to);
    List<ProjectBaseline> out = new ArrayList<>();
    for (String category : c.categoryCodes()) {
      if (IntendedPopulation.isNotCompared(p, c.code(), category)) {
        continue;
      }
      long n;
      if (c == Characteristic.SEX) {
        n = t.population(p.catchment(), category, from, to);
      } else {
        int[] band = CensusImporter.band(category);
        n = t.population(p.catchment(), sex, Math.max(from, band[0]), Math.min(to, band[1]));
      }
      out.add(
          new ProjectBaseline(
              p.projectId(), c.code(), category, n, known, from, covers, p.maxAge(), sex));
    }
    return out;
  }

  /** Area code to name, from the baselines (the first name seen for a code). */
  public static Map<String, String> areaNames(List<BaselineRow> baselines) {
    return baselines.stream()
        .collect(
            Collectors.toMap(
                BaselineRow::areaCode, BaselineRow::areaName, (a, b) -> a, TreeMap::new));
  }
}
