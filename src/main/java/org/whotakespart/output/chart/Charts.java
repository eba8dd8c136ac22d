package org.whotakespart.output.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.whotakespart.config.Category;
import org.whotakespart.config.Characteristic;
import org.whotakespart.report.BoardPage;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.Phrases;
import org.whotakespart.report.ReportModel;
import org.whotakespart.report.TrendView;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.QuarterKey;
import org.whotakespart.stats.ScopeType;

/**
 * The report's charts, for all projects together, one pair per characteristic: the share of
 * participants beside the share of the local population, and the ratio with its 95% interval
 * against the 0.8, 1 and 1.25 reference lines (a forest plot). Disclosure control holds: a group
 * whose count a board may not see is drawn without its share or ratio and labelled so.
 */
public final class Charts {
  /** Logical size in points; PNGs are drawn at {@link #SCALE} times this for print. */
  static final int WIDTH = 900;

  static final int SCALE = 2;

  /** About the printable height of a landscape A4 page at the chart's width. */
  static final int MAX_HEIGHT = 540;

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  /** A rendered chart: PNG bytes at print resolution and the words that describe it. */
  public record Chart(
      String fileName, String title, String altText, byte[] png, int width, int height) {}

  private Charts() {}

  /**
   * @param board the disclosure control already worked out for {@code model}
   */
  public static List<Chart> forReport(ReportModel model, BoardView board) {
    // Drawing and PNG encoding dominate; each chart is independent, so they are drawn in parallel.
    List<TrendView.Line> lines = TrendView.lines(model, board);
    return Arrays.stream(Characteristic.values())
        .parallel()
        .flatMap(
            c -> {
              List<MetricRow> rows =
                  model.metrics().stream()
                      .filter(
                          r ->
                              r.scopeType() == ScopeType.ALL && r.characteristic().equals(c.code()))
                      .toList();
              if (rows.isEmpty() || rows.stream().allMatch(r -> r.populationShare() == null)) {
                return Stream.<Chart>empty();
              }
              Stream<Chart> now =
                  Stream.of(shares(model, c, rows, board), ratios(model, c, rows, board));
              return Stream.concat(now, trend(model, c, lines).stream());
            })
        .collect(
            Collectors.collectingAndThen(
                Collectors.toList(),
                list -> {
                  List<Chart> out = new ArrayList<>();
                  persistentGaps(model, board).ifPresent(out::add);
                  out.addAll(list);
                  return out;
                }));
  }

  /** At most this many persistent gaps share the all-projects trend chart. */
  static final int MOST_PERSISTENT = 4;

  /**
   * The all-projects ratio, quarter by quarter, with its 95% interval, for the persistent gaps page
   * 1 names (the first {@link #MOST_PERSISTENT}): each gap a line in its own colour, dash and
   * marker (so it reads in greyscale), nudged sideways so that the intervals do not overlap, and
   * named in the legend rather than on the lines. From the counts a board sees; a quarter whose
   * count is hidden is a gap in the line.
   */
  static Optional<Chart> persistentGaps(ReportModel model, BoardView board) {
    List<BoardPage.Persistent> gaps = BoardPage.of(model, board).persistent();
    List<String> periods = model.history().periods();
    if (gaps.isEmpty() || periods.size() < 2) {
      return Optional.empty();
    }
    gaps = gaps.subList(0, Math.min(MOST_PERSISTENT, gaps.size()));
    GapLines lines = gapLines(model, board, gaps, periods);
    SymbolAxis quarters = new SymbolAxis("Quarter", periods.toArray(new String[0]));
    quarters.setTickLabelFont(SMALL);
    quarters.setLabelFont(LABEL);
    quarters.setGridBandsVisible(false);
    quarters.setRange(-0.5, periods.size() - 0.5);
    NumberAxis values = valueAxis("Ratio, all projects (1 = in line), with 95% interval");
    values.setRange(0, lines.top());
    XYPlot plot = new XYPlot(lines.data(), quarters, values, gapRenderer(gaps.size()));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(Palette.LIGHT_GREY);
    plot.setDomainGridlinesVisible(false);
    plot.addRangeMarker(inLine(RectangleAnchor.TOP_RIGHT));
    plot.addRangeMarker(band(model.bands().low(), RectangleAnchor.BOTTOM_RIGHT));
    String title = "All projects: the persistent gaps over the quarters";
    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    chart.getLegend().setItemFont(LABEL);
    addSource(chart, model);
    return Optional.of(
        render(
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
  static Optional<Chart> trend(ReportModel model, Characteristic c, List<TrendView.Line> all) {
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
    quarters.setTickLabelFont(SMALL);
    quarters.setMaximumCategoryLabelLines(2);
    quarters.setMaximumCategoryLabelWidthRatio(1.0f);
    quarters.setLabelFont(LABEL);
    NumberAxis values = valueAxis("Ratio (1 = in line with the local population)");
    values.setRange(0, top);
    CategoryPlot plot = new CategoryPlot(data, quarters, values, trendRenderer(lines.size()));
    styled(plot);
    plot.addRangeMarker(inLine(RectangleAnchor.TOP));
    plot.addRangeMarker(band(model.bands().low(), RectangleAnchor.BOTTOM));
    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    chart.getLegend().setItemFont(LABEL);
    addSource(chart, model);
    return Optional.of(
        render(
            "trend-" + c.code(),
            title,
            title
                + ". Gaps are quarters"
                + " with no data or too few people to show. "
                + alt.toString().trim(),
            chart,
            8));
  }

  private static String axisLabel(Characteristic c, MetricRow r, BoardView board) {
    String label = c.category(r.category()).map(Category::label).orElse(r.category());
    if (r.populationShare() == null) {
      return label + " (no baseline)";
    }
    return board.isCountShown(r) ? label : label + " (" + board.countText(r) + ": not shown)";
  }

  static Chart shares(ReportModel model, Characteristic c, List<MetricRow> rows, BoardView board) {
    StringBuilder alt = new StringBuilder();
    JFreeChart chart = sharesChart(model, c, rows, board, alt);
    return render(
        "shares-" + c.code(),
        chart.getTitle().getText(),
        chart.getTitle().getText() + ". " + alt.toString().trim(),
        chart,
        rows.size());
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
      String label = axisLabel(c, r, board);
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
    CategoryAxis categories = categoryAxis();
    NumberAxis values = valueAxis("Share of people (%)");
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
    styled(plot);
    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    chart.getLegend().setItemFont(LABEL);
    addSource(chart, model);
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
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, Palette.SKY);
    bars.setMaximumBarWidth(0.6);
    bars.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator("{2}%", new DecimalFormat("0.0")));
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(SMALL);
    bars.setDefaultItemLabelPaint(Color.BLACK);
    bars.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.INSIDE9, TextAnchor.CENTER_LEFT));
    bars.setPositiveItemLabelPositionFallback(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    return bars;
  }

  /** The thin black bars of the shares' 95% intervals. */
  private static IntervalBarRenderer shareWhiskers() {
    IntervalBarRenderer whiskers = new IntervalBarRenderer();
    whiskers.setBarPainter(new StandardBarPainter());
    whiskers.setShadowVisible(false);
    whiskers.setSeriesPaint(0, Color.BLACK);
    whiskers.setMaximumBarWidth(0.012);
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

  static Chart ratios(ReportModel model, Characteristic c, List<MetricRow> rows, BoardView board) {
    int n = rows.size();
    Number[][] lows = new Number[1][n];
    Number[][] highs = new Number[1][n];
    String[] labels = new String[n];
    DefaultCategoryDataset points = new DefaultCategoryDataset();
    StringBuilder alt = new StringBuilder();
    double top = model.bands().high() + 0.25;
    for (int i = 0; i < n; i++) {
      MetricRow r = rows.get(i);
      labels[i] = axisLabel(c, r, board);
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
    CategoryAxis categories = categoryAxis();
    NumberAxis values = valueAxis("Ratio (1 = in line with the local population)");
    values.setRange(0, top);
    IntervalBarRenderer whiskers = new IntervalBarRenderer();
    whiskers.setSeriesPaint(0, Palette.GREY);
    whiskers.setBarPainter(new StandardBarPainter());
    whiskers.setShadowVisible(false);
    whiskers.setMaximumBarWidth(0.025);
    LineAndShapeRenderer dots = new LineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, Palette.BLUE);
    dots.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));
    CategoryPlot plot = new CategoryPlot(intervals, categories, values, whiskers);
    plot.setDataset(1, points);
    plot.setRenderer(1, dots);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    styled(plot);
    // Labels at different heights so that the close lines' labels do not overlap.
    plot.addRangeMarker(inLine(RectangleAnchor.TOP));
    plot.addRangeMarker(band(model.bands().low(), RectangleAnchor.BOTTOM));
    plot.addRangeMarker(band(model.bands().high(), RectangleAnchor.BOTTOM));
    JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
    addSource(chart, model);
    return render(
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

  /** Category names down the side, with room for long labels. */
  private static CategoryAxis categoryAxis() {
    CategoryAxis categories = new CategoryAxis();
    categories.setTickLabelFont(LABEL);
    categories.setMaximumCategoryLabelWidthRatio(0.45f);
    return categories;
  }

  private static NumberAxis valueAxis(String label) {
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
  private static ValueMarker inLine(RectangleAnchor where) {
    return marker(1.0, "in line", new BasicStroke(2f), where);
  }

  /** A dashed line at a band's edge (0.80, 1.25), labelled with its value. */
  private static ValueMarker band(double at, RectangleAnchor where) {
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

  private static void styled(CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(Palette.LIGHT_GREY);
    plot.setRangeGridlinesVisible(true);
    plot.setDomainGridlinesVisible(false);
  }

  private static void addSource(JFreeChart chart, ReportModel model) {
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

  private static Chart render(
      String name, String title, String alt, JFreeChart chart, int categories) {
    // Tall enough for each category, but never taller than a landscape page.
    int height = Math.min(MAX_HEIGHT, 170 + 46 * categories);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, height, SCALE, SCALE);
      return new Chart(name + ".png", title, alt, out.toByteArray(), WIDTH, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the chart's PNG into {@code folder} and returns its path. */
  public static Path writePng(Chart chart, Path folder) {
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(chart.fileName());
      Files.write(file, chart.png());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write chart " + chart.fileName() + ": " + e.getMessage(), e);
    }
  }

  private static String percent(double share) {
    return String.format(Locale.UK, "%.1f%%", 100 * share);
  }
}
