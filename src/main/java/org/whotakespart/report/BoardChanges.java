package org.whotakespart.report;

import static org.whotakespart.report.CellKey.key;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.whotakespart.config.Characteristic;
import org.whotakespart.report.BoardView.Change;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;
import org.whotakespart.stats.Wilson;

/**
 * What changed since the quarter before, as a board may read it ({@link BoardView#changes}): the
 * candidate changes, then only those whose earlier statuses narrow nothing shown on the Trends
 * sheet.
 */
final class BoardChanges {
  private final BoardView view;
  private final BoardCells board;

  BoardChanges(BoardView view, BoardCells board) {
    this.view = view;
    this.board = board;
  }

  List<Change> of(ReportModel model) {
    Map<CellKey, MetricRow> before = new HashMap<>();
    for (MetricRow r : model.previousMetrics()) {
      if (r.scopeType() == ScopeType.PROJECT) {
        before.put(key(r.scopeId(), r.characteristic(), r.category()), r);
      }
    }
    List<Change> candidates = new ArrayList<>();
    // by group (scope ""): the least the earlier statuses imply, summed over projects
    Map<CellKey, long[]> floors = new HashMap<>();
    for (MetricRow r : model.metrics()) {
      if (r.scopeType() != ScopeType.PROJECT
          || r.characteristic().equals(Characteristic.ETHNIC_GROUP_BROAD.code())
          || !view.isStatusShown(r)) {
        continue;
      }
      Change c = change(r, before.get(key(r.scopeId(), r.characteristic(), r.category())));
      if (c != null) {
        candidates.add(c);
        long[] f =
            floors.computeIfAbsent(key("", r.characteristic(), r.category()), k -> new long[2]);
        addFloors(f, c.before());
      }
    }
    String past = BoardCells.PAST + model.period().previous().label();
    List<Change> out = new ArrayList<>();
    for (Change c : candidates) {
      if (isQuiet(c, past, floors.get(key("", c.now().characteristic(), c.now().category())))) {
        out.add(c);
      }
    }
    return out;
  }

  /** The row's change since the quarter before, or null. */
  private static Change change(MetricRow r, MetricRow b) {
    boolean now = r.status() == Status.UNDER_REPRESENTED;
    boolean then = b != null && b.status() == Status.UNDER_REPRESENTED;
    if (now && !then && b != null && b.status() != Status.NO_DATA) {
      return new Change(r, b, true);
    } else if (then && !now && r.status() != Status.NO_DATA) {
      return new Change(r, b, false);
    }
    return null;
  }

  /**
   * Adds what an earlier status tells a reader: "in line" or "over-represented" at least one person
   * of the group ({@code f[0]}); any status at least one person answering, "under-represented" at
   * least as many as it takes to show a gap ({@code f[1]}).
   */
  private static void addFloors(long[] f, MetricRow b) {
    Status s = b.status();
    f[0] +=
        s == Status.IN_LINE || s == Status.POSSIBLY_OVER_REPRESENTED || s == Status.OVER_REPRESENTED
            ? 1
            : 0;
    f[1] +=
        s == Status.UNDER_REPRESENTED
            ? leastAbleToShowGap(b.populationShare())
            : s == Status.NOT_COMPARED ? 0 : 1;
  }

  /**
   * True when the earlier quarter's count of the group and its people answering are shown on the
   * Trends sheet and the floors are no more than the least a reader knows of them (or the quarter
   * is not there).
   */
  private boolean isQuiet(Change c, String past, long[] f) {
    SuppressionTable table = board.table;
    String ch = c.now().characteristic();
    Integer group = board.cell(past, ch, c.now().category());
    boolean quiet = group == null || table.isShown(group) && f[0] <= table.lowest(group);
    for (var e : board.cells.entrySet()) {
      CellKey k = e.getKey();
      if (k.scope().equals(past)
          && k.characteristic().equals(ch)
          && k.column().startsWith("known")) {
        quiet &= table.isShown(e.getValue()) && f[1] <= table.lowest(e.getValue());
      }
    }
    return quiet;
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
}
