package org.whotakespart.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.JobFile;
import org.whotakespart.job.Progress;
import org.whotakespart.job.ReportJob;
import org.whotakespart.job.SparkSessions;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code whotakespart report}: the quarterly report. */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
    description = {
        "Makes the quarterly report: a workbook for the board, charts, and metrics for analysts.",
        "",
        "Give the settings in a job file (see jobs/), on the command line, or both: the command"
            + " line wins. For example:",
        "  whotakespart report --job jobs/sample-quarterly.properties --period \"2025-26 Q2\"",
        ""})
public final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--job", paramLabel = "FILE",
      description = "A job file with the settings below (records, projects, baselines, period, ...).")
  Path job;

  @Option(names = "--records", paramLabel = "PATH", split = ",",
      description = "Participation records: files, folders (all participation*.csv inside) or"
          + " globs. Repeat or separate with commas.")
  List<String> records;

  @Option(names = "--projects", paramLabel = "FILE", description = "The projects file (projects.csv).")
  String projects;

  @Option(names = "--baselines", paramLabel = "FILE", split = ",",
      description = "Population baselines (e.g. sample-data/baselines-census2021.csv), and any of"
          + " your own in the same format. Repeat or separate with commas.")
  List<String> baselines;

  @Option(names = "--period", paramLabel = "QUARTER",
      description = "The quarter to report: a UK financial quarter such as \"2025-26 Q2\" (July to"
          + " September 2025) or a calendar quarter such as \"2025 Q3\".")
  String period;

  @Option(names = "--output", paramLabel = "FOLDER",
      description = "Where to write the report (default: reports/<quarter>).")
  String output;

  @Option(names = "--encoding", paramLabel = "NAME",
      description = "Text encoding of the input files (default UTF-8; windows-1252 for files"
          + " saved by Excel).")
  String encoding;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default local[*]: this computer's cores).")
  String master;

  @Option(names = "--no-charts", negatable = false, description = "Skip the charts.")
  boolean noCharts;

  @Option(names = "--verbose", description = "Show full error details.")
  boolean verbose;

  @Override
  public Integer call() {
    JobConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      return Failures.report(e, spec.commandLine().getErr(), verbose);
    }
    PrintStream progressOut = System.err;
    Progress progress = new Progress(progressOut);
    progress.step("Who Takes Part: report for " + config.period().label() + " ("
        + config.period().months() + ")");
    SparkSession spark = null;
    // A session already running in this JVM (an embedding application, a test) is used, not stopped.
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    try {
      spark = SparkSessions.create(config.sparkMaster());
      progress.step("Spark started (" + spark.sparkContext().master() + ")");
      ReportJob.Result result = ReportJob.run(config, spark, progress);
      summarise(result);
      return 0;
    } catch (RuntimeException e) {
      return Failures.report(e, spec.commandLine().getErr(), verbose);
    } finally {
      if (spark != null && ours) {
        spark.stop();
      }
    }
  }

  JobConfig config() {
    JobConfig.Builder b = JobConfig.builder();
    if (job != null) {
      JobFile.applyTo(job, b);
    }
    if (records != null) {
      b.records(records);
    }
    if (projects != null) {
      b.projects(projects);
    }
    if (baselines != null) {
      b.baselines(baselines);
    }
    if (period != null) {
      b.period(period);
    }
    if (output != null) {
      b.output(output);
    }
    if (encoding != null) {
      b.encoding(encoding);
    }
    if (master != null) {
      b.sparkMaster(master);
    }
    if (noCharts) {
      b.charts(false);
    }
    return b.build();
  }

  private void summarise(ReportJob.Result r) {
    var out = spec.commandLine().getOut();
    var q = r.model().dataQuality();
    long under = r.model().metrics().stream()
        .filter(m -> m.scopeType() == ScopeType.PROJECT && m.status() == Status.UNDER_REPRESENTED)
        .count();
    out.printf(Locale.UK, "Report for %s written to %s%n", r.model().period().label(), r.outputDir());
    out.printf(Locale.UK, "  rows read %,d = accepted %,d + quarantined %,d + duplicates %,d%n",
        q.read(), q.accepted(), q.quarantined(), q.duplicates());
    out.printf(Locale.UK, "  %d projects; %d groups under-represented across them%n",
        r.model().projects().size(), under);
    for (String f : r.files()) {
      out.println("  " + f);
    }
    out.flush();
  }

}
