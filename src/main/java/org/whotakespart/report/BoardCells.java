package org.whotakespart.report;

import static org.whotakespart.report.CellKey.key;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.PeopleRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;

/**
 * The board table of {@link BoardView}, before it is protected: one cell of the suppression table
 * for each count the workbook and its charts show, by {@link CellKey}, and the lines a reader knows
 * they add up along (people, other roles, each characteristic's groups, broad ethnic groups, and
 * the earlier quarters of the Trends sheet).
 */
final class BoardCells {
  /** Where the earlier quarters' cells are kept, before the period label. */
  static final String PAST = "past:";

  final SuppressionTable table;
  final Map<CellKey, Integer> cells = new HashMap<>();
  final Map<CellKey, MetricRow> rows = new HashMap<>();
  final List<String> projectIds = new ArrayList<>();

  private BoardCells(SuppressionTable table) {
    this.table = table;
  }

  /** The cells and lines of everything the model's workbook and charts show, in {@code table}. */
  static BoardCells of(ReportModel model, SuppressionTable table) {
    BoardCells b = new BoardCells(table);
    b.build(model);
    return b;
  }

  /** The cell of a scope's characteristic and column, or null. */
  Integer cell(String scope, String characteristic, String column) {
    return cells.get(key(scope, characteristic, column));
  }

  /** The known cell the row's figures are shown with: its own inside total, or the answered. */
  Integer knownCell(MetricRow r) {
    Integer inside = cells.get(key(r.scopeId(), r.characteristic(), "known" + r.known()));
    return inside != null ? inside : cells.get(key(r.scopeId(), r.characteristic(), "known"));
  }

  private void build(ReportModel model) {
    model.projects().forEach(p -> projectIds.add(p.projectId()));
    for (MetricRow r : model.metrics()) {
      if (r.scopeType() == ScopeType.PROJECT || r.scopeType() == ScopeType.ALL) {
        rows.put(key(r.scopeId(), r.characteristic(), r.category()), r);
      }
    }
    long distinct = peopleCells(model);
    otherRoleCells(model, distinct);
    for (Characteristic ch : Characteristic.values()) {
      characteristicCells(ch);
    }
    for (String s : concat(projectIds, List.of(MetricCalculator.ALL_ID))) {
      linkBroadEthnicGroups(s);
    }
    pastQuarters(model);
  }

  /**
   * People taking part: per project, their sum over projects, and distinct people over all projects
   * (returned).
   */
  private long peopleCells(ReportModel model) {
    String all = MetricCalculator.ALL_ID;
    long peopleAll = 0;
    List<Integer> peopleCells = new ArrayList<>();
    for (String p : projectIds) {
      long n = model.peopleByProject().getOrDefault(p, 0L);
      peopleAll += n;
      int c = table.headCount(n);
      cells.put(key(p, "people", ""), c);
      peopleCells.add(c);
    }
    int peopleAllCell = table.headCount(peopleAll);
    cells.put(key(all, "people", ""), peopleAllCell);
    table.line(peopleCells, peopleAllCell);
    long distinct = model.people(ScopeType.ALL, all, PeopleRow.MEASURED);
    int distinctCell = table.headCount(distinct);
    cells.put(key(all, "distinct", ""), distinctCell);
    if (projectIds.size() == 1 && distinct == peopleAll) {
      table.line(List.of(peopleCells.get(0)), distinctCell);
    }
    return distinct;
  }

  /** People in other roles: per project, over all projects, and each role over all projects. */
  private void otherRoleCells(ReportModel model, long distinct) {
    String all = MetricCalculator.ALL_ID;
    Map<String, Long> everyone = model.peopleByScope(ScopeType.PROJECT, PeopleRow.EVERYONE);
    Map<String, Long> measured = model.peopleByScope(ScopeType.PROJECT, PeopleRow.MEASURED);
    for (String p : projectIds) {
      cells.put(
          key(p, "others", ""),
          table.headCount(
              Math.max(0, everyone.getOrDefault(p, 0L) - measured.getOrDefault(p, 0L))));
    }
    cells.put(
        key(all, "others", ""),
        table.headCount(
            Math.max(0, model.people(ScopeType.ALL, all, PeopleRow.EVERYONE) - distinct)));
    for (String role : Vocabulary.ROLES) {
      cells.put(key(all, "role", role), table.headCount(model.people(ScopeType.ALL, all, role)));
    }
  }

  /** One characteristic's cells: each scope's groups, then each column's sum over projects. */
  private void characteristicCells(Characteristic ch) {
    String all = MetricCalculator.ALL_ID;
    String c = ch.code();
    List<String> scopes = new ArrayList<>(projectIds);
    scopes.add(all);
    for (String s : scopes) {
      scopeCells(ch, s);
    }
    if (!rows.containsKey(key(all, c, ch.categoryCodes().get(0)))) {
      return;
    }
    for (String column : concat(ch.categoryCodes(), List.of("known", "unknown"))) {
      List<Integer> parts = new ArrayList<>();
      for (String p : projectIds) {
        Integer cell = cells.get(key(p, c, column));
        if (cell != null) {
          parts.add(cell);
        }
      }
      table.line(parts, cells.get(key(all, c, column)));
    }
  }

  /** One scope's groups of a characteristic, with the people who answered and who did not. */
  private void scopeCells(Characteristic ch, String s) {
    String all = MetricCalculator.ALL_ID;
    String c = ch.code();
    MetricRow first = rows.get(key(s, c, ch.categoryCodes().get(0)));
    if (first == null) {
      return;
    }
    List<Integer> parts = new ArrayList<>();
    // Everyone who answered: a group outside the project's intended population carries that
    // number as its known, a compared group only the people inside (MetricCalculator).
    long answered = 0;
    for (String category : ch.categoryCodes()) {
      MetricRow r = rows.get(key(s, c, category));
      int cell = table.cell(r.participants());
      cells.put(key(s, c, category), cell);
      parts.add(cell);
      answered += r.participants();
    }
    int known = table.cell(answered);
    int unknown = table.headCount(first.unknown());
    cells.put(key(s, c, "known"), known);
    cells.put(key(s, c, "unknown"), unknown);
    table.line(parts, known);
    table.lineWhereItHolds(List.of(known, unknown), cells.get(key(s, "people", "")));
    if (s.equals(all)) {
      allProjectsKnown(ch, projectIds, answered);
      return;
    }
    insideCells(ch, s, answered);
  }

  /**
   * A project's compared groups are shares of the people inside its intended population (fewer than
   * known when some are outside it): that total is a cell of its own.
   */
  private void insideCells(Characteristic ch, String s, long answered) {
    String c = ch.code();
    Map<Long, List<Integer>> byKnown = new HashMap<>();
    for (String category : ch.categoryCodes()) {
      MetricRow r = rows.get(key(s, c, category));
      // A group the project does not compare keeps everyone who answered as its known, some
      // of them (outside a baseline) in no compared group here: it is shown with the people
      // on this sheet ("answered").
      if (r.known() != answered && r.status() != Status.NOT_COMPARED) {
        byKnown
            .computeIfAbsent(r.known(), k -> new ArrayList<>())
            .add(cells.get(key(s, c, category)));
      }
    }
    byKnown.forEach(
        (n, compared) -> {
          int inside = table.cell(n);
          cells.put(key(s, c, "known" + n), inside);
          table.line(compared, inside);
        });
  }

  /**
   * Each broad ethnic group is the sum of its detailed groups, and both have the same people
   * answering.
   */
  private void linkBroadEthnicGroups(String scope) {
    Characteristic broad = Characteristic.ETHNIC_GROUP_BROAD;
    Characteristic detailed = Characteristic.ETHNIC_GROUP;
    if (!cells.containsKey(key(scope, broad.code(), "known"))
        || !cells.containsKey(key(scope, detailed.code(), "known"))) {
      return;
    }
    for (String b : broad.categoryCodes()) {
      List<Integer> parts = new ArrayList<>();
      for (String d : detailed.categoryCodes()) {
        if (Characteristic.broadEthnicGroupOf(d).equals(b)) {
          parts.add(cells.get(key(scope, detailed.code(), d)));
        }
      }
      if (!parts.isEmpty()) {
        table.line(parts, cells.get(key(scope, broad.code(), b)));
      }
    }
    table.line(
        List.of(cells.get(key(scope, detailed.code(), "known"))),
        cells.get(key(scope, broad.code(), "known")));
  }

  /**
   * The earlier quarters of the Trends sheet show each group's exact ratio, from which a reader can
   * work out the quarter's people answering and every shown group's count: so each quarter is a
   * table of its own, its total pinned (known to the reader), its broad groups linked.
   */
  private void pastQuarters(ReportModel model) {
    String now = model.period().label();
    pastCells(model, now, pastAnswered(model, now));
    for (String q : model.history().periods()) {
      if (q.equals(now)) {
        continue;
      }
      pastLines(PAST + q);
    }
  }

  /**
   * Everyone who answered in each earlier quarter, by characteristic: the sum of the groups (a
   * group that some project does not compare is a share of fewer people: its own known, a cell of
   * its own).
   */
  private static Map<CellKey, Long> pastAnswered(ReportModel model, String now) {
    Map<CellKey, Long> answered = new HashMap<>();
    for (MetricRow r : model.history().scopeMetrics()) {
      if (!r.period().equals(now)) {
        answered.merge(
            key(PAST + r.period(), r.characteristic(), "known"), r.participants(), Long::sum);
      }
    }
    return answered;
  }

  /** Each earlier quarter's groups, its people answering and any group's own known. */
  private void pastCells(ReportModel model, String now, Map<CellKey, Long> answered) {
    for (MetricRow r : model.history().scopeMetrics()) {
      if (r.period().equals(now)) {
        continue;
      }
      String scope = PAST + r.period();
      cells.put(key(scope, r.characteristic(), r.category()), table.cell(r.participants()));
      CellKey knownKey = key(scope, r.characteristic(), "known");
      long all = answered.get(knownKey);
      cells.computeIfAbsent(knownKey, k -> table.cell(all));
      if (r.known() != all) {
        cells.computeIfAbsent(
            key(scope, r.characteristic(), "known" + r.known()), k -> table.cell(r.known()));
      }
    }
  }

  /** One earlier quarter's lines: each characteristic's groups, then the broad ethnic groups. */
  private void pastLines(String scope) {
    for (Characteristic ch : Characteristic.values()) {
      Integer known = cells.get(key(scope, ch.code(), "known"));
      if (known == null) {
        continue;
      }
      List<Integer> parts = new ArrayList<>();
      for (String category : ch.categoryCodes()) {
        Integer cell = cells.get(key(scope, ch.code(), category));
        if (cell != null) {
          parts.add(cell);
        }
      }
      if (parts.size() == ch.categoryCodes().size()) {
        table.line(parts, known);
      }
    }
    Characteristic broad = Characteristic.ETHNIC_GROUP_BROAD;
    Characteristic detailed = Characteristic.ETHNIC_GROUP;
    for (String b : broad.categoryCodes()) {
      Integer total = cells.get(key(scope, broad.code(), b));
      List<Integer> parts = new ArrayList<>();
      for (String d : detailed.categoryCodes()) {
        Integer cell = cells.get(key(scope, detailed.code(), d));
        if (Characteristic.broadEthnicGroupOf(d).equals(b) && cell != null) {
          parts.add(cell);
        }
      }
      if (total != null && !parts.isEmpty()) {
        table.line(parts, total);
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * All projects' people who answered, for a group whose projects do not all compare it with the
   * same people (a rollup over projects with intended populations): the sum of each project's
   * figure for that group, a cell of its own and, where the sum holds, a line of the table.
   */
  private void allProjectsKnown(Characteristic ch, List<String> projectIds, long answered) {
    String c = ch.code();
    String all = MetricCalculator.ALL_ID;
    for (String category : ch.categoryCodes()) {
      MetricRow r = rows.get(key(all, c, category));
      if (r.known() == answered) {
        continue;
      }
      Integer total = cells.get(key(all, c, "known" + r.known()));
      if (total == null) {
        total = table.cell(r.known());
        cells.put(key(all, c, "known" + r.known()), total);
      }
      List<Integer> parts = new ArrayList<>();
      for (String p : projectIds) {
        MetricRow pr = rows.get(key(p, c, category));
        if (pr != null) {
          parts.add(knownCell(pr));
        }
      }
      table.lineWhereItHolds(parts, total);
    }
  }
}
