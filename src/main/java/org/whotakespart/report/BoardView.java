package org.whotakespart.report;

import static org.whotakespart.report.CellKey.key;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;

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
  /** The words shown in place of a status that would narrow a hidden count. */
  public static final String STATUS_NOT_SHOWN = "not shown";

  private final int threshold;
  private final SuppressionTable table;
  private final BoardCells board;
  private final Map<MetricRow, Boolean> statusShown = new IdentityHashMap<>();
  private final Map<MetricRow, MetricRow> displayed = new IdentityHashMap<>();
  private final MetricCalculator calculator;
  private final String period;
  private final Map<CellKey, Optional<Double>> boardShares = new HashMap<>();

  private BoardView(ReportModel model) {
    this.threshold = model.suppressionThreshold();
    this.table = new SuppressionTable(threshold);
    this.board = BoardCells.of(model, table);
    this.calculator = new MetricCalculator(model.period().label(), model.bands());
    this.period = model.period().label();
  }

  /** Builds and protects the board table of everything the model's workbook and charts show. */
  public static BoardView of(ReportModel model) {
    BoardView v = new BoardView(model);
    v.table.protect();
    return v;
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

  public String countText(MetricRow r) {
    return text(board.cell(r.scopeId(), r.characteristic(), r.category()));
  }

  /** True when the row's count is shown, and with it the share, ratio, intervals and shortfall. */
  public boolean isCountShown(MetricRow r) {
    return shown(board.cell(r.scopeId(), r.characteristic(), r.category())) && isKnownShown(r);
  }

  /**
   * True when a board can be told how many more of a group would match its population: the group's
   * count is shown, and so are the counts its population share is weighted by. All projects' share
   * is weighted by the projects' own counts of people answering; where those are all hidden and the
   * projects' baselines differ, there is no expected count to show.
   */
  public boolean isShortfallShown(MetricRow r) {
    return isCountShown(r) && displayed(r).expected() != null;
  }

  /** True when a scope's count of a group is shown, and the people who answered with it. */
  public boolean isCountShown(String scopeId, String characteristic, String category) {
    return shown(board.cell(scopeId, characteristic, category))
        && shown(board.cell(scopeId, characteristic, "known"));
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
    for (String p : board.projectIds) {
      MetricRow pr = board.rows.get(key(p, r.characteristic(), r.category()));
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
    return text(board.knownCell(r));
  }

  public boolean isKnownShown(MetricRow r) {
    return shown(board.knownCell(r));
  }

  /** The people answering the row's figures are shown with: its known cell's count. */
  private long knownShown(MetricRow r) {
    if (!r.period().equals(period)) {
      return r.known(); // an earlier quarter's row (Trends)
    }
    Integer cell = board.knownCell(r);
    return cell == null ? r.known() : table.value(cell);
  }

  public String unknownText(MetricRow r) {
    return text(board.cell(r.scopeId(), r.characteristic(), "unknown"));
  }

  /** Distinct people in a project (or, for "all", counted once in each project), as shown. */
  public String peopleText(String scopeId) {
    return text(board.cell(scopeId, "people", ""));
  }

  public boolean isPeopleShown(String scopeId) {
    return shown(board.cell(scopeId, "people", ""));
  }

  /** Distinct people over all the workbook's projects (a person counted once), as shown. */
  public String distinctPeopleText() {
    return text(board.cell(MetricCalculator.ALL_ID, "distinct", ""), true);
  }

  public boolean isDistinctPeopleShown() {
    return shown(board.cell(MetricCalculator.ALL_ID, "distinct", ""));
  }

  /** People in roles not compared with the population, in a project or "all", as shown. */
  public String otherRolesText(String scopeId) {
    return text(board.cell(scopeId, "others", ""), true);
  }

  /** People in one role over all the workbook's projects, as shown. */
  public String roleText(String role) {
    return text(board.cell(MetricCalculator.ALL_ID, "role", role), true);
  }

  /**
   * True when an earlier quarter's ratio for the group may be shown (its count is shown); rows of
   * quarters not in the table fall back to the primary rule.
   */
  public boolean isPastCountShown(MetricRow r) {
    Integer cell = board.cell(BoardCells.PAST + r.period(), r.characteristic(), r.category());
    if (cell == null) {
      return !(r.participants() >= 1 && r.participants() < threshold)
          && !(r.known() >= 1 && r.known() < threshold);
    }
    Integer inside =
        board.cell(BoardCells.PAST + r.period(), r.characteristic(), "known" + r.known());
    Integer known =
        inside != null
            ? inside
            : board.cell(BoardCells.PAST + r.period(), r.characteristic(), "known");
    return table.isShown(cell) && (known == null || table.isShown(known));
  }

  /**
   * Why an earlier quarter's ratio is not shown: "fewer than 5" for a count of 1 to 4, "withheld"
   * for a larger count (or its people answering) hidden so as not to give another away.
   */
  public String pastCountText(MetricRow r) {
    Integer cell = board.cell(BoardCells.PAST + r.period(), r.characteristic(), r.category());
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
    Integer cell = board.cell(r.scopeId(), r.characteristic(), r.category());
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
    return new BoardChanges(this, board).of(model);
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
