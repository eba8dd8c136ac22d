package org.whotakespart.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.whotakespart.config.Characteristic;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;

/**
 * What a board may see of the metrics: disclosure control (statistics.md) applied once to the
 * whole board-facing table, the projects and their all-projects total, so that no count from 1 to
 * threshold − 1 is shown and none can be recovered from a share, a ratio, a shortfall, a total, or
 * by subtracting the other projects from the all-projects figure. Statuses stay visible.
 *
 * <pre>{@code
 * BoardView board = BoardView.of(model);
 * String people = board.countText(row);     // "12", "fewer than 5" or "withheld"
 * if (board.isCountShown(row)) { ...share, ratio and shortfall may be shown... }
 * }</pre>
 */
public final class BoardView {
  private final int threshold;
  private final SuppressionTable table;
  private final Map<String, Integer> cells = new HashMap<>();

  private BoardView(int threshold) {
    this.threshold = threshold;
    this.table = new SuppressionTable(threshold);
  }

  /** Builds and protects the board table of the model's project and all-projects rows. */
  public static BoardView of(ReportModel model) {
    BoardView v = new BoardView(model.suppressionThreshold());
    v.build(model);
    v.table.protect();
    return v;
  }

  private void build(ReportModel model) {
    Map<String, MetricRow> rows = new HashMap<>();
    List<String> projectIds = new ArrayList<>();
    model.projects().forEach(p -> projectIds.add(p.projectId()));
    for (MetricRow r : model.metrics()) {
      if (r.scopeType() == ScopeType.PROJECT || r.scopeType() == ScopeType.ALL) {
        rows.put(key(r.scopeId(), r.characteristic(), r.category()), r);
      }
    }
    String all = org.whotakespart.stats.MetricCalculator.ALL_ID;
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

    for (Characteristic ch : Characteristic.values()) {
      String c = ch.code();
      List<String> scopes = new ArrayList<>(projectIds);
      scopes.add(all);
      for (String s : scopes) {
        MetricRow first = rows.get(key(s, c, ch.categoryCodes().get(0)));
        if (first == null) {
          continue;
        }
        List<Integer> parts = new ArrayList<>();
        for (String category : ch.categoryCodes()) {
          MetricRow r = rows.get(key(s, c, category));
          int cell = table.cell(r.participants());
          cells.put(key(s, c, category), cell);
          parts.add(cell);
        }
        int known = table.cell(first.known());
        int unknown = table.headCount(first.unknown());
        cells.put(key(s, c, "known"), known);
        cells.put(key(s, c, "unknown"), unknown);
        table.line(parts, known);
        table.line(List.of(known, unknown), cells.get(key(s, "people", "")));
        // A project's compared groups are shares of the people inside its intended population
        // (fewer than known when some are outside it): that total is a cell of its own.
        Map<Long, List<Integer>> byKnown = new HashMap<>();
        for (String category : ch.categoryCodes()) {
          MetricRow r = rows.get(key(s, c, category));
          if (r.known() != first.known()) {
            byKnown.computeIfAbsent(r.known(), k -> new ArrayList<>())
                .add(cells.get(key(s, c, category)));
          }
        }
        byKnown.forEach((n, compared) -> {
          int inside = table.cell(n);
          cells.put(key(s, c, "known" + n), inside);
          table.line(compared, inside);
        });
      }
      if (!rows.containsKey(key(all, c, ch.categoryCodes().get(0)))) {
        continue;
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
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String key(String scope, String characteristic, String column) {
    return scope + '\u0000' + characteristic + '\u0000' + column;
  }

  public int threshold() {
    return threshold;
  }

  /** "fewer than 5" (words: screen readers read them). */
  public String fewerThanText() {
    return "fewer than " + threshold;
  }

  private String text(Integer cell) {
    if (cell == null) {
      return "";
    }
    return switch (table.shown(cell)) {
      case VALUE -> Long.toString(table.value(cell));
      case FEWER_THAN -> fewerThanText();
      case WITHHELD -> "withheld";
    };
  }

  private boolean shown(Integer cell) {
    return cell != null && table.isShown(cell);
  }

  /** A head count that is in no table of groups (people by role): shown as it is. */
  public String headCountText(long n) {
    return String.format(java.util.Locale.UK, "%,d", n);
  }

  /** The row's count of people in its category, as a board may see it. */
  public String countText(MetricRow r) {
    return text(cells.get(key(r.scopeId(), r.characteristic(), r.category())));
  }

  /** True when the row's count is shown, and with it the share, ratio, intervals and shortfall. */
  public boolean isCountShown(MetricRow r) {
    return shown(cells.get(key(r.scopeId(), r.characteristic(), r.category())))
        && isKnownShown(r);
  }

  /** The number of people whose value is known (inside the intended population), as shown. */
  public String knownText(MetricRow r) {
    return text(knownCell(r));
  }

  public boolean isKnownShown(MetricRow r) {
    return shown(knownCell(r));
  }

  private Integer knownCell(MetricRow r) {
    Integer inside = cells.get(key(r.scopeId(), r.characteristic(), "known" + r.known()));
    return inside != null ? inside : cells.get(key(r.scopeId(), r.characteristic(), "known"));
  }

  public String unknownText(MetricRow r) {
    return text(cells.get(key(r.scopeId(), r.characteristic(), "unknown")));
  }

  /** Distinct people in a project (or "all"), as shown. */
  public String peopleText(String scopeId) {
    return text(cells.get(key(scopeId, "people", "")));
  }
}
