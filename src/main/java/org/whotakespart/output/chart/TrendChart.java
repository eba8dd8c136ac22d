package org.whotakespart.output.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.whotakespart.config.Category;
import org.whotakespart.config.Characteristic;
import org.whotakespart.report.ReportModel;
import org.whotakespart.report.TrendView;

/** A characteristic's ratio over the quarters, for the groups worth following. */
final class TrendChart {
  private TrendChart() {}

  /** Groups worth following over time: under-represented now, or no longer. */
  private static final Set<String> FOLLOWED =
      Set.of(
          "persistently_under_represented",
          "became_under_represented",
          "under_represented",
          "improved");

  private static final Color[] SERIES = {
    Palette.BLUE, Palette.VERMILLION, Palette.ORANGE, Palette.SKY, Palette.GREY, Color.BLACK
  };

  /**
   * The ratio over the quarters for the groups of a characteristic worth following (at most six,
   * each in its own colour and marker shape); none when no group is.
   */
  static Optional<Charts.Chart> trend(
      ReportModel model, Characteristic c, List<TrendView.Line> all) {
    List<TrendView.Line> lines =
        all.stream()
            .filter(l -> l.characteristic() == c && FOLLOWED.contains(l.trend().code()))
            .limit(SERIES.length)
            .toList();
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    StringBuilder alt = new StringBuilder();
    double top = model.bands().high() + 0.25;
    for (TrendView.Line l : lines) {
      String label = c.category(l.category()).map(Category::label).orElse(l.category());
      alt.append(label).append(", ").append(l.trend().words()).append(": ");
      for (TrendView.Cell cell : l.cells()) {
        data.addValue(cell.ratio(), label, cell.period());
        if (cell.ratio() != null) {
          top = Math.max(top, Math.min(cell.ratio(), 5.0) + 0.1);
        }
        alt.append(cell.period())
            .append(' ')
            .append(
                cell.ratio() == null
                    ? cell.withheld()
                    : String.format(Locale.UK, "%.2f", cell.ratio()))
            .append("; ");
      }
      alt.append(' ');
    }
    String title = c.label() + ": ratio over the quarters, groups under-represented now or lately";
    CategoryAxis quarters = new CategoryAxis("Quarter");
    quarters.setTickLabelFont(ChartStyle.SMALL);
    quarters.setMaximumCategoryLabelLines(2);
    quarters.setMaximumCategoryLabelWidthRatio(1.0f);
    quarters.setLabelFont(ChartStyle.LABEL);
    NumberAxis values = ChartStyle.valueAxis("Ratio (1 = in line with the local population)");
    values.setRange(0, top);
    CategoryPlot plot = new CategoryPlot(data, quarters, values, trendRenderer(lines.size()));
    ChartStyle.styled(plot);
    plot.addRangeMarker(ChartStyle.inLine(RectangleAnchor.TOP));
    plot.addRangeMarker(ChartStyle.band(model.bands().low(), RectangleAnchor.BOTTOM));
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
    chart.getLegend().setItemFont(ChartStyle.LABEL);
    ChartStyle.addSource(chart, model);
    return Optional.of(
        ChartStyle.render(
            "trend-" + c.code(),
            title,
            title
                + ". Gaps are quarters"
                + " with no data or too few people to show. "
                + alt.toString().trim(),
            chart,
            8));
  }

  /** One line per group, each in its own colour and marker shape. */
  private static LineAndShapeRenderer trendRenderer(int lines) {
    LineAndShapeRenderer lineRenderer = new LineAndShapeRenderer(true, true);
    Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
    for (int i = 0; i < lines; i++) {
      lineRenderer.setSeriesPaint(i, SERIES[i]);
      lineRenderer.setSeriesStroke(i, new BasicStroke(2.5f));
      lineRenderer.setSeriesShape(i, shapes[i % shapes.length]);
    }
    return lineRenderer;
  }
}
