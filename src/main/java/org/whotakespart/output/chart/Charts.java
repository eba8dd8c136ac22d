package org.whotakespart.output.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.whotakespart.config.Category;
import org.whotakespart.config.Characteristic;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.ReportModel;
import org.whotakespart.report.TrendView;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;

/**
 * The report's charts, for all projects together, one pair per characteristic: the share of
 * participants beside the share of the local population, and the ratio with its 95% interval
 * against the 0.8, 1 and 1.25 reference lines (a forest plot). Disclosure control holds: a group
 * whose count a board may not see is drawn without its share or ratio and labelled so.
 */
public final class Charts {
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
                  Stream.of(
                      SharesChart.shares(model, c, rows, board),
                      RatiosChart.ratios(model, c, rows, board));
              return Stream.concat(now, TrendChart.trend(model, c, lines).stream());
            })
        .collect(
            Collectors.collectingAndThen(
                Collectors.toList(),
                list -> {
                  List<Chart> out = new ArrayList<>();
                  GapsChart.persistentGaps(model, board).ifPresent(out::add);
                  out.addAll(list);
                  return out;
                }));
  }

  /** A group's name on a chart's axis, and why its bar is missing when it is. */
  static String axisLabel(Characteristic c, MetricRow r, BoardView board) {
    String label = c.category(r.category()).map(Category::label).orElse(r.category());
    if (r.populationShare() == null) {
      return label + " (no baseline)";
    }
    return board.isCountShown(r) ? label : label + " (" + board.countText(r) + ": not shown)";
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
}
