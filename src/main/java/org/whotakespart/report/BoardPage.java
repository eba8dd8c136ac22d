package org.whotakespart.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Period;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.QuarterKey;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;
import org.whotakespart.stats.Trend;

/**
 * Page 1 of the board's workbook, decided here and only laid out by the writer: (a) which groups
 * are missing across all projects, surest and largest first, each with its direction since last
 * quarter and since the same quarter a year ago; (b) where, as a heat map of projects by
 * characteristics; (c) whether each persistent gap is getting better.
 *
 * <p>Everything comes from what the {@link BoardView} lets a board see: shortfalls and ratios from
 * rounded counts, statuses only where they are shown, directions only where both quarters' counts
 * are shown (so none of them tells a reader more than the sheets already do).
 *
 * <pre>{@code
 * BoardPage page = BoardPage.of(model, board);
 * page.gaps().get(0).words(); // "About 165 more men and boys would match the local population..."
 * }</pre>
 */
public final class BoardPage {
  /** At most this many gaps head page 1: the rest are on the sheets. */
  public static final int MAX_GAPS = 8;

  /** Quarters back to "the same quarter a year ago". */
  static final int YEAR = 4;

  /**
   * Groups defined by not having a characteristic: a gap is never said from their side (their
   * under-representation is the other groups' over-representation, which is said instead).
   */
  static final Set<String> ABSENCE_SIDE =
      Set.of(
          "disability/not_disabled",
          "unpaid_carer/no",
          "sexual_orientation/straight",
          "gender_identity/same_as_sex_at_birth");

  /**
   * One all-projects gap.
   *
   * @param who the group in words ("men and boys")
   * @param words the gap in one sentence
   * @param shortfall about how many more people would match the population (rounded counts), or
   *     null where the count is not shown
   * @param surest significant at 99.8% as well as 95% (from the rounded counts)
   */
  public record Gap(
      String characteristic,
      String category,
      String who,
      String words,
      Long shortfall,
      boolean surest,
      Direction sinceLastQuarter,
      Direction sinceYearAgo,
      int quartersUnder) {}

  /** One cell of the heat map: the most serious status shown, or null when none is shown. */
  public record Cell(Characteristic characteristic, Status status) {
    public boolean isShown() {
      return status != null;
    }
  }

  /** One row of the heat map. {@code commissioner} is empty for all projects. */
  public record HeatRow(String scopeId, String name, String commissioner, List<Cell> cells) {}

  /**
   * One persistent gap over the year: its ratio now and a year ago (null where not shown), and
   * which way it moved.
   */
  public record Persistent(
      String characteristic,
      String category,
      String who,
      int quartersUnder,
      Double ratioNow,
      Double ratioThen,
      String then,
      Direction direction,
      String words) {}

  private final List<Gap> gaps;
  private final List<Characteristic> columns;
  private final List<HeatRow> heatMap;
  private final List<Persistent> persistent;
  private final String lastQuarter;
  private final String yearAgo;

  private BoardPage(
      List<Gap> gaps,
      List<Characteristic> columns,
      List<HeatRow> heatMap,
      List<Persistent> persistent,
      String lastQuarter,
      String yearAgo) {
    this.gaps = gaps;
    this.columns = columns;
    this.heatMap = heatMap;
    this.persistent = persistent;
    this.lastQuarter = lastQuarter;
    this.yearAgo = yearAgo;
  }

  public List<Gap> gaps() {
    return gaps;
  }

  /** The heat map's columns: every characteristic, ethnic group by its broad groups. */
  public List<Characteristic> columns() {
    return columns;
  }

  /** All projects first, then the projects by commissioner and name. */
  public List<HeatRow> heatMap() {
    return heatMap;
  }

  public List<Persistent> persistent() {
    return persistent;
  }

  public String lastQuarter() {
    return lastQuarter;
  }

  public String yearAgo() {
    return yearAgo;
  }

  /** True for a group said from the side of not having a characteristic ("not disabled"). */
  public static boolean isAbsenceSide(String characteristic, String category) {
    return ABSENCE_SIDE.contains(characteristic + "/" + category);
  }

  /** How serious a status is for the heat map: lower is more serious. */
  public static int seriousness(Status s) {
    return switch (s) {
      case UNDER_REPRESENTED -> 0;
      case POSSIBLY_UNDER_REPRESENTED -> 1;
      case OVER_REPRESENTED -> 2;
      case POSSIBLY_OVER_REPRESENTED -> 3;
      case IN_LINE -> 4;
      case TOO_FEW_TO_TELL -> 5;
      case NOT_COMPARED -> 6;
      case NO_BASELINE -> 7;
      case NO_DATA -> 8;
    };
  }

  public static BoardPage of(ReportModel model, BoardView board) {
    Period now = model.period();
    Period last = now.previous();
    Period year = yearAgo(now);
    Map<QuarterKey, MetricRow> past = new HashMap<>();
    for (MetricRow r : model.history().scopeMetrics()) {
      past.put(QuarterKey.of(r), r);
    }
    List<MetricRow> all =
        model.metrics().stream().filter(r -> r.scopeType() == ScopeType.ALL).toList();
    Map<Trend.Key, Trend> trends = model.history().trends();

    // (a) the gaps
    List<MetricRow> under =
        all.stream()
            .filter(r -> r.status() == Status.UNDER_REPRESENTED)
            .filter(r -> !isAbsenceSide(r.characteristic(), r.category()))
            .filter(board::isStatusShown)
            .toList();
    Set<String> broadUnder = new HashSet<>();
    under.stream()
        .filter(r -> r.characteristic().equals(Characteristic.ETHNIC_GROUP_BROAD.code()))
        .forEach(r -> broadUnder.add(r.category()));
    // A detailed ethnic group is said under its broad group when that is a gap too.
    under =
        under.stream()
            .filter(
                r ->
                    !r.characteristic().equals(Characteristic.ETHNIC_GROUP.code())
                        || !broadUnder.contains(Characteristic.broadEthnicGroupOf(r.category())))
            .toList();
    Comparator<MetricRow> order =
        Comparator.comparing((MetricRow r) -> board.isCountShown(r) ? 0 : 1)
            .thenComparing(r -> isSurest(r, board) ? 0 : 1)
            .thenComparing(r -> board.isShortfallShown(r) ? -board.displayed(r).shortfall() : 0.0)
            .thenComparing(MetricRow::characteristic)
            .thenComparing(MetricRow::category);
    List<Gap> gaps = gapsOf(under, order, trends, past, last, year, board);

    // (b) the heat map
    List<Characteristic> columns = HeatMap.columns();
    List<HeatRow> heat = HeatMap.rows(model, board, columns);

    // (c) is it getting better
    List<Persistent> persistent =
        PersistentGaps.of(all, broadUnder, trends, order, past, year.label(), board);
    return new BoardPage(
        List.copyOf(gaps),
        List.copyOf(columns),
        List.copyOf(heat),
        List.copyOf(persistent),
        last.label(),
        year.label());
  }

  /** The gaps page 1 names, most certain and largest first, at most {@link #MAX_GAPS}. */
  private static List<Gap> gapsOf(
      List<MetricRow> under,
      Comparator<MetricRow> order,
      Map<Trend.Key, Trend> trends,
      Map<QuarterKey, MetricRow> past,
      Period last,
      Period year,
      BoardView board) {
    List<Gap> gaps = new ArrayList<>();
    for (MetricRow r : under.stream().sorted(order).limit(MAX_GAPS).toList()) {
      Trend t = trends.get(Trend.key(r));
      String who = Phrases.people(r.characteristic(), r.category());
      gaps.add(
          new Gap(
              r.characteristic(),
              r.category(),
              who,
              gapWords(r, who, board),
              board.isShortfallShown(r) ? Math.round(board.displayed(r).shortfall()) : null,
              isSurest(r, board),
              direction(board, r, past.get(key(last.label(), r))),
              direction(board, r, past.get(key(year.label(), r))),
              t == null ? 0 : t.quartersUnder()));
    }
    return gaps;
  }

  /** The same quarter a year before. */
  public static Period yearAgo(Period now) {
    Period year = now;
    for (int i = 0; i < YEAR; i++) {
      year = year.previous();
    }
    return year;
  }

  /** The characteristics of the gaps, in the gaps' order (each once). */
  public List<Characteristic> gapCharacteristics() {
    return gaps.stream()
        .map(g -> Characteristic.fromCode(g.characteristic()).orElseThrow())
        .distinct()
        .toList();
  }

  private static QuarterKey key(String period, MetricRow r) {
    return new QuarterKey(period, r.characteristic(), r.category());
  }

  /** Significant at 99.8% as well, judged from the counts a board sees. */
  private static boolean isSurest(MetricRow r, BoardView board) {
    if (!board.isCountShown(r)) {
      return false;
    }
    MetricRow d = board.displayed(r);
    return d.shareCi998() != null
        && d.populationShare() != null
        && d.shareCi998().high() < d.populationShare();
  }

  private static String gapWords(MetricRow exact, String who, BoardView board) {
    if (board.isShortfallShown(exact)) {
      MetricRow r = board.displayed(exact);
      if (r.participants() == 0) {
        return String.format(
            Locale.UK,
            "No %s took part; about %d would match the local" + " population.",
            who,
            Math.round(r.expected()));
      }
      return String.format(
          Locale.UK,
          "About %d more %s would match the local population"
              + " (%,d took part; about %,d expected).",
          Math.round(r.shortfall()),
          who,
          r.participants(),
          Math.round(r.expected()));
    }
    if (board.isCountShown(exact)) {
      return String.format(
          Locale.UK,
          "%s are under-represented (%,d took part; how many more would match the local"
              + " population is not shown, to protect privacy).",
          Phrases.capitalise(who),
          board.displayed(exact).participants());
    }
    return String.format(
        Locale.UK,
        "%s are under-represented (how many is not shown, to protect" + " privacy).",
        Phrases.capitalise(who));
  }

  /**
   * The direction since an earlier quarter, from the counts a board sees in both quarters; not
   * shown where either count is hidden.
   */
  static Direction direction(BoardView board, MetricRow now, MetricRow then) {
    if (then == null || then.known() == 0 || then.populationShare() == null) {
      return Direction.NO_COMPARISON;
    }
    if (!board.isCountShown(now) || !board.isPastCountShown(then)) {
      return Direction.NOT_SHOWN;
    }
    MetricRow d = board.displayed(now);
    return Direction.of(
            BoardView.rounded(then.participants()),
            BoardView.rounded(then.known()),
            then.populationShare(),
            d.participants(),
            d.known(),
            d.populationShare())
        .direction();
  }
}
