package org.whotakespart.job;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.baseline.CatchmentBaselines;
import org.whotakespart.config.Engine;
import org.whotakespart.config.JobConfig;
import org.whotakespart.output.table.MetricsWriter;
import org.whotakespart.stats.MetricRow;

/**
 * Benchmark only, never a product path: our pipeline doing what the DuckDB peer does and no more,
 * so that the benchmark can set like beside like. It runs the report's own code up to the metrics
 * (projects and baselines read, every record checked as the report checks it, or read from the
 * history store; people counted per project, group and quarter in the report's one aggregation;
 * metrics for every scope) and writes {@code metrics.csv} alone: no distinct people per scope,
 * equity, goodness-of-fit tests, trends table, workbook or charts.
 *
 * <p>{@code java -cp ... org.whotakespart.job.ProjectMetricsOnly csv|store RECORDS_OR_STORE
 * PROJECTS BASELINES QUARTER OUTPUT [spark|comet]}
 */
public final class ProjectMetricsOnly {
  private ProjectMetricsOnly() {}

  public static void main(String[] args) {
    boolean fromStore = args[0].equals("store");
    JobConfig.Builder b =
        JobConfig.builder()
            .projects(args[2])
            .baselines(List.of(args[3]))
            .period(args[4])
            .trendQuarters(1)
            .output(args[5])
            .charts(false);
    JobConfig config =
        fromStore ? b.store(args[1]).fromStore(true).build() : b.records(List.of(args[1])).build();
    Progress progress = new Progress(System.err);
    // The engine as the report takes it: Comet where it can run, unless "spark" is named.
    SparkSessions.Started started =
        SparkSessions.start(
            config.sparkMaster(), args.length > 6 ? Engine.parse(args[6]) : null, s -> {});
    progress.step(started.line());
    SparkSession spark = started.spark();
    try {
      List<MetricRow> metrics =
          run(config, spark, progress, fromStore ? StoreRecords::check : RecordCheck::check);
      System.out.printf(Locale.ROOT, "%,d metrics rows%n", metrics.size());
    } finally {
      spark.stop();
    }
  }

  /** The report's steps up to its metrics, then metrics.csv; returns the metrics rows. */
  static List<MetricRow> run(
      JobConfig config, SparkSession spark, Progress progress, ReportJob.RecordSource source) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    ReportInputs inputs = ReportInputs.read(config, conf);
    RecordCheck.Checked checked = source.check(config, spark, progress, inputs.projects());
    try {
      // As the report counts: from the people table when reading the store.
      ReportCount.Counted counted =
          ReportCount.countQuarters(checked, ReportJob.quarters(config), config);
      progress.step("Counted people");
      Map<String, String> areaNames = CatchmentBaselines.areaNames(inputs.baselines());
      List<MetricRow> metrics =
          ReportMetrics.metrics(
              config,
              config.period(),
              inputs.projects(),
              counted.people(config.period()),
              inputs.catchments().rows(),
              areaNames);
      MetricsWriter.writeCsv(metrics, config.output() + "/metrics.csv", conf);
      progress.step("Wrote metrics.csv");
      return metrics;
    } finally {
      checked.close();
    }
  }
}
