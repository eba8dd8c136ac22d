package org.whotakespart.output.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.whotakespart.report.ReportModel;

/** What every chart shares: its size, fonts, axes, reference lines, source line and rendering. */
final class ChartStyle {
  private ChartStyle() {}

  /** Logical size in points; PNGs are drawn at {@link #SCALE} times this for print. */
  static final int WIDTH = 900;

  static final int SCALE = 2;

  /** About the printable height of a landscape A4 page at the chart's width. */
  static final int MAX_HEIGHT = 540;

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  /** Category names down the side, with room for long labels. */
  static CategoryAxis categoryAxis() {
    CategoryAxis categories = new CategoryAxis();
    categories.setTickLabelFont(LABEL);
    categories.setMaximumCategoryLabelWidthRatio(0.45f);
    return categories;
  }

  /** The value axis, titled {@code label}. */
  static NumberAxis valueAxis(String label) {
    NumberAxis values = new NumberAxis(label);
    values.setLabelFont(LABEL);
    values.setTickLabelFont(SMALL);
    return values;
  }

  private static BasicStroke dashed() {
    return new BasicStroke(
        1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  }

  /** The solid line at ratio 1, "in line". */
  static ValueMarker inLine(RectangleAnchor where) {
    return marker(1.0, "in line", new BasicStroke(2f), where);
  }

  /** A dashed line at a band's edge (0.80, 1.25), labelled with its value. */
  static ValueMarker band(double at, RectangleAnchor where) {
    return marker(at, String.format(Locale.UK, "%.2f", at), dashed(), where);
  }

  private static ValueMarker marker(
      double at, String label, BasicStroke stroke, RectangleAnchor where) {
    ValueMarker m = new ValueMarker(at, Color.BLACK, stroke);
    m.setLabel(label);
    m.setLabelFont(SMALL);
    m.setLabelBackgroundColor(Color.WHITE);
    m.setLabelAnchor(where);
    m.setLabelTextAnchor(
        switch (where) {
          case TOP -> TextAnchor.TOP_CENTER;
            // At the right end, above the line (TOP_RIGHT) or below it (BOTTOM_RIGHT), clear of it.
          case TOP_RIGHT -> TextAnchor.BOTTOM_RIGHT;
          case BOTTOM_RIGHT -> TextAnchor.TOP_RIGHT;
          default -> TextAnchor.BOTTOM_CENTER;
        });
    return m;
  }

  /** A white plot with light horizontal gridlines only. */
  static void styled(CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(Palette.LIGHT_GREY);
    plot.setRangeGridlinesVisible(true);
    plot.setDomainGridlinesVisible(false);
  }

  /** The period, the suppression rule and the population's source, under the chart. */
  static void addSource(JFreeChart chart, ReportModel model) {
    TextTitle source =
        new TextTitle(
            model.period().label()
                + ", all projects. Counts from 1 to "
                + (model.suppressionThreshold() - 1)
                + " are not shown. Population: Source: Office for"
                + " National Statistics licensed under the Open Government Licence v.3.0",
            SMALL);
    source.setPosition(RectangleEdge.BOTTOM);
    source.setHorizontalAlignment(HorizontalAlignment.LEFT);
    chart.addSubtitle(source);
    chart.setBackgroundPaint(Color.WHITE);
  }

  /** The chart as a PNG at print resolution, as tall as its categories need. */
  static Charts.Chart render(
      String name, String title, String alt, JFreeChart chart, int categories) {
    // Tall enough for each category, but never taller than a landscape page.
    int height = Math.min(MAX_HEIGHT, 170 + 46 * categories);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, height, SCALE, SCALE);
      return new Charts.Chart(name + ".png", title, alt, out.toByteArray(), WIDTH, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Flat bars (no gradient, no shadow) of one colour, at most {@code maxWidth} of the space each
   * category has.
   */
  static <R extends BarRenderer> R flatBars(R bars, Color paint, double maxWidth) {
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, paint);
    bars.setMaximumBarWidth(maxWidth);
    return bars;
  }
}
