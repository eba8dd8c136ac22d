package org.whotakespart.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FSError;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.Project;
import org.whotakespart.output.OutputException;
import org.whotakespart.report.ReportModel;

/**
 * The quarterly report, end to end: read and check the records, count distinct people per project
 * and group in one pass, compare them with each catchment's baseline, and write the metrics, the
 * quarantine, the workbook and the charts into the output folder.
 *
 * <pre>{@code
 * ReportJob.Result r = ReportJob.run(config, spark, new Progress(System.err));
 * }</pre>
 */
public final class ReportJob {
  /** The report's content and the files written. */
  public record Result(ReportModel model, String outputDir, List<String> files, long blankRows) {
    public Result(ReportModel model, String outputDir, List<String> files) {
      this(model, outputDir, files, 0);
    }
  }

  private ReportJob() {}

  /**
   * Where the checked records come from: {@link RecordCheck#check}, or a stand-in to measure it.
   */
  @FunctionalInterface
  public interface RecordSource {
    RecordCheck.Checked check(
        JobConfig config, SparkSession spark, Progress progress, List<Project> projects);
  }

  public static Result run(JobConfig config, SparkSession spark, Progress progress) {
    return run(
        config, spark, progress, config.fromStore() ? StoreRecords::check : RecordCheck::check);
  }

  /** The first quarter the report counts: the trend window's, and at least the one before. */
  public static Period firstQuarter(JobConfig config) {
    Period p = config.period();
    for (int i = 0; i < Math.max(1, config.trendQuarters()); i++) {
      p = p.previous();
    }
    return p;
  }

  /** The quarters the report counts, oldest first, the reported one last. */
  static List<Period> quarters(JobConfig config) {
    List<Period> q = new ArrayList<>();
    for (Period p = config.period();
        q.size() <= Math.max(1, config.trendQuarters());
        p = p.previous()) {
      q.add(0, p);
    }
    return q;
  }

  /** A run refused for the share of rows rejected: its quarantine is published, nothing else. */
  static final class Refused extends InputException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * The report from records given by {@code source}, built in a temporary folder beside the output
   * folder and moved into place only when complete ({@link Publication}). A run that does not
   * finish leaves no report in the output folder that is not its own.
   */
  public static Result run(
      JobConfig config, SparkSession spark, Progress progress, RecordSource source) {
    Publication publication = Publication.begin(config.output());
    Result staged;
    try {
      staged = build(config.withOutput(publication.stage()), spark, progress, source);
    } catch (Exception | FSError e) {
      // SparkException is checked, and thrown unchecked by Scala code; Hadoop's local file system
      // reports a failed write (a full disk) as an FSError.
      String note = publication.abandon(e instanceof Refused);
      if (note != null) {
        progress.step(note);
      }
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (e instanceof InputException input) {
        throw input.reworded(
            publication.published(
                message.replace(
                    publication.stage(),
                    Path.of(config.output()).toAbsolutePath().normalize().toString())));
      }
      String disk = OutputException.diskProblem(e);
      if (disk != null) {
        throw new OutputException(
            config.output()
                + ": cannot write the"
                + " report ("
                + disk
                + "); "
                + (disk.equals("the disk is full")
                    ? "free some space or choose an --output folder on another disk"
                    : "choose an --output folder you can write to")
                + ". No report was published.",
            e);
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e.toString(), e);
    }
    publication.publish();
    return new Result(
        staged.model(),
        config.output(),
        staged.files().stream()
            .map(
                f ->
                    publication
                        .published(f)
                        .replace(
                            Path.of(config.output()).toAbsolutePath().normalize().toString(),
                            config.output()))
            .toList(),
        staged.blankRows());
  }

  /**
   * The report in its named steps, each a class beside this one: read the inputs ({@link
   * ReportInputs}), check the records ({@code source}), count people ({@link ReportCount}), work
   * out the metrics and trends ({@link ReportMetrics}), write the analysts' tables ({@link
   * ReportTables}), gather what the board sees ({@link ReportContent}), then write the board's
   * outputs ({@link ReportBoard}).
   */
  private static Result build(
      JobConfig config, SparkSession spark, Progress progress, RecordSource source) {
    ReportInputs inputs = ReportInputs.read(config, spark.sparkContext().hadoopConfiguration());
    inputs.sayOrStop(config.strict(), progress);
    progress.step(
        String.format(
            Locale.ROOT,
            "Read %d projects and %,d baseline rows",
            inputs.projects().size(),
            inputs.baselines().size()));
    RecordCheck.Checked checked = source.check(config, spark, progress, inputs.projects());
    try {
      refuseIfTooManyRejected(config, checked);
      ReportCount.Counted counted = ReportCount.count(config, spark, inputs, checked, progress);
      ReportMetrics.Quarters quarters =
          ReportMetrics.metricsAndTrends(config, spark, inputs, counted, progress);
      ReportTables.Tables tables =
          ReportTables.writeTables(config, spark, inputs, checked, counted, quarters, progress);
      ReportModel model =
          ReportContent.model(config, inputs, checked, counted, quarters, tables.equity());
      List<String> files = new ArrayList<>(tables.files());
      if (checked.quarantine() != null) {
        files.add(checked.quarantine());
      }
      ReportBoard.Board board = ReportBoard.writeBoard(config, model, progress);
      files.addAll(board.files());
      // Not the folder: this is the staging folder; the command names the published one.
      progress.step(
          String.format(
              Locale.ROOT,
              "Wrote %,d metrics rows, %d charts and the workbook",
              quarters.metrics().size(),
              board.charts()));
      return new Result(model, config.output(), files, checked.counts().blank());
    } finally {
      checked.close();
    }
  }

  /** Stops the run, publishing only the quarantine, when too many rows were rejected. */
  private static void refuseIfTooManyRejected(JobConfig config, RecordCheck.Checked checked) {
    String refusal =
        checked.tooManyRejected(
            config.maxRejectedShare(), "no report was published", checked.quarantine());
    if (refusal != null) {
      throw new Refused(refusal);
    }
  }

  static String version() {
    String v = ReportJob.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }
}
