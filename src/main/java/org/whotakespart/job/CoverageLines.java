package org.whotakespart.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.whotakespart.baseline.AgeSexTable;
import org.whotakespart.baseline.MsoaImporter;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.Project;
import org.whotakespart.report.BaselineCoverage;
import org.whotakespart.report.Phrases;

/**
 * The baselines' lines of the workbook's About sheet: which source each set's figures come from.
 */
final class CoverageLines {
  private CoverageLines() {}

  /**
   * One line per baseline set, characteristic, youngest age and what it covers, with its sources
   * and the projects it serves, in {@link CoverageKey#ORDER}.
   */
  static List<BaselineCoverage> coverage(
      List<Project> projects, List<ProjectBaseline> rows, List<BaselineRow> baselines) {
    Map<String, Project> byId = new TreeMap<>();
    projects.forEach(p -> byId.put(p.projectId(), p));
    Map<CoverageKey, BaselineCoverage> m = new TreeMap<>(CoverageKey.ORDER);
    Map<CoverageKey, Set<String>> names = new HashMap<>();
    Set<List<String>> done = new HashSet<>();
    Map<TableKey, Table> tables = byTable(baselines);
    for (ProjectBaseline r : rows) {
      Project p = byId.get(r.projectId());
      CoverageKey key =
          new CoverageKey(
              p.baseline(),
              Characteristic.fromCode(r.characteristic()).orElseThrow().ordinal(),
              r.minAgeCovered(),
              r.covers());
      names.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(p.projectName());
      if (!done.add(List.of(p.projectId(), r.characteristic()))) {
        continue; // one look-up per project and characteristic, not per category
      }
      String source = source(p, r, tables);
      BaselineCoverage seen = m.get(key);
      m.put(
          key,
          seen != null
              ? withSources(seen, source)
              : new BaselineCoverage(
                  p.baseline(),
                  r.characteristic(),
                  r.minAgeCovered(),
                  source,
                  r.covers(),
                  List.of()));
    }
    List<BaselineCoverage> out = new ArrayList<>();
    m.forEach(
        (k, b) ->
            out.add(
                new BaselineCoverage(
                    b.baseline(),
                    b.characteristic(),
                    b.minAgeCovered(),
                    b.source(),
                    b.covers(),
                    List.copyOf(names.get(k)))));
    return out;
  }

  /** A baseline set's rows of one characteristic and youngest age: one table. */
  private record TableKey(String set, String characteristic, int minAge) {}

  /**
   * What About needs of one table: its first row's source, and for each area the row (its place in
   * the file) where each of the area's sources first comes.
   */
  private static final class Table {
    private String first;
    private final Map<String, Map<String, Integer>> byArea = new HashMap<>();

    void add(BaselineRow b, int place) {
      if (first == null) {
        first = b.source();
      }
      byArea.computeIfAbsent(b.areaCode(), k -> new HashMap<>()).putIfAbsent(b.source(), place);
    }
  }

  /**
   * The baseline rows' tables, by set, characteristic and youngest age: built once and looked up
   * once per project and characteristic (2,000 projects scanning all 30,666 rows each time took
   * about 15 s of a report).
   */
  private static Map<TableKey, Table> byTable(List<BaselineRow> baselines) {
    Map<TableKey, Table> out = new HashMap<>();
    for (int i = 0; i < baselines.size(); i++) {
      BaselineRow b = baselines.get(i);
      out.computeIfAbsent(
              new TableKey(b.baseline(), b.characteristic(), b.minAge()), k -> new Table())
          .add(b, i);
    }
    return out;
  }

  /**
   * Where a project's baseline row comes from: the baseline file's sources, or the sex-by-age
   * table's (TS009) for age and sex restricted to a project's people.
   */
  private static String source(Project p, ProjectBaseline r, Map<TableKey, Table> tables) {
    boolean ageOrSex =
        r.characteristic().equals(Characteristic.SEX.code())
            || r.characteristic().equals(Characteristic.AGE_BAND.code());
    String fromFile =
        fileSources(
            p, tables.get(new TableKey(p.baseline(), r.characteristic(), r.minAgeCovered())));
    boolean fromTable =
        ageOrSex && (fromFile.isEmpty() || !r.covers().equals(Phrases.ages(r.minAgeCovered())));
    if (!fromTable) {
      return fromFile;
    }
    boolean neighbourhoods = p.catchment().stream().anyMatch(MsoaImporter::isMsoa);
    boolean authorities = !p.catchment().stream().allMatch(MsoaImporter::isMsoa);
    return neighbourhoods
        ? (authorities ? AgeSexTable.SOURCE + "; " : "") + AgeSexTable.MSOA_SOURCE
        : AgeSexTable.SOURCE;
  }

  /**
   * The sources of the catchment's own rows of {@code table} (a neighbourhood's table differs from
   * its authority's); else, as for an authority's share taken by a neighbourhood, the table's.
   */
  private static String fileSources(Project p, Table table) {
    if (table == null) {
      return "";
    }
    // Each source once, in the order the catchment's rows first name them in the file.
    Map<String, Integer> firstAt = new HashMap<>();
    for (String area : Set.copyOf(p.catchment())) {
      table.byArea.getOrDefault(area, Map.of()).forEach((s, at) -> firstAt.merge(s, at, Math::min));
    }
    if (firstAt.isEmpty()) {
      return table.first;
    }
    return firstAt.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .collect(Collectors.joining("; "));
  }

  /**
   * A line shared by projects that may draw on different tables (an authority's, a
   * neighbourhood's), with each source of {@code source} it does not yet name added once.
   */
  private static BaselineCoverage withSources(BaselineCoverage seen, String source) {
    for (String part : source.split("; ")) {
      if (!Arrays.asList(seen.source().split("; ")).contains(part)) {
        seen =
            new BaselineCoverage(
                seen.baseline(),
                seen.characteristic(),
                seen.minAgeCovered(),
                seen.source() + "; " + part,
                seen.covers(),
                List.of());
      }
    }
    return seen;
  }

  /**
   * A baseline set's characteristic as one line of About, in the order About has always listed
   * them: by set, then characteristic in the contract's order, then the youngest age compared as
   * text (16 before 5), then what it covers.
   */
  private record CoverageKey(String set, int characteristic, int minAge, String covers) {
    static final Comparator<CoverageKey> ORDER =
        Comparator.comparing(CoverageKey::set)
            .thenComparing(CoverageKey::characteristic)
            .thenComparing(k -> Integer.toString(k.minAge()))
            .thenComparing(CoverageKey::covers);
  }
}
