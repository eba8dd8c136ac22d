package org.whotakespart.output.chart;

import java.awt.Color;
import java.awt.Polygon;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.whotakespart.config.Characteristic;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.ReportModel;
import org.whotakespart.stats.MetricRow;

/** A characteristic's share taking part beside the share of the local population. */
final class SharesChart {
  private SharesChart() {}

  static Charts.Chart shares(
      ReportModel model, Characteristic c, List<MetricRow> rows, BoardView board) {
    StringBuilder alt = new StringBuilder();
    JFreeChart chart = sharesChart(model, c, rows, board, alt);
    return ChartStyle.render(
        "shares-" + c.code(),
        chart.getTitle().getText(),
        chart.getTitle().getText() + ". " + alt.toString().trim(),
        chart,
        rows.size());
  }

  /**
   * The share taking part as a bar with its 95% interval (from the counts a board sees), and the
   * local population's share as a black diamond on the same line (as Fingertips draws an indicator
   * against its benchmark). Only the bars carry value labels, and the renderer draws each one from
   * its own bar's value, inside the bar's base (or just past its end when the bar is too short).
   */
  static JFreeChart sharesChart(
      ReportModel model,
      Characteristic c,
      List<MetricRow> rows,
      BoardView board,
      StringBuilder alt) {
    int n = rows.size();
    DefaultCategoryDataset taking = new DefaultCategoryDataset();
    DefaultCategoryDataset population = new DefaultCategoryDataset();
    Number[][] lows = new Number[1][n];
    Number[][] highs = new Number[1][n];
    String[] labels = new String[n];
    double top = 10;
    for (int i = 0; i < n; i++) {
      MetricRow r = rows.get(i);
      String label = Charts.axisLabel(c, r, board);
      labels[i] = label;
      boolean shown = board.isCountShown(r);
      MetricRow d = shown ? board.displayed(r) : null;
      Double share = shown ? d.share() : null;
      taking.addValue(share == null ? null : 100 * share, "Taking part", label);
      // The population share as a board sees it (for all projects, weighted by the shown counts).
      Double local = board.populationShare(r);
      population.addValue(local == null ? null : 100 * local, "Local population", label);
      if (shown && d.shareCi95() != null) {
        lows[0][i] = 100 * d.shareCi95().low();
        highs[0][i] = 100 * d.shareCi95().high();
        top = Math.max(top, 100 * d.shareCi95().high());
      }
      if (local != null) {
        top = Math.max(top, 100 * local);
      }
      alt.append(shareText(label, r, d, share, local));
    }
    DefaultIntervalCategoryDataset intervals =
        new DefaultIntervalCategoryDataset(
            new String[] {"95% interval of the share taking part"}, labels, lows, highs);
    String title = c.label() + ": who takes part compared with the local population";
    CategoryAxis categories = ChartStyle.categoryAxis();
    NumberAxis values = ChartStyle.valueAxis("Share of people (%)");
    values.setRange(0, Math.min(100, top * 1.08 + 2));
    BarRenderer bars = shareBars();
    IntervalBarRenderer whiskers = shareWhiskers();
    LineAndShapeRenderer diamonds = populationDiamonds();
    CategoryPlot plot = new CategoryPlot(taking, categories, values, bars);
    plot.setDataset(1, intervals);
    plot.setRenderer(1, whiskers);
    plot.setDataset(2, population);
    plot.setRenderer(2, diamonds);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    ChartStyle.styled(plot);
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
    chart.getLegend().setItemFont(ChartStyle.LABEL);
    ChartStyle.addSource(chart, model);
    return chart;
  }

  /**
   * One group's share and interval in words, beside the local population's; {@code d} is the row as
   * the board shows it, null when its count is hidden.
   */
  private static String shareText(
      String label, MetricRow r, MetricRow d, Double share, Double local) {
    boolean shown = d != null;
    return String.format(
        Locale.UK,
        "%s: %s taking part%s, %s of the local population. ",
        label,
        share == null ? "not shown" : percent(share),
        shown && d.shareCi95() != null
            ? String.format(
                Locale.UK,
                " (95%% interval %s to %s)",
                percent(d.shareCi95().low()),
                percent(d.shareCi95().high()))
            : "",
        r.populationShare() == null ? "no baseline" : local == null ? "not shown" : percent(local));
  }

  /** The bars of the share taking part, each labelled with its value. */
  private static BarRenderer shareBars() {
    BarRenderer bars = ChartStyle.flatBars(new BarRenderer(), Palette.SKY, 0.6);
    bars.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator("{2}%", new DecimalFormat("0.0")));
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(ChartStyle.SMALL);
    bars.setDefaultItemLabelPaint(Color.BLACK);
    bars.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.INSIDE9, TextAnchor.CENTER_LEFT));
    bars.setPositiveItemLabelPositionFallback(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    return bars;
  }

  /** The thin black bars of the shares' 95% intervals. */
  private static IntervalBarRenderer shareWhiskers() {
    IntervalBarRenderer whiskers =
        ChartStyle.flatBars(new IntervalBarRenderer(), Color.BLACK, 0.012);
    whiskers.setDefaultItemLabelsVisible(false);
    return whiskers;
  }

  /** The local population's share, a black diamond on each group's line. */
  private static LineAndShapeRenderer populationDiamonds() {
    LineAndShapeRenderer diamonds = new LineAndShapeRenderer(false, true);
    diamonds.setSeriesPaint(0, Color.BLACK);
    diamonds.setSeriesShape(0, new Polygon(new int[] {0, 7, 0, -7}, new int[] {-7, 0, 7, 0}, 4));
    diamonds.setDefaultItemLabelsVisible(false);
    return diamonds;
  }

  private static String percent(double share) {
    return String.format(Locale.UK, "%.1f%%", 100 * share);
  }
}
