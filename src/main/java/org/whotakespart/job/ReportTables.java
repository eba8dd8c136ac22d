package org.whotakespart.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.baseline.Deprivation;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.Project;
import org.whotakespart.output.table.ChunkedTable;
import org.whotakespart.output.table.EquityWriter;
import org.whotakespart.output.table.MetricsWriter;
import org.whotakespart.output.table.PeopleWriter;
import org.whotakespart.output.table.TestsWriter;
import org.whotakespart.report.BaselineCovers;
import org.whotakespart.stats.EquityCalculator;
import org.whotakespart.stats.EquityRow;
import org.whotakespart.stats.GoodnessOfFit;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.ScopeType;

/** The report's tables step: the analysts' tables, equity written beside them on a thread. */
final class ReportTables {
  private ReportTables() {}

  /** The analysts' tables written, with the board's equity rows kept. */
  record Tables(List<String> files, List<EquityRow> equity) {}

  /**
   * metrics, tests, people and equity (CSV and Parquet). Equity (a million rows with 2,000
   * projects) and the other tables are the driver's work alone, without Spark jobs: equity is
   * written on a thread of its own meanwhile, so that both cores work.
   */
  static Tables writeTables(
      JobConfig config,
      SparkSession spark,
      ReportInputs inputs,
      RecordCheck.Checked checked,
      ReportCount.Counted counted,
      ReportMetrics.Quarters quarters,
      Progress progress) {
    String out = config.output();
    Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> rollups = inputs.rollups();
    Set<ScopeType> boardScopes = ReportMetrics.boardScopes(config);
    List<EquityRow> equity = new ArrayList<>();
    List<String> files = new ArrayList<>();
    EquityWritten written;
    try (SideTask<EquityWritten> equityTask =
        SideTask.start(
            "equity",
            () ->
                writeEquity(
                    config,
                    spark,
                    inputs.projects(),
                    inputs.baselines(),
                    counted,
                    config.period().previous(),
                    rollups,
                    boardScopes,
                    equity))) {
      files.addAll(
          MetricsWriter.write(
              spark,
              quarters.metrics(),
              quarters.trends(),
              new BaselineCovers(inputs.projects(), inputs.catchments().rows(), rollups)::of,
              out,
              checked.store() == null ? null : checked.store().version()));
      files.addAll(quarters.files());
      List<String> tests = TestsWriter.write(spark, GoodnessOfFit.tests(quarters.metrics()), out);
      List<String> people = PeopleWriter.write(spark, counted.byScopeAndRole(), out);
      progress.step("Wrote the analysts' tables");
      written = equityTask.join();
      files.addAll(written.files());
      files.addAll(tests);
      files.addAll(people);
    }
    progress.step(
        String.format(
            Locale.ROOT, "Worked out the equity of experience (%,d rows)", written.rows()));
    return new Tables(files, equity);
  }

  /**
   * Writes equity.csv and equity.parquet as the rows are made, keeps the board's scopes in {@code
   * board}, and says how many rows were written.
   */
  static EquityWritten writeEquity(
      JobConfig config,
      SparkSession spark,
      List<Project> projects,
      List<BaselineRow> baselines,
      ReportCount.Counted counted,
      Period previous,
      Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> rollups,
      Set<ScopeType> boardScopes,
      List<EquityRow> board) {
    long[] rows = new long[1];
    ChunkedTable table = EquityWriter.open(spark, config.output());
    try (table) {
      new EquityCalculator(config.period().label())
          .rows(
              projects,
              counted.experience(config.period()),
              counted.experience(previous),
              Deprivation.projectShares(
                  config, projects, baselines, spark.sparkContext().hadoopConfiguration()),
              rollups,
              r -> {
                rows[0]++;
                EquityWriter.add(table, r);
                if (boardScopes.contains(r.scopeType())) {
                  board.add(r);
                }
              });
    }
    return new EquityWritten(rows[0], table.files());
  }

  /** How many equity rows were written, into which files. */
  record EquityWritten(long rows, List<String> files) {}
}
