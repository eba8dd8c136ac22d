package org.whotakespart.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.PeopleRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;
import org.whotakespart.stats.Wilson;

/**
 * What a board may see of the metrics: disclosure control (statistics.md) applied once to
 * everything one workbook (and its charts) shows: the projects and their all-projects total, the
 * head counts, the people in other roles, detailed ethnic groups under their broad groups, and the
 * trend quarters, so that no count from 1 to threshold − 1 is shown and no hidden count can be
 * narrowed below three possible values by a reader who solves every figure shown as an integer
 * programme ({@link DisclosureAudit}). A status beside a hidden count is shown only when it is the
 * same for every value the count could take.
 *
 * <pre>{@code
 * BoardView board = BoardView.of(model);
 * String people = board.countText(row);     // "12", "fewer than 5" or "withheld"
 * if (board.isCountShown(row)) { ...share, ratio and shortfall may be shown... }
 * }</pre>
 */
public final class BoardView {
  /** Where the earlier quarters' cells are kept, before the period label. */
  private static final String PAST = "past:";

  /** The words shown in place of a status that would narrow a hidden count. */
  public static final String STATUS_NOT_SHOWN = "not shown";

  private final int threshold;
  private final SuppressionTable table;
  private final Map<CellKey, Integer> cells = new HashMap<>();
  private final Map<CellKey, MetricRow> rows = new HashMap<>();
  private final Map<MetricRow, Boolean> statusShown = new IdentityHashMap<>();
  private final Map<MetricRow, MetricRow> displayed = new IdentityHashMap<>();
  private final MetricCalculator calculator;
  private final String period;
  private final List<String> projectIds = new ArrayList<>();
  private final Map<CellKey, Optional<Double>> boardShares = new HashMap<>();

  private BoardView(ReportModel model) {
    this.threshold = model.suppressionThreshold();
    this.table = new SuppressionTable(threshold);
    this.calculator = new MetricCalculator(model.period().label(), model.bands());
    this.period = model.period().label();
  }

  /** Builds and protects the board table of everything the model's workbook and charts show. */
  public static BoardView of(ReportModel model) {
    BoardView v = new BoardView(model);
    v.build(model);
    v.table.protect();
    return v;
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
    // Everyone who answered is the sum of the groups; a group that some project does not compare
    // is a share of fewer people (its own known, a cell of its own).
    Map<CellKey, Long> answered = new HashMap<>();
    for (MetricRow r : model.history().scopeMetrics()) {
      if (!r.period().equals(now)) {
        answered.merge(
            key(PAST + r.period(), r.characteristic(), "known"), r.participants(), Long::sum);
      }
    }
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
    for (String q : model.history().periods()) {
      if (q.equals(now)) {
        continue;
      }
      String scope = PAST + q;
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
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * One cell of the suppression table, as a map key: a scope (a project's id, the rollup's, or a
   * past quarter's), a characteristic's code and a column (a category, "known", "known" and a
   * count, "unknown", or "" for the scope's people).
   */
  private record CellKey(String scope, String characteristic, String column) {}

  private static CellKey key(String scope, String characteristic, String column) {
    return new CellKey(scope, characteristic, column);
  }

  public int threshold() {
    return threshold;
  }

  /** "fewer than 5" (words: screen readers read them). */
  public String fewerThanText() {
    return "fewer than " + threshold;
  }

  private String text(Integer cell) {
    return text(cell, false);
  }

  /**
   * @param grouped digits in thousands ("1,234"), as head counts are written in sentences
   */
  private String text(Integer cell, boolean grouped) {
    if (cell == null) {
      return "";
    }
    return switch (table.shown(cell)) {
      case VALUE ->
          grouped
              ? String.format(Locale.UK, "%,d", table.rounded(cell))
              : Long.toString(table.rounded(cell));
      case FEWER_THAN -> fewerThanText();
      case WITHHELD -> "withheld";
    };
  }

  private boolean shown(Integer cell) {
    return cell != null && table.isShown(cell);
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

  /** The row's count of people in its category, as a board may see it. */
  public String countText(MetricRow r) {
    return text(cells.get(key(r.scopeId(), r.characteristic(), r.category())));
  }

  /** True when the row's count is shown, and with it the share, ratio, intervals and shortfall. */
  public boolean isCountShown(MetricRow r) {
    return shown(cells.get(key(r.scopeId(), r.characteristic(), r.category()))) && isKnownShown(r);
  }

  /** True when a scope's count of a group is shown, and the people who answered with it. */
  public boolean isCountShown(String scopeId, String characteristic, String category) {
    return shown(cells.get(key(scopeId, characteristic, category)))
        && shown(cells.get(key(scopeId, characteristic, "known")));
  }

  /**
   * The row as a board sees it: its counts rounded to the nearest 5 and the share, intervals,
   * ratio, expected and shortfall worked out from the rounded counts (NHS England's rule); the
   * status is the one from the exact counts. Use only where {@link #isKnownShown} holds (and {@link
   * #isCountShown} for the share and what follows from it).
   */
  public MetricRow displayed(MetricRow r) {
    return displayed.computeIfAbsent(
        r,
        row -> {
          MetricRow m =
              calculator.metric(
                  row.scopeType(),
                  row.scopeId(),
                  row.scopeName(),
                  row.characteristic(),
                  row.category(),
                  SuppressionTable.rounded(row.participants()),
                  SuppressionTable.rounded(knownShown(row)),
                  SuppressionTable.rounded(row.unknown()),
                  populationShare(row));
          return new MetricRow(
              m.period(),
              m.scopeType(),
              m.scopeId(),
              m.scopeName(),
              m.characteristic(),
              m.category(),
              m.participants(),
              m.known(),
              m.unknown(),
              m.share(),
              m.shareCi95(),
              m.shareCi998(),
              m.populationShare(),
              m.expected(),
              m.shortfall(),
              m.ratio(),
              m.ratioCi95(),
              row.status());
        });
  }

  /**
   * The group's local population share as a board sees it. A project's is its baseline. All
   * projects' is, in metrics.csv, the projects' baselines weighted by their exact people answering
   * (statistics.md), an equation in those counts that would narrow any hidden among them; a board
   * sees it weighted by the people answering as shown instead: each project whose people answering
   * are shown, rounded, with its baseline (or, for a project that does not compare the group, its
   * shown count). Projects whose figure is hidden are left out, unless every project has the same
   * baseline (then that is the share, whatever the weights). Null when nothing shown can weight it.
   */
  public Double populationShare(MetricRow r) {
    if (r.scopeType() != ScopeType.ALL || r.populationShare() == null) {
      return r.populationShare();
    }
    return boardShares
        .computeIfAbsent(
            key(r.scopeId(), r.characteristic(), r.category()), k -> boardPopulationShare(r))
        .orElse(null);
  }

  private Optional<Double> boardPopulationShare(MetricRow r) {
    double expected = 0;
    long weights = 0;
    Set<Double> baselines = new HashSet<>();
    boolean allCompared = true;
    for (String p : projectIds) {
      MetricRow pr = rows.get(key(p, r.characteristic(), r.category()));
      if (pr == null) {
        continue;
      }
      boolean notCompared = pr.status() == Status.NOT_COMPARED;
      allCompared &= !notCompared;
      if (!notCompared && pr.populationShare() == null) {
        continue; // adds people to the share, nothing to the baseline (MetricCalculator.rollup)
      }
      if (!notCompared) {
        baselines.add(pr.populationShare());
      }
      if (!isKnownShown(pr) || notCompared && !isCountShown(pr)) {
        continue;
      }
      long known = SuppressionTable.rounded(pr.known());
      weights += known;
      expected +=
          notCompared ? SuppressionTable.rounded(pr.participants()) : known * pr.populationShare();
    }
    if (allCompared && baselines.size() == 1) {
      return Optional.of(baselines.iterator().next());
    }
    return weights == 0 ? Optional.empty() : Optional.of(expected / weights);
  }

  /** A count as a board sees it, rounded to the nearest 5 (only where it is shown). */
  public static long rounded(long count) {
    return SuppressionTable.rounded(count);
  }

  /** The number of people whose value is known (inside the intended population), as shown. */
  public String knownText(MetricRow r) {
    return text(knownCell(r));
  }

  public boolean isKnownShown(MetricRow r) {
    return shown(knownCell(r));
  }

  /** The people answering the row's figures are shown with: its known cell's count. */
  private long knownShown(MetricRow r) {
    if (!r.period().equals(period)) {
      return r.known(); // an earlier quarter's row (Trends)
    }
    Integer cell = knownCell(r);
    return cell == null ? r.known() : table.value(cell);
  }

  private Integer knownCell(MetricRow r) {
    Integer inside = cells.get(key(r.scopeId(), r.characteristic(), "known" + r.known()));
    return inside != null ? inside : cells.get(key(r.scopeId(), r.characteristic(), "known"));
  }

  public String unknownText(MetricRow r) {
    return text(cells.get(key(r.scopeId(), r.characteristic(), "unknown")));
  }

  /** Distinct people in a project (or, for "all", counted once in each project), as shown. */
  public String peopleText(String scopeId) {
    return text(cells.get(key(scopeId, "people", "")));
  }

  public boolean isPeopleShown(String scopeId) {
    return shown(cells.get(key(scopeId, "people", "")));
  }

  /** Distinct people over all the workbook's projects (a person counted once), as shown. */
  public String distinctPeopleText() {
    return text(cells.get(key(MetricCalculator.ALL_ID, "distinct", "")), true);
  }

  public boolean isDistinctPeopleShown() {
    return shown(cells.get(key(MetricCalculator.ALL_ID, "distinct", "")));
  }

  /** People in roles not compared with the population, in a project or "all", as shown. */
  public String otherRolesText(String scopeId) {
    return text(cells.get(key(scopeId, "others", "")), true);
  }

  /** People in one role over all the workbook's projects, as shown. */
  public String roleText(String role) {
    return text(cells.get(key(MetricCalculator.ALL_ID, "role", role)), true);
  }

  /**
   * True when an earlier quarter's ratio for the group may be shown (its count is shown); rows of
   * quarters not in the table fall back to the primary rule.
   */
  public boolean isPastCountShown(MetricRow r) {
    Integer cell = cells.get(key(PAST + r.period(), r.characteristic(), r.category()));
    if (cell == null) {
      return !(r.participants() >= 1 && r.participants() < threshold)
          && !(r.known() >= 1 && r.known() < threshold);
    }
    Integer inside = cells.get(key(PAST + r.period(), r.characteristic(), "known" + r.known()));
    Integer known =
        inside != null ? inside : cells.get(key(PAST + r.period(), r.characteristic(), "known"));
    return table.isShown(cell) && (known == null || table.isShown(known));
  }

  /**
   * Why an earlier quarter's ratio is not shown: "fewer than 5" for a count of 1 to 4, "withheld"
   * for a larger count (or its people answering) hidden so as not to give another away.
   */
  public String pastCountText(MetricRow r) {
    Integer cell = cells.get(key(PAST + r.period(), r.characteristic(), r.category()));
    if (cell == null || table.shown(cell) == SuppressionTable.Shown.FEWER_THAN) {
      return fewerThanText();
    }
    return "withheld";
  }

  /**
   * True when the row's status may be shown: its count is shown, or the status is the same for
   * every value a reader knows the hidden count could take (1 to threshold − 1 for "fewer than", 1
   * to the people answering for a withheld count), with the people answering shown.
   */
  public boolean isStatusShown(MetricRow r) {
    Integer cell = cells.get(key(r.scopeId(), r.characteristic(), r.category()));
    if (cell == null || table.isShown(cell) && isKnownShown(r)) {
      return true;
    }
    return statusShown.computeIfAbsent(
        r,
        row -> {
          if (!isKnownShown(row)) {
            return false;
          }
          long high =
              table.shown(cell) == SuppressionTable.Shown.FEWER_THAN
                  ? Math.min(threshold - 1, row.known())
                  : row.known();
          Status first = null;
          for (long x = 1; x <= high; x++) {
            Status s =
                calculator
                    .metric(
                        row.scopeType(),
                        row.scopeId(),
                        row.scopeName(),
                        row.characteristic(),
                        row.category(),
                        x,
                        row.known(),
                        row.unknown(),
                        row.populationShare())
                    .status();
            if (first == null) {
              first = s;
            } else if (s != first) {
              return false;
            }
          }
          return true;
        });
  }

  /**
   * A project's group that became, or stopped being, under-represented since the quarter before.
   */
  public record Change(MetricRow now, MetricRow before, boolean worse) {}

  /**
   * What changed since the quarter before, as a board may read it: groups of a project whose status
   * is shown that became under-represented (quoting the earlier status) or stopped being. An
   * earlier status tells a reader about that quarter's counts: "in line" or "over-represented"
   * means at least one person of the group, any status at least one person answering,
   * "under-represented" at least as many answering as it takes to show a gap. Those counts add up
   * to the earlier quarter's figures on the Trends sheet, so a group's changes are listed only
   * where that quarter's count of the group and its people answering are not hidden there, and the
   * least they imply together is no more than the least a reader knows of those figures: then the
   * earlier statuses narrow nothing. A quarter not on the Trends sheet shows no counts to narrow.
   */
  public List<Change> changes(ReportModel model) {
    Map<CellKey, MetricRow> before = new HashMap<>();
    for (MetricRow r : model.previousMetrics()) {
      if (r.scopeType() == ScopeType.PROJECT) {
        before.put(key(r.scopeId(), r.characteristic(), r.category()), r);
      }
    }
    List<Change> candidates = new ArrayList<>();
    Map<CellKey, long[]> floors = new HashMap<>();
    for (MetricRow r : model.metrics()) {
      if (r.scopeType() != ScopeType.PROJECT
          || r.characteristic().equals(Characteristic.ETHNIC_GROUP_BROAD.code())
          || !isStatusShown(r)) {
        continue;
      }
      MetricRow b = before.get(key(r.scopeId(), r.characteristic(), r.category()));
      boolean now = r.status() == Status.UNDER_REPRESENTED;
      boolean then = b != null && b.status() == Status.UNDER_REPRESENTED;
      Change c;
      if (now && !then && b != null && b.status() != Status.NO_DATA) {
        c = new Change(r, b, true);
      } else if (then && !now && r.status() != Status.NO_DATA) {
        c = new Change(r, b, false);
      } else {
        continue;
      }
      candidates.add(c);
      long[] f =
          floors.computeIfAbsent(key("", r.characteristic(), r.category()), k -> new long[2]);
      Status s = b.status();
      f[0] +=
          s == Status.IN_LINE
                  || s == Status.POSSIBLY_OVER_REPRESENTED
                  || s == Status.OVER_REPRESENTED
              ? 1
              : 0;
      f[1] +=
          s == Status.UNDER_REPRESENTED
              ? leastAbleToShowGap(b.populationShare())
              : s == Status.NOT_COMPARED ? 0 : 1;
    }
    String past = PAST + model.period().previous().label();
    List<Change> out = new ArrayList<>();
    for (Change c : candidates) {
      String ch = c.now().characteristic();
      long[] f = floors.get(key("", ch, c.now().category()));
      Integer group = cells.get(key(past, ch, c.now().category()));
      boolean quiet = group == null || table.isShown(group) && f[0] <= table.lowest(group);
      for (var e : cells.entrySet()) {
        CellKey k = e.getKey();
        if (k.scope().equals(past)
            && k.characteristic().equals(ch)
            && k.column().startsWith("known")) {
          quiet &= table.isShown(e.getValue()) && f[1] <= table.lowest(e.getValue());
        }
      }
      if (quiet) {
        out.add(c);
      }
    }
    return out;
  }

  /** The fewest people answering for which even nobody of a group of share p0 would be a gap. */
  private static long leastAbleToShowGap(Double p0) {
    if (p0 == null || p0 <= 0) {
      return 1;
    }
    double z2 = Wilson.Z95 * Wilson.Z95;
    long n = Math.max(1, (long) Math.floor(z2 * (1 - p0) / p0) - 1);
    while (!Status.ableToShowGap(n, p0)) {
      n++;
    }
    return n;
  }

  /** The row's status in words, or {@link #STATUS_NOT_SHOWN}. */
  public String statusText(MetricRow r) {
    return isStatusShown(r) ? r.status().label() : STATUS_NOT_SHOWN;
  }

  /** How many counts this workbook hides ("fewer than N" and withheld). */
  public int hiddenCount() {
    return table.hiddenCount();
  }

  /** The audit of everything this view shows. */
  public DisclosureAudit.Result audit() {
    return table.audit();
  }

  /**
   * Fails closed: throws, naming the output, unless the audit passes; call before writing it.
   *
   * @param output what is about to be written, in words ("the workbook x.xlsx")
   */
  public void requirePasses(String output) {
    DisclosureAudit.Result a = table.audit();
    if (!a.passes()) {
      throw new DisclosureException(
          String.format(
              Locale.UK,
              "not publishing %s: the disclosure audit found %d of its %d hidden counts narrowed"
                  + " to fewer than %d possible values (%d of them in a table too large to solve"
                  + " whole, not shown to have more), and suppressing more could not fix it; nothing"
                  + " was written for it",
              output,
              a.failing().size(),
              a.hidden(),
              DisclosureAudit.MIN_POSSIBLE_VALUES,
              a.unproven().size()));
    }
  }
}
