package org.whotakespart.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.whotakespart.config.Characteristic;
import org.whotakespart.stats.EquityRow;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;
import org.whotakespart.stats.Trend;

/**
 * The trends and the equity of experience as a board may see them. The reported quarter follows the
 * workbook's own disclosure control ({@link BoardView}); an earlier quarter's ratio, and any equity
 * share, is withheld when it rests on 1 to threshold − 1 people (the group, the people asked, or
 * those of them without the experience), because with the other figures shown it would give that
 * count away. Statuses stay visible.
 */
public final class TrendView {
  /** One quarter of one group: the ratio when shown, else why not. */
  public record Cell(String period, Double ratio, Status status, String withheld) {}

  /**
   * One group over the quarters, with its trend now and which way its ratio moved since the same
   * quarter a year ago ({@link Direction}; "better" means the ratio rose).
   */
  public record Line(
      Characteristic characteristic,
      String category,
      List<Cell> cells,
      Trend trend,
      Direction sinceYearAgo) {}

  /** One group's equity share as shown: the share, or why it is not. */
  public record Share(Double share, String withheld) {}

  private TrendView() {}

  /** A group of a characteristic. */
  private record Group(String characteristic, String category) {}

  /** A group in a quarter. */
  private record InQuarter(String period, Group group) {}

  public static List<Line> lines(ReportModel model, BoardView board) {
    History h = model.history();
    Map<InQuarter, MetricRow> byKey = new HashMap<>();
    for (MetricRow r : h.scopeMetrics()) {
      byKey.put(new InQuarter(r.period(), new Group(r.characteristic(), r.category())), r);
    }
    Map<Group, MetricRow> nowAll = new HashMap<>();
    for (MetricRow r : model.metrics()) {
      if (r.scopeType() == ScopeType.ALL) {
        nowAll.put(new Group(r.characteristic(), r.category()), r);
      }
    }
    List<Line> lines = new ArrayList<>();
    for (Characteristic c : Characteristic.values()) {
      for (String category : c.categoryCodes()) {
        if (!h.periods().isEmpty()) {
          Group group = new Group(c.code(), category);
          lines.add(line(model, board, byKey, c, category, nowAll.get(group)));
        }
      }
    }
    return lines;
  }

  /**
   * One group's line: its cell in each quarter, its trend and its direction since a year ago.
   *
   * @param shownRow the group's all-projects row this quarter, as the board shows it, or null
   */
  private static Line line(
      ReportModel model,
      BoardView board,
      Map<InQuarter, MetricRow> byKey,
      Characteristic c,
      String category,
      MetricRow shownRow) {
    History h = model.history();
    String now = model.period().label();
    String yearAgo = BoardPage.yearAgo(model.period()).label();
    List<Cell> cells = new ArrayList<>();
    Trend trend = null;
    Direction since = Direction.NO_COMPARISON;
    for (String q : h.periods()) {
      MetricRow r = byKey.get(new InQuarter(q, new Group(c.code(), category)));
      if (r == null) {
        cells.add(new Cell(q, null, Status.NO_DATA, "no data"));
        continue;
      }
      boolean shown;
      String hidden;
      if (q.equals(now)) {
        trend = h.trends().get(Trend.key(r));
        shown = shownRow != null && board.isCountShown(shownRow);
        if (shownRow != null && r.ratio() != null) {
          since =
              BoardPage.direction(
                  board,
                  shownRow,
                  byKey.get(new InQuarter(yearAgo, new Group(c.code(), category))));
        }
        hidden =
            shownRow != null && board.countText(shownRow).equals(board.fewerThanText())
                ? board.fewerThanText()
                : "withheld";
      } else {
        shown = board.isPastCountShown(r);
        hidden = board.pastCountText(r);
      }
      String why =
          r.ratio() == null ? (r.known() == 0 ? "no data" : "no baseline") : shown ? null : hidden;
      cells.add(new Cell(q, why == null ? board.displayed(r).ratio() : null, r.status(), why));
    }
    return new Line(
        c, category, cells, trend == null ? new Trend("not_assessed", 0) : trend, since);
  }

  /** The equity share as a board may see it. */
  public static Share share(long with, long people, int threshold, String fewerThan) {
    if (people == 0) {
      return new Share(null, "no data");
    }
    if (small(people, threshold) || small(with, threshold) || small(people - with, threshold)) {
      return new Share(null, fewerThan);
    }
    // Rounded counts, as everywhere a board looks (NHS England's rule).
    return new Share((double) BoardView.rounded(with) / BoardView.rounded(people), null);
  }

  public static Share share(EquityRow r, int threshold, String fewerThan) {
    return share(r.with(), r.people(), threshold, fewerThan);
  }

  /**
   * The equity share as a board may see it beside the rest of the workbook: an exact share tells a
   * reader about its denominator, the group's people, so it is shown only where the workbook shows
   * that count over the history's scope (all projects, or the part).
   */
  public static Share share(EquityRow r, BoardView board) {
    if (r.people() > 0
        && !board.isCountShown(MetricCalculator.ALL_ID, r.characteristic(), r.category())) {
      return new Share(null, "withheld");
    }
    return share(r, board.threshold(), board.fewerThanText());
  }

  /** Everyone's share as a board may see it: only where the head count of people is shown. */
  public static Share everyone(EquityRow r, BoardView board) {
    if (r.everyonePeople() > 0 && !board.isDistinctPeopleShown()) {
      return new Share(null, "withheld");
    }
    return everyone(r, board.threshold(), board.fewerThanText());
  }

  /** Everyone's share in the row's scope, as a board may see it. */
  public static Share everyone(EquityRow r, int threshold, String fewerThan) {
    return share(r.everyoneWith(), r.everyonePeople(), threshold, fewerThan);
  }

  private static boolean small(long n, int threshold) {
    return n >= 1 && n < threshold;
  }

  /** The name of the scope the history is for. */
  public static String scopeName(ReportModel model) {
    return model.history().scopeType() == ScopeType.ALL
        ? MetricCalculator.ALL_NAME
        : model.scopeName();
  }
}
