package org.whotakespart.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.Project;

/** What {@code baselines check} prints: per set, its areas, characteristics, categories, totals. */
public final class BaselineSummary {
  private BaselineSummary() {}

  /** ONS code prefixes of areas that are sums of others: regions, nations, England and Wales. */
  static boolean isRollup(String areaCode) {
    return areaCode.matches("^(E12|E92|W92|K04)\\d{6}$");
  }

  public static List<String> describe(List<BaselineRow> rows) {
    Map<String, List<BaselineRow>> sets = new TreeMap<>();
    rows.forEach(r -> sets.computeIfAbsent(r.baseline(), k -> new ArrayList<>()).add(r));
    List<String> out = new ArrayList<>();
    sets.forEach(
        (set, setRows) -> {
          Set<String> areas = new TreeSet<>();
          setRows.forEach(r -> areas.add(r.areaCode()));
          long rollups = areas.stream().filter(BaselineSummary::isRollup).count();
          long msoas = areas.stream().filter(MsoaImporter::isMsoa).count();
          out.add(
              String.format(
                  Locale.UK,
                  "%s: %,d areas, and %d regions or nations made of them"
                      + " (totals below are over the areas only)",
                  set,
                  areas.size() - rollups - msoas,
                  rollups));
          if (msoas > 0) {
            out.add(neighbourhoods(setRows, msoas));
          }
          for (Characteristic c : Characteristic.values()) {
            totals(setRows, c, out);
          }
        });
    return out;
  }

  /** The set's neighbourhoods (MSOAs): how many, and each characteristic's areas and ages. */
  private static String neighbourhoods(List<BaselineRow> setRows, long msoas) {
    Map<String, Set<String>> msoaAreas = new TreeMap<>();
    Map<String, Set<Integer>> msoaAges = new TreeMap<>();
    for (BaselineRow r : setRows) {
      if (MsoaImporter.isMsoa(r.areaCode())) {
        msoaAreas.computeIfAbsent(r.characteristic(), k -> new TreeSet<>()).add(r.areaCode());
        msoaAges.computeIfAbsent(r.characteristic(), k -> new TreeSet<>()).add(r.minAge());
      }
    }
    List<String> parts = new ArrayList<>();
    for (Characteristic c : Characteristic.values()) {
      Set<String> a = msoaAreas.get(c.code());
      String ages =
          a == null || msoaAges.get(c.code()).equals(Set.of(0))
              ? ""
              : " (from "
                  + String.join(
                      ", ",
                      msoaAges.get(c.code()).stream()
                          .map(age -> age == 0 ? "all ages" : age + "+")
                          .toList())
                  + ")";
      parts.add(
          c.code()
              + " "
              + (a == null
                  ? (CatchmentBaselines.AUTHORITY_FALLBACK.contains(c)
                      ? "none (the authority's shares)"
                      : "none")
                  : String.format(Locale.UK, "%,d", a.size()) + ages));
    }
    return String.format(
        Locale.UK,
        "  neighbourhoods (MSOAs): %,d, with figures for: %s" + " (not in the totals below)",
        msoas,
        String.join(", ", parts));
  }

  /** One characteristic's lines: per minimum age, its categories, areas and people. */
  private static void totals(List<BaselineRow> setRows, Characteristic c, List<String> out) {
    Map<Integer, Long> totals = new TreeMap<>();
    Map<Integer, Set<String>> categories = new TreeMap<>();
    Map<Integer, Set<String>> areasOf = new TreeMap<>();
    for (BaselineRow r : setRows) {
      if (r.characteristic().equals(c.code())
          && !isRollup(r.areaCode())
          && !MsoaImporter.isMsoa(r.areaCode())) {
        totals.merge(r.minAge(), r.population(), Long::sum);
        categories.computeIfAbsent(r.minAge(), k -> new TreeSet<>()).add(r.category());
        areasOf.computeIfAbsent(r.minAge(), k -> new TreeSet<>()).add(r.areaCode());
      }
    }
    totals.forEach(
        (age, total) ->
            out.add(
                String.format(
                    Locale.UK,
                    "  %-20s %-24s %2d categories, %,5d areas, %,d people",
                    c.code(),
                    age == 0 ? "all ages" : "aged " + age + " and over",
                    categories.get(age).size(),
                    areasOf.get(age).size(),
                    total)));
  }

  /** Projects whose catchment or baseline set has gaps, in words. */
  public static List<String> warnings(List<Project> projects, List<BaselineRow> rows) {
    List<String> out = new ArrayList<>(CatchmentBaselines.compute(projects, rows).warnings());
    Map<String, Set<String>> characteristicsOf = new TreeMap<>();
    rows.forEach(
        r ->
            characteristicsOf
                .computeIfAbsent(r.baseline(), k -> new TreeSet<>())
                .add(r.characteristic()));
    for (Project p : projects) {
      Set<String> have = characteristicsOf.getOrDefault(p.baseline(), Set.of());
      if (have.isEmpty()) {
        continue;
      }
      for (Characteristic c : Characteristic.values()) {
        if (!have.contains(c.code())) {
          out.add(
              "project "
                  + p.projectId()
                  + ": baseline set '"
                  + p.baseline()
                  + "' has no "
                  + c.code()
                  + "; its groups are shown as no_baseline");
        }
      }
    }
    return out;
  }
}
