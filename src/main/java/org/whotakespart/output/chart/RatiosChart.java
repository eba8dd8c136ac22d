package org.whotakespart.output.chart;

import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.whotakespart.config.Characteristic;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.ReportModel;
import org.whotakespart.stats.MetricRow;

/** A characteristic's ratios with their 95% intervals against the reference lines. */
final class RatiosChart {
  private RatiosChart() {}

  static Charts.Chart ratios(
      ReportModel model, Characteristic c, List<MetricRow> rows, BoardView board) {
    int n = rows.size();
    Number[][] lows = new Number[1][n];
    Number[][] highs = new Number[1][n];
    String[] labels = new String[n];
    DefaultCategoryDataset points = new DefaultCategoryDataset();
    StringBuilder alt = new StringBuilder();
    double top = model.bands().high() + 0.25;
    for (int i = 0; i < n; i++) {
      MetricRow r = rows.get(i);
      labels[i] = Charts.axisLabel(c, r, board);
      boolean show = board.isCountShown(r) && board.displayed(r).ratio() != null;
      lows[0][i] = show ? board.displayed(r).ratioCi95().low() : null;
      highs[0][i] = show ? board.displayed(r).ratioCi95().high() : null;
      points.addValue(show ? board.displayed(r).ratio() : null, "Ratio", labels[i]);
      if (show) {
        top = Math.max(top, Math.min(board.displayed(r).ratioCi95().high(), 5.0) + 0.1);
      }
      alt.append(ratioText(labels[i], r, show, board));
    }
    DefaultIntervalCategoryDataset intervals =
        new DefaultIntervalCategoryDataset(new String[] {"95% interval"}, labels, lows, highs);
    String title = c.label() + ": ratio of taking part to local population, with 95% interval";
    CategoryAxis categories = ChartStyle.categoryAxis();
    NumberAxis values = ChartStyle.valueAxis("Ratio (1 = in line with the local population)");
    values.setRange(0, top);
    IntervalBarRenderer whiskers =
        ChartStyle.flatBars(new IntervalBarRenderer(), Palette.GREY, 0.025);
    LineAndShapeRenderer dots = new LineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, Palette.BLUE);
    dots.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));
    CategoryPlot plot = new CategoryPlot(intervals, categories, values, whiskers);
    plot.setDataset(1, points);
    plot.setRenderer(1, dots);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    ChartStyle.styled(plot);
    // Labels at different heights so that the close lines' labels do not overlap.
    plot.addRangeMarker(ChartStyle.inLine(RectangleAnchor.TOP));
    plot.addRangeMarker(ChartStyle.band(model.bands().low(), RectangleAnchor.BOTTOM));
    plot.addRangeMarker(ChartStyle.band(model.bands().high(), RectangleAnchor.BOTTOM));
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
    ChartStyle.addSource(chart, model);
    return ChartStyle.render(
        "ratios-" + c.code(),
        title,
        title
            + ". Below "
            + model.bands().low()
            + " means under-represented. "
            + alt.toString().trim(),
        chart,
        n);
  }

  /** One group's ratio and interval in words, or its status where its count is not shown. */
  private static String ratioText(String label, MetricRow r, boolean show, BoardView board) {
    if (show) {
      return String.format(
          Locale.UK,
          "%s: ratio %.2f (95%% interval %.2f to %.2f), %s. ",
          label,
          board.displayed(r).ratio(),
          board.displayed(r).ratioCi95().low(),
          board.displayed(r).ratioCi95().high(),
          r.status().label().toLowerCase(Locale.UK));
    }
    return label + ": " + board.statusText(r).toLowerCase(Locale.UK) + ". ";
  }
}
