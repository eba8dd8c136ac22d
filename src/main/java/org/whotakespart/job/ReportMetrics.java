package org.whotakespart.job;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.Project;
import org.whotakespart.output.table.ChunkedTable;
import org.whotakespart.output.table.MetricsWriter;
import org.whotakespart.stats.Bands;
import org.whotakespart.stats.CategoryCount;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Trend;

/**
 * The report's metrics step: each quarter's metrics, their trends, and the rows the board keeps.
 */
final class ReportMetrics {
  private ReportMetrics() {}

  /**
   * The metrics of every quarter and the trends. The quarters' rows go to trends.csv one quarter at
   * a time: with thousands of projects they run to millions. Kept: the reported quarter's and the
   * one before's, and the scopes the workbook shows.
   */
  record Quarters(
      List<MetricRow> metrics,
      List<MetricRow> previous,
      Map<Trend.Key, Trend> trends,
      List<MetricRow> boardHistory,
      List<String> labels,
      List<String> files) {}

  static Quarters metricsAndTrends(
      JobConfig config,
      SparkSession spark,
      ReportInputs inputs,
      ReportCount.Counted counted,
      Progress progress) {
    List<Period> quarters = ReportJob.quarters(config);
    Period previous = config.period().previous();
    List<MetricRow> metrics =
        metrics(config, config.period(), inputs, counted.people(config.period()));
    List<CategoryCount> previousCounts = counted.people(previous);
    List<MetricRow> previousMetrics =
        previousCounts.isEmpty() ? List.of() : metrics(config, previous, inputs, previousCounts);
    Set<ScopeType> boardScopes = boardScopes(config);
    Trend.Tracker tracker = new Trend.Tracker(quarters.size());
    List<MetricRow> boardHistory = new ArrayList<>();
    List<String> files;
    try (ChunkedTable table = MetricsWriter.trends(spark, config.output())) {
      for (int i = 0; i < quarters.size(); i++) {
        Period q = quarters.get(i);
        List<MetricRow> rows =
            q.equals(config.period())
                ? metrics
                : q.equals(previous)
                    ? previousMetrics
                    : metrics(config, q, inputs, counted.people(q));
        tracker.add(i, rows);
        for (MetricRow r : rows) {
          MetricsWriter.add(table, r);
          if (boardScopes.contains(r.scopeType())) {
            boardHistory.add(r);
          }
        }
      }
      files = table.files();
    }
    progress.step(
        String.format(
            Locale.ROOT, "Worked out the metrics and trends of %d quarters", quarters.size()));
    return new Quarters(
        metrics,
        previousMetrics,
        tracker.trends(),
        boardHistory,
        quarters.stream().map(Period::label).toList(),
        files);
  }

  /** The scope types a project's metrics roll up into. */
  static final List<ScopeType> ROLLUPS =
      List.of(ScopeType.COMMISSIONER, ScopeType.AREA, ScopeType.ALL);

  static List<MetricRow> metrics(
      JobConfig config, Period period, ReportInputs inputs, List<CategoryCount> counts) {
    return metrics(
        config, period, inputs.projects(), counts, inputs.catchments().rows(), inputs.areaNames());
  }

  static List<MetricRow> metrics(
      JobConfig config,
      Period period,
      List<Project> projects,
      List<CategoryCount> counts,
      List<ProjectBaseline> baselines,
      Map<String, String> areaNames) {
    MetricCalculator calc =
        new MetricCalculator(period.label(), new Bands(config.bandLow(), config.bandHigh()));
    List<MetricRow> projectRows = calc.projectMetrics(projects, counts, baselines);
    List<MetricRow> all = new ArrayList<>(projectRows);
    for (ScopeType t : ROLLUPS) {
      all.addAll(calc.rollup(t, projectRows, MetricCalculator.scopes(t, projects, areaNames)));
    }
    all.sort(MetricCalculator.ORDER);
    return all;
  }

  /** The scope types a workbook shows over the quarters: all, and the parts it is split into. */
  static Set<ScopeType> boardScopes(JobConfig config) {
    return switch (config.splitBy()) {
      case COMMISSIONER -> EnumSet.of(ScopeType.ALL, ScopeType.COMMISSIONER);
      case PROJECT -> EnumSet.of(ScopeType.ALL, ScopeType.PROJECT);
      case NONE -> EnumSet.of(ScopeType.ALL);
    };
  }
}
