package org.whotakespart.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.whotakespart.config.Characteristic;
import org.whotakespart.report.BoardPage.Persistent;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.QuarterKey;
import org.whotakespart.stats.Status;
import org.whotakespart.stats.Trend;

/** Part (c) of page 1: whether each persistent gap is getting better. */
final class PersistentGaps {
  private PersistentGaps() {}

  /**
   * The gaps under-represented in each of the last {@link Trend#PERSISTENT} quarters or more, the
   * longest first, with how each compares with a year before.
   */
  static List<Persistent> of(
      List<MetricRow> all,
      Set<String> broadUnder,
      Map<Trend.Key, Trend> trends,
      Comparator<MetricRow> order,
      Map<QuarterKey, MetricRow> past,
      String yearLabel,
      BoardView board) {
    List<Persistent> persistent = new ArrayList<>();
    all.stream()
        .filter(r -> r.status() == Status.UNDER_REPRESENTED)
        .filter(r -> !BoardPage.isAbsenceSide(r.characteristic(), r.category()))
        .filter(
            r ->
                !r.characteristic().equals(Characteristic.ETHNIC_GROUP.code())
                    || !broadUnder.contains(Characteristic.broadEthnicGroupOf(r.category())))
        .filter(board::isStatusShown)
        .filter(
            r -> {
              Trend t = trends.get(Trend.key(r));
              return t != null && t.code().equals("persistently_under_represented");
            })
        .sorted(
            Comparator.comparing((MetricRow r) -> -trends.get(Trend.key(r)).quartersUnder())
                .thenComparing(order))
        .forEach(
            r -> {
              MetricRow then =
                  past.get(new QuarterKey(yearLabel, r.characteristic(), r.category()));
              persistent.add(
                  persistent(r, then, trends.get(Trend.key(r)).quartersUnder(), yearLabel, board));
            });
    return persistent;
  }

  /** One persistent gap, its ratio now and a year before, and which way it moved, in words. */
  private static Persistent persistent(
      MetricRow now, MetricRow then, int quarters, String thenLabel, BoardView board) {
    String who = Phrases.people(now.characteristic(), now.category());
    Direction d = BoardPage.direction(board, now, then);
    Double ratioNow = board.isCountShown(now) ? board.displayed(now).ratio() : null;
    Double ratioThen =
        d == Direction.NOT_SHOWN || d == Direction.NO_COMPARISON || then == null
            ? null
            : board.displayed(then).ratio();
    StringBuilder w =
        new StringBuilder(Phrases.capitalise(who))
            .append(": ")
            .append(quarters)
            .append(" quarters running");
    if (ratioNow != null) {
      w.append(String.format(Locale.UK, "; ratio %.2f now", ratioNow));
      if (ratioThen != null) {
        w.append(String.format(Locale.UK, ", %.2f in %s", ratioThen, thenLabel));
      }
    }
    w.append(
        switch (d) {
          case BETTER -> ": getting better, still short.";
          case WORSE -> ": getting worse.";
          case NO_CLEAR_CHANGE -> ": no clear change.";
          case NO_COMPARISON -> "; no figures for " + thenLabel + ".";
          case NOT_SHOWN -> "; change not shown (privacy).";
        });
    return new Persistent(
        now.characteristic(),
        now.category(),
        who,
        quarters,
        ratioNow,
        ratioThen,
        thenLabel,
        d,
        w.toString());
  }
}
