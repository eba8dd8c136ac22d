package org.whotakespart.output.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.whotakespart.report.BoardPage;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.Phrases;
import org.whotakespart.report.ReportModel;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.QuarterKey;
import org.whotakespart.stats.ScopeType;

/** The all-projects trend of the persistent gaps page 1 names. */
final class GapsChart {
  private GapsChart() {}

  /** At most this many persistent gaps share the all-projects trend chart. */
  static final int MOST_PERSISTENT = 4;

  /**
   * The all-projects ratio, quarter by quarter, with its 95% interval, for the persistent gaps page
   * 1 names (the first {@link #MOST_PERSISTENT}): each gap a line in its own colour, dash and
   * marker (so it reads in greyscale), nudged sideways so that the intervals do not overlap, and
   * named in the legend rather than on the lines. From the counts a board sees; a quarter whose
   * count is hidden is a gap in the line.
   */
  static Optional<Charts.Chart> persistentGaps(ReportModel model, BoardView board) {
    List<BoardPage.Persistent> gaps = BoardPage.of(model, board).persistent();
    List<String> periods = model.history().periods();
    if (gaps.isEmpty() || periods.size() < 2) {
      return Optional.empty();
    }
    gaps = gaps.subList(0, Math.min(MOST_PERSISTENT, gaps.size()));
    GapLines lines = gapLines(model, board, gaps, periods);
    SymbolAxis quarters = new SymbolAxis("Quarter", periods.toArray(new String[0]));
    quarters.setTickLabelFont(ChartStyle.SMALL);
    quarters.setLabelFont(ChartStyle.LABEL);
    quarters.setGridBandsVisible(false);
    quarters.setRange(-0.5, periods.size() - 0.5);
    NumberAxis values =
        ChartStyle.valueAxis("Ratio, all projects (1 = in line), with 95% interval");
    values.setRange(0, lines.top());
    XYPlot plot = new XYPlot(lines.data(), quarters, values, gapRenderer(gaps.size()));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(Palette.LIGHT_GREY);
    plot.setDomainGridlinesVisible(false);
    plot.addRangeMarker(ChartStyle.inLine(RectangleAnchor.TOP_RIGHT));
    plot.addRangeMarker(ChartStyle.band(model.bands().low(), RectangleAnchor.BOTTOM_RIGHT));
    String title = "All projects: the persistent gaps over the quarters";
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
    chart.getLegend().setItemFont(ChartStyle.LABEL);
    ChartStyle.addSource(chart, model);
    return Optional.of(
        ChartStyle.render(
            "trend-gaps",
            title,
            title + ", ratio with 95% interval. " + lines.alt().trim(),
            chart,
            9));
  }

  /** The gaps' lines, the chart's text alternative, and the top of its scale. */
  private record GapLines(YIntervalSeriesCollection data, String alt, double top) {}

  /**
   * Each gap's ratio quarter by quarter, nudged sideways, with the text that describes it; a
   * quarter whose count the board hides is left out.
   */
  private static GapLines gapLines(
      ReportModel model, BoardView board, List<BoardPage.Persistent> gaps, List<String> periods) {
    Map<QuarterKey, MetricRow> past = new HashMap<>();
    for (MetricRow r : model.history().scopeMetrics()) {
      past.put(QuarterKey.of(r), r);
    }
    String now = model.period().label();
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    StringBuilder alt = new StringBuilder();
    double top = model.bands().high() + 0.1;
    for (int g = 0; g < gaps.size(); g++) {
      var gap = gaps.get(g);
      String name = Phrases.capitalise(gap.who());
      YIntervalSeries series = new YIntervalSeries(name);
      alt.append(name).append(": ");
      double nudge = (g - (gaps.size() - 1) / 2.0) * 0.08;
      for (int q = 0; q < periods.size(); q++) {
        MetricRow r =
            past.get(new QuarterKey(periods.get(q), gap.characteristic(), gap.category()));
        boolean shown =
            r != null
                && r.ratio() != null
                && (periods.get(q).equals(now)
                    ? model.metrics().stream()
                        .anyMatch(
                            m ->
                                m.scopeType() == ScopeType.ALL
                                    && m.characteristic().equals(gap.characteristic())
                                    && m.category().equals(gap.category())
                                    && board.isCountShown(m))
                    : board.isPastCountShown(r));
        if (!shown || board.displayed(r).ratioCi95() == null) {
          alt.append(periods.get(q)).append(" not shown; ");
          continue;
        }
        MetricRow d = board.displayed(r);
        series.add(q + nudge, d.ratio(), d.ratioCi95().low(), d.ratioCi95().high());
        top = Math.max(top, Math.min(d.ratioCi95().high(), 3.0) + 0.05);
        alt.append(
            String.format(
                Locale.UK,
                "%s %.2f (%.2f to %.2f); ",
                periods.get(q),
                d.ratio(),
                d.ratioCi95().low(),
                d.ratioCi95().high()));
      }
      data.addSeries(series);
    }
    return new GapLines(data, alt.toString(), top);
  }

  /** The lines' colours, dashes and markers, distinct in greyscale too. */
  private static XYErrorRenderer gapRenderer(int lines) {
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(true);
    renderer.setDefaultShapesVisible(true);
    renderer.setCapLength(6);
    Color[] colours = {Palette.VERMILLION, Palette.BLUE, Color.BLACK, Palette.SKY};
    float[][] dashes = {null, {8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};
    Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
    for (int i = 0; i < lines; i++) {
      renderer.setSeriesPaint(i, colours[i]);
      renderer.setSeriesStroke(
          i,
          dashes[i] == null
              ? new BasicStroke(2.5f)
              : new BasicStroke(
                  2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dashes[i], 0f));
      renderer.setSeriesShape(i, shapes[i]);
    }
    renderer.setErrorStroke(new BasicStroke(1.2f));
    return renderer;
  }
}
