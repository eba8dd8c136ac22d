package org.whotakespart.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.SplitBy;
import org.whotakespart.job.RecordCheck;
import org.whotakespart.job.ReportJob;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code whotakespart report}: the quarterly report. */
@Command(
    name = "report",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Makes the quarterly report: a workbook for the board, charts, and metrics for analysts.",
      "",
      "Give the settings in a job file (see jobs/), on the command line, or both: the command"
          + " line wins. For example:",
      "  whotakespart report --job jobs/sample-quarterly.properties --period \"2025-26 Q2\"",
      ""
    })
public final class ReportCommand implements Callable<Integer>, JobCommand {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin JobOptions options;

  @Override
  public JobOptions options() {
    return options;
  }

  @Option(names = "--no-charts", negatable = false, description = "Skip the charts.")
  boolean noCharts;

  @Option(
      names = "--split-by",
      paramLabel = "WHAT",
      description =
          "Also write one workbook per commissioner or per project (into split/), to send"
              + " to each: none, commissioner or project.")
  String splitBy;

  @Option(
      names = "--from-store",
      negatable = false,
      description =
          "Read the records from the history store (see ingest) instead of the CSV" + " exports.")
  boolean fromStore;

  @Option(
      names = "--as-of",
      paramLabel = "VERSION|DATE",
      description =
          "With --from-store: the store as it was at a version (see store history), at"
              + " the end of a day (2025-10-01) or at an instant (2025-10-01T09:00:00Z), to make a"
              + " past report again exactly.")
  String asOf;

  @Option(
      names = "--trend-quarters",
      paramLabel = "N",
      description = "Quarters before the reported one that the trends cover (default 8).")
  Integer trendQuarters;

  @Option(
      names = "--deprivation",
      paramLabel = "FILE",
      description =
          "Each area's deprivation (sample-data/deprivation-imd2019.csv), for the"
              + " catchment's own share beside the most deprived 10%% measure.")
  String deprivation;

  @Option(
      names = "--strict",
      negatable = false,
      description =
          "Stop, instead of warning, when a catchment's area code is malformed or in no"
              + " baseline, a project's baseline set is in no baselines file, or a catchment has no"
              + " baseline.")
  boolean strict;

  @Override
  public Integer call() throws Exception {
    return Spark.run(
        spec,
        options,
        this::config,
        config ->
            "Who Takes Part: report for "
                + config.period().label()
                + " ("
                + config.period().months()
                + ")",
        (config, spark, progress) -> {
          summarise(ReportJob.run(config, spark, progress));
          return 0;
        });
  }

  private JobConfig config(JobConfig.Builder b) {
    return withFlags(b).build();
  }

  @Override
  public JobConfig.Builder withFlags(JobConfig.Builder b) {
    if (noCharts) {
      b.charts(false);
    }
    if (strict) {
      b.strict(true);
    }
    if (splitBy != null) {
      b.splitBy(SplitBy.parse(splitBy));
    }
    if (fromStore) {
      b.fromStore(true);
    }
    if (asOf != null) {
      b.storeAsOf(asOf);
    }
    if (trendQuarters != null) {
      b.trendQuarters(trendQuarters);
    }
    if (deprivation != null) {
      b.deprivation(deprivation);
    }
    return b;
  }

  private void summarise(ReportJob.Result r) {
    var out = spec.commandLine().getOut();
    var q = r.model().dataQuality();
    long under =
        r.model().metrics().stream()
            .filter(
                m -> m.scopeType() == ScopeType.PROJECT && m.status() == Status.UNDER_REPRESENTED)
            .count();
    out.printf(
        Locale.UK, "Report for %s written to %s%n", r.model().period().label(), r.outputDir());
    out.printf(
        Locale.UK,
        r.blankRows() == 0
            ? "  rows read %,d = accepted %,d + quarantined %,d + duplicates %,d%n"
            : "  rows read %,d = accepted %,d + quarantined %,d + duplicates %,d + blank %,d%n",
        q.read() + r.blankRows(),
        q.accepted(),
        q.quarantined(),
        q.duplicates(),
        r.blankRows());
    if (q.recordsInPeriod() == 0) {
      out.printf(
          Locale.UK,
          "  No records fall in %s (%s): nothing could be compared with the"
              + " population; check --period and the exports' activity dates%n",
          r.model().period().label(),
          r.model().period().months());
    }
    out.printf(
        Locale.UK,
        "  %d projects; %d groups under-represented across them%n",
        r.model().projects().size(),
        under);
    for (String f : r.files()) {
      out.println("  " + f);
    }
    if (r.files().stream().anyMatch(f -> f.endsWith("quarantine.csv"))) {
      out.println("  " + RecordCheck.QUARANTINE_WARNING);
    }
    out.flush();
  }
}
