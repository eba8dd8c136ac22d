package org.whotakespart.output.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.IntervalCategoryDataset;
import org.junit.jupiter.api.Test;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.Project;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.ReportModel;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Wilson;
import org.whotakespart.testing.SexModels;

/** The share chart's labels and intervals, read back from the chart the renderer draws. */
class ChartsTest {
  /** 120 women and 40 men in one project against a population of half each. */
  private static ReportModel model() {
    return SexModels.oneProject(
        new Project("P", "Panel", "", "ICB", List.of("E1"), 16, "census2021"),
        120,
        40,
        49,
        51,
        100,
        new DataQuality(List.of(), Map.of(), Map.of(), 0, 0, List.of()));
  }

  @Test
  void eachBarsLabelIsItsOwnValueDrawnByTheRendererAndOnlyBarsAreLabelled() {
    ReportModel model = model();
    BoardView board = BoardView.of(model);
    List<MetricRow> rows =
        model.metrics().stream()
            .filter(r -> r.scopeType() == ScopeType.ALL && r.characteristic().equals("sex"))
            .toList();
    JFreeChart chart =
        SharesChart.sharesChart(model, Characteristic.SEX, rows, board, new StringBuilder());
    CategoryPlot plot = chart.getCategoryPlot();
    assertTrue(plot.getAnnotations().isEmpty(), "no hand-placed text");
    CategoryDataset bars = plot.getDataset(0);
    CategoryItemRenderer renderer = plot.getRenderer(0);
    CategoryItemLabelGenerator labels = renderer.getDefaultItemLabelGenerator();
    assertNotNull(labels);
    assertEquals(1, bars.getRowCount(), "one bar a group: the population is a marker");
    // Women 120 of 160 = 75.0%, men 40 of 160 = 25.0% (counts already multiples of 5).
    assertEquals("75.0%", labels.generateLabel(bars, 0, bars.getColumnIndex("Female")));
    assertEquals("25.0%", labels.generateLabel(bars, 0, bars.getColumnIndex("Male")));
    for (int c = 0; c < bars.getColumnCount(); c++) {
      assertEquals(
          String.format(java.util.Locale.UK, "%.1f%%", bars.getValue(0, c).doubleValue()),
          labels.generateLabel(bars, 0, c),
          "the label is its own bar's value");
      assertTrue(renderer.isItemLabelVisible(0, c));
    }
    // A horizontal bar's label sits inside its own bar (or past its end): never above it, where
    // the next bar is (OUTSIDE12, the default, put a label on the wrong bar).
    assertEquals(
        ItemLabelAnchor.INSIDE9, renderer.getPositiveItemLabelPosition(0, 0).getItemLabelAnchor());
    assertEquals(
        ItemLabelAnchor.OUTSIDE3,
        ((org.jfree.chart.renderer.category.BarRenderer) renderer)
            .getPositiveItemLabelPositionFallback()
            .getItemLabelAnchor());
    for (int d = 1; d < plot.getDatasetCount(); d++) {
      if (plot.getDataset(d) != null) {
        assertFalse(plot.getRenderer(d).isItemLabelVisible(0, 0), "dataset " + d + " unlabelled");
      }
    }
    // The population share is a marker on the same line: 49% and 51%.
    assertEquals(49.0, plot.getDataset(2).getValue(0, 0).doubleValue(), 1e-9);
  }

  @Test
  void theShareChartShowsTheWilsonIntervalOfTheShareTakingPart() {
    ReportModel model = model();
    BoardView board = BoardView.of(model);
    List<MetricRow> rows =
        model.metrics().stream()
            .filter(r -> r.scopeType() == ScopeType.ALL && r.characteristic().equals("sex"))
            .toList();
    JFreeChart chart =
        SharesChart.sharesChart(model, Characteristic.SEX, rows, board, new StringBuilder());
    IntervalCategoryDataset interval =
        (IntervalCategoryDataset) chart.getCategoryPlot().getDataset(1);
    // Wilson 95% for 40 of 160, written out (statistics.md).
    double z = Wilson.Z95;
    double x = 40;
    double n = 160;
    double low = (2 * x + z * z - z * Math.sqrt(z * z + 4 * x * (1 - x / n))) / (2 * (n + z * z));
    double high = (2 * x + z * z + z * Math.sqrt(z * z + 4 * x * (1 - x / n))) / (2 * (n + z * z));
    int male = interval.getColumnIndex("Male");
    assertEquals(100 * low, interval.getStartValue(0, male).doubleValue(), 1e-9);
    assertEquals(100 * high, interval.getEndValue(0, male).doubleValue(), 1e-9);
    assertNull(chart.getCategoryPlot().getDataset(3));
  }
}
