package org.whotakespart.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.baseline.AgeSexTable;
import org.whotakespart.baseline.CatchmentBaselines;
import org.whotakespart.baseline.CatchmentOverlap;
import org.whotakespart.baseline.Deprivation;
import org.whotakespart.baseline.MsoaImporter;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.Period;
import org.whotakespart.config.SplitBy;
import org.whotakespart.ingest.AreaCodes;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.BaselinesReader;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.ParticipationReader;
import org.whotakespart.ingest.Project;
import org.whotakespart.ingest.ProjectsReader;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.output.OutputException;
import org.whotakespart.output.chart.Charts;
import org.whotakespart.output.table.ChunkedTable;
import org.whotakespart.output.table.EquityWriter;
import org.whotakespart.output.table.MetricsWriter;
import org.whotakespart.output.table.PeopleWriter;
import org.whotakespart.output.table.TestsWriter;
import org.whotakespart.output.xlsx.WorkbookWriter;
import org.whotakespart.report.BaselineCoverage;
import org.whotakespart.report.BaselineCovers;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.DisclosureAudit;
import org.whotakespart.report.FileReconciliation;
import org.whotakespart.report.History;
import org.whotakespart.report.Phrases;
import org.whotakespart.report.ReportModel;
import org.whotakespart.report.Splits;
import org.whotakespart.stats.Bands;
import org.whotakespart.stats.CategoryCount;
import org.whotakespart.stats.CountColumns;
import org.whotakespart.stats.EquityCalculator;
import org.whotakespart.stats.EquityRow;
import org.whotakespart.stats.ExperienceCount;
import org.whotakespart.stats.GoodnessOfFit;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.PeopleCounts;
import org.whotakespart.stats.PeopleRow;
import org.whotakespart.stats.ScopeKey;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Trend;
import org.whotakespart.store.HistoryStore;
import org.whotakespart.validate.RejectReason;

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
   * The report in its named steps: read the inputs, check the records, count people, work out the
   * metrics and trends, write the analysts' tables, then the board's outputs.
   */
  private static Result build(
      JobConfig config, SparkSession spark, Progress progress, RecordSource source) {
    Inputs inputs = Inputs.read(config, spark.sparkContext().hadoopConfiguration());
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
      Counted counted = count(config, spark, inputs, checked, progress);
      Quarters quarters = metricsAndTrends(config, spark, inputs, counted, progress);
      Tables tables = writeTables(config, spark, inputs, checked, counted, quarters, progress);
      ReportModel model = model(config, inputs, checked, counted, quarters, tables.equity());
      List<String> files = new ArrayList<>(tables.files());
      if (checked.quarantine() != null) {
        files.add(checked.quarantine());
      }
      Board board = writeBoard(config, model, progress);
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
    if (checked.rejectedShare() > config.maxRejectedShare()) {
      throw new Refused(
          String.format(
              Locale.ROOT,
              "%.1f%% of rows were rejected, more"
                  + " than the %.1f%% this job allows; no report was published. See %s for each row and"
                  + " its reason, fix the exports, or raise max_rejected_share in the job file",
              100 * checked.rejectedShare(),
              100 * config.maxRejectedShare(),
              checked.quarantine()));
    }
  }

  /** Counts people in every quarter of the trend window in one pass, and by scope and role. */
  private static Counted count(
      JobConfig config,
      SparkSession spark,
      Inputs inputs,
      RecordCheck.Checked checked,
      Progress progress) {
    List<Period> quarters = quarters(config);
    Counted counted =
        checked.people() == null
            ? countQuarters(checked.validated(), quarters, config, config.period().previous())
            : countPerPerson(
                checked
                    .people()
                    .transform(ofQuarters(quarters))
                    .transform(PeopleCounts.filterMeasuredRoles(config.measuredRoles()))
                    .transform(PeopleCounts.perPersonFromPeople(quarters.size())),
                quarters,
                config,
                config.period().previous());
    progress.step(
        String.format(
            Locale.ROOT,
            "Counted people in %s to %s: %,d records of" + " measured roles in %s",
            quarters.get(0).label(),
            config.period().label(),
            checked.counts().measured(),
            config.period().label()));
    List<PeopleRow> people =
        people(
            spark,
            checked.people() == null
                ? checked.validated().transform(PeopleCounts.filterAcceptedIn(config.period()))
                : checked.people().transform(ofQuarters(List.of(config.period()))),
            config,
            inputs.projects(),
            inputs.areaNames(),
            checked.counts().inPeriod());
    progress.step("Counted distinct people per scope and role");
    return counted.withPeople(people);
  }

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

  private static Quarters metricsAndTrends(
      JobConfig config, SparkSession spark, Inputs inputs, Counted counted, Progress progress) {
    List<Period> quarters = quarters(config);
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

  /** The analysts' tables written, with the board's equity rows kept. */
  record Tables(List<String> files, List<EquityRow> equity) {}

  /**
   * metrics, tests, people and equity (CSV and Parquet). Equity (a million rows with 2,000
   * projects) and the other tables are the driver's work alone, without Spark jobs: equity is
   * written on a thread of its own meanwhile, so that both cores work.
   */
  private static Tables writeTables(
      JobConfig config,
      SparkSession spark,
      Inputs inputs,
      RecordCheck.Checked checked,
      Counted counted,
      Quarters quarters,
      Progress progress) {
    String out = config.output();
    Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> rollups = inputs.rollups();
    Set<ScopeType> boardScopes = boardScopes(config);
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

  /** What the workbook and charts show, gathered from the steps before. */
  private static ReportModel model(
      JobConfig config,
      Inputs inputs,
      RecordCheck.Checked checked,
      Counted counted,
      Quarters quarters,
      List<EquityRow> equity) {
    List<CategoryCount> categoryCounts = counted.people(config.period());
    return new ReportModel(
        config.period(),
        MetricCalculator.ALL_NAME,
        version(),
        new Bands(config.bandLow(), config.bandHigh()),
        config.suppressionThreshold(),
        config.measuredRoles().stream().sorted().toList(),
        inputs.projects(),
        quarters.metrics(),
        quarters.previous(),
        peopleByProject(categoryCounts),
        counted.byScopeAndRole(),
        dataQuality(
            checked.files(),
            checked.checksums(),
            checked.counts(),
            categoryCounts,
            inputs.catchments().warnings(),
            checked.store()),
        coverage(inputs.projects(), inputs.catchments().rows(), inputs.baselines()),
        inputs.areaNames(),
        new History(
            quarters.labels(),
            quarters.boardHistory(),
            quarters.trends(),
            equity,
            ScopeType.ALL,
            MetricCalculator.ALL_ID));
  }

  /** The board's outputs written, and how many charts they hold. */
  record Board(List<String> files, int charts) {}

  /**
   * The charts, the workbook and any split workbooks. Disclosure control is worked out once and
   * shared by the charts and the workbook; nothing a board sees is written unless its audit passes
   * (fail closed, statistics.md).
   */
  private static Board writeBoard(JobConfig config, ReportModel model, Progress progress) {
    Path out = Path.of(config.output());
    List<String> files = new ArrayList<>();
    BoardView board = BoardView.of(model);
    Path workbook = out.resolve(WorkbookWriter.fileName(config.period()));
    board.requirePasses("the workbook " + workbook.getFileName() + " and its charts");
    progress.step(
        String.format(
            Locale.ROOT,
            "Disclosure audit passed: %,d counts hidden, each" + " with %d or more possible values",
            board.hiddenCount(),
            DisclosureAudit.MIN_POSSIBLE_VALUES));
    List<Charts.Chart> charts = config.charts() ? Charts.forReport(model, board) : List.of();
    for (Charts.Chart c : charts) {
      files.add(Charts.writePng(c, out.resolve("charts")).toString());
    }
    progress.step(String.format(Locale.ROOT, "Drew %d charts", charts.size()));
    WorkbookWriter.write(model, board, charts, workbook);
    files.add(workbook.toString());
    progress.step("Wrote the workbook");
    if (config.splitBy() != SplitBy.NONE) {
      files.addAll(writeSplits(config, model));
    }
    return new Board(files, charts.size());
  }

  /** One workbook per commissioner or project, each audited on its own. */
  private static List<String> writeSplits(JobConfig config, ReportModel model) {
    List<String> files = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (var part : Splits.of(model, config.splitBy()).entrySet()) {
      String slug = Splits.slug(part.getKey());
      String unique = slug;
      for (int i = 2; !used.add(unique); i++) {
        unique = slug + "-" + i;
      }
      Path file =
          Path.of(config.output(), "split", WorkbookWriter.splitFileName(config.period(), unique));
      BoardView partBoard = BoardView.of(part.getValue());
      partBoard.requirePasses("the split workbook " + file.getFileName());
      WorkbookWriter.write(
          part.getValue(),
          partBoard,
          config.charts() ? Charts.forReport(part.getValue(), partBoard) : List.of(),
          file);
      files.add(file.toString());
    }
    return files;
  }

  /**
   * Writes equity.csv and equity.parquet as the rows are made, keeps the board's scopes in {@code
   * board}, and says how many rows were written.
   */
  private static EquityWritten writeEquity(
      JobConfig config,
      SparkSession spark,
      List<Project> projects,
      List<BaselineRow> baselines,
      Counted counted,
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

  /** The scope types a workbook shows over the quarters: all, and the parts it is split into. */
  private static Set<ScopeType> boardScopes(JobConfig config) {
    return switch (config.splitBy()) {
      case COMMISSIONER -> EnumSet.of(ScopeType.ALL, ScopeType.COMMISSIONER);
      case PROJECT -> EnumSet.of(ScopeType.ALL, ScopeType.PROJECT);
      case NONE -> EnumSet.of(ScopeType.ALL);
    };
  }

  /**
   * What a report reads before its records: the projects, the baselines, each catchment's; what was
   * corrected on the way ({@code notes}, such as a lower-case area code), and the warnings that the
   * report may be wrong (an area code malformed or in no baseline, a baseline set no file has, a
   * catchment without a baseline), which {@code --strict} makes errors.
   */
  record Inputs(
      List<Project> projects,
      List<BaselineRow> baselines,
      CatchmentBaselines.Result catchments,
      List<String> notes,
      List<String> warnings,
      Map<String, String> areaNames) {

    /** The scopes each project rolls up into: its commissioner, its areas, all projects. */
    Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> rollups() {
      Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> rollups = new LinkedHashMap<>();
      for (ScopeType t : ROLLUPS) {
        rollups.put(t, MetricCalculator.scopes(t, projects, areaNames));
      }
      return rollups;
    }

    static Inputs read(JobConfig config, Configuration conf) {
      List<String> notes = new ArrayList<>();
      List<Project> projects =
          ProjectsReader.read(config.projects(), config.encoding(), conf, notes);
      List<BaselineRow> baselines =
          BaselinesReader.readAll(config.baselines(), config.encoding(), conf);
      AgeSexTable ageSex = AgeSexTable.readAll(config.populationByAge(), conf);
      CatchmentOverlap.check(projects, config.projects(), CatchmentBaselines.areaNames(baselines));
      CatchmentBaselines.Result computed = CatchmentBaselines.compute(projects, baselines, ageSex);
      List<String> warnings =
          new ArrayList<>(
              AreaCodes.check(
                  projects,
                  baselines.stream().map(BaselineRow::areaCode).collect(Collectors.toSet())));
      warnings.addAll(computed.warnings());
      List<String> shown = new ArrayList<>(notes);
      shown.addAll(warnings);
      return new Inputs(
          projects,
          baselines,
          new CatchmentBaselines.Result(computed.rows(), List.copyOf(shown)),
          List.copyOf(notes),
          List.copyOf(warnings),
          CatchmentBaselines.areaNames(baselines));
    }

    /**
     * Says the notes and warnings on the console, each with its fix; with {@code strict}, the first
     * warning stops the run.
     */
    void sayOrStop(boolean strict, Progress progress) {
      notes.forEach(n -> progress.step("Note: " + n));
      if (warnings.isEmpty()) {
        return;
      }
      if (strict) {
        throw new InputException(
            warnings.get(0)
                + (warnings.size() > 1 ? " (and " + (warnings.size() - 1) + " more warnings)" : "")
                + "; --strict makes this an error."
                + " No report was published.");
      }
      int shownAtMost = 8;
      warnings.stream().limit(shownAtMost).forEach(w -> progress.step("Warning: " + w));
      if (warnings.size() > shownAtMost) {
        progress.step(
            "Warning: ... and "
                + (warnings.size() - shownAtMost)
                + " more, all in the"
                + " workbook's Data quality sheet");
      }
      progress.step(
          "The report is incomplete where these apply; fix them, or run with --strict"
              + " to make them stop the run.");
    }
  }

  /**
   * People per project and group for each quarter counted; experience for the last two; distinct
   * people per scope and role in the reported quarter.
   */
  record Counted(
      Map<String, List<CategoryCount>> people,
      Map<String, List<ExperienceCount>> experience,
      List<PeopleRow> byScopeAndRole) {
    Counted withPeople(List<PeopleRow> rows) {
      return new Counted(people, experience, rows);
    }

    List<CategoryCount> people(Period p) {
      return people.getOrDefault(p.label(), List.of());
    }

    List<ExperienceCount> experience(Period p) {
      return experience.getOrDefault(p.label(), List.of());
    }
  }

  /**
   * People per project, characteristic and category for each quarter, with their experience, in one
   * aggregation (retention included: {@link PeopleCounts#perPerson(int)}).
   */
  static Counted countQuarters(
      Dataset<Row> validated, List<Period> quarters, JobConfig config, Period previous) {
    return countPerPerson(
        validated
            .transform(PeopleCounts.filterAcceptedIn(quarters))
            .transform(PeopleCounts.filterMeasuredRoles(config.measuredRoles()))
            .transform(PeopleCounts.perPerson(quarters.size())),
        quarters,
        config,
        previous);
  }

  /**
   * The people table's rows of {@code quarters}, each labelled with its quarter's index in the list
   * ({@link CountColumns#PERIOD_INDEX}), as {@link PeopleCounts#filterAcceptedIn(List)} labels
   * records.
   */
  static scala.Function1<Dataset<Row>, Dataset<Row>> ofQuarters(List<Period> quarters) {
    return df -> {
      Column index = lit(null).cast("int");
      List<String> values = new ArrayList<>();
      for (int i = 0; i < quarters.size(); i++) {
        String q = HistoryStore.quarterValue(quarters.get(i).label());
        values.add(q);
        index = when(col(HistoryStore.QUARTER).equalTo(q), lit(i)).otherwise(index);
      }
      return df.filter(col(HistoryStore.QUARTER).isin(values.toArray()))
          .withColumn(CountColumns.PERIOD_INDEX, index);
    };
  }

  /**
   * People per project, characteristic and category for each quarter, with their experience, from
   * per-person rows ({@link PeopleCounts#perPerson(int)} or {@link
   * PeopleCounts#perPersonFromPeople(int)}).
   */
  private static Counted countPerPerson(
      Dataset<Row> perPerson, List<Period> quarters, JobConfig config, Period previous) {
    java.util.Set<String> withExperience =
        java.util.Set.of(config.period().label(), previous.label());
    Map<String, List<CategoryCount>> people = new TreeMap<>();
    Map<String, List<org.whotakespart.stats.ExperienceCount>> experience = new TreeMap<>();
    var flags = org.whotakespart.stats.ExperienceCount.Flag.values();
    java.util.Iterator<Row> it =
        perPerson.transform(PeopleCounts.perCategory(true)).toLocalIterator();
    // Experience is counted per group: the rows split by age band and sex are added up.
    record Group(String project, String characteristic, Integer index) {}
    Map<String, Map<Group, org.whotakespart.stats.ExperienceCount>> byGroup = new TreeMap<>();
    // Millions of rows name a few thousand projects: each id is kept once, not once a row (at 8 M
    // records the copies alone filled most of a 2 GB driver).
    Map<String, String> names = new HashMap<>();
    while (it.hasNext()) {
      Row r = it.next();
      String period = quarters.get(r.<Integer>getAs(CountColumns.PERIOD_INDEX)).label();
      String project = names.computeIfAbsent(r.getAs(CountColumns.PROJECT_ID), k -> k);
      String characteristic = names.computeIfAbsent(r.getAs(CountColumns.CHARACTERISTIC), k -> k);
      Integer index = r.getAs(CountColumns.CATEGORY_INDEX);
      long n = r.<Long>getAs(CountColumns.PEOPLE);
      people
          .computeIfAbsent(period, k -> new ArrayList<>())
          .add(
              new CategoryCount(
                  project,
                  characteristic,
                  index,
                  n,
                  r.<Long>getAs(CountColumns.CONFLICTS),
                  r.<Integer>getAs(CountColumns.AGE_INDEX),
                  r.<Integer>getAs(CountColumns.SEX_INDEX)));
      if (!withExperience.contains(period)) {
        continue;
      }
      long[] c = new long[flags.length];
      for (var f : flags) {
        c[f.ordinal()] = r.<Long>getAs(f.column());
      }
      byGroup
          .computeIfAbsent(period, k -> new java.util.LinkedHashMap<>())
          .merge(
              new Group(project, characteristic, index),
              new org.whotakespart.stats.ExperienceCount(project, characteristic, index, n, c),
              (a, b) -> {
                long[] sum = a.counts().clone();
                for (int i = 0; i < sum.length; i++) {
                  sum[i] += b.counts()[i];
                }
                return new org.whotakespart.stats.ExperienceCount(
                    project, characteristic, index, a.people() + b.people(), sum);
              });
    }
    byGroup.forEach((period, groups) -> experience.put(period, new ArrayList<>(groups.values())));
    return new Counted(people, experience, List.of());
  }

  /** The scope types a project's metrics roll up into. */
  private static final List<ScopeType> ROLLUPS =
      List.of(ScopeType.COMMISSIONER, ScopeType.AREA, ScopeType.ALL);

  private static List<MetricRow> metrics(
      JobConfig config, Period period, Inputs inputs, List<CategoryCount> counts) {
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

  /**
   * Distinct people per scope and role in the period, every role included, from the period's
   * accepted records or its people table rows (either has each row's role index).
   */
  private static List<PeopleRow> people(
      SparkSession spark,
      Dataset<Row> inPeriod,
      JobConfig config,
      List<Project> projects,
      Map<String, String> areaNames,
      long recordsInPeriod) {
    List<Row> scopeRows = new ArrayList<>();
    Map<ScopeKey, String> names = new HashMap<>();
    for (ScopeType t : ScopeType.values()) {
      MetricCalculator.scopes(t, projects, areaNames)
          .forEach(
              (project, scopes) -> {
                for (MetricCalculator.Scope s : scopes) {
                  scopeRows.add(RowFactory.create(project, t.code(), s.id()));
                  names.put(new ScopeKey(t, s.id()), s.name());
                }
              });
    }
    Dataset<Row> projectScopes =
        spark.createDataFrame(
            scopeRows,
            new StructType()
                .add(RecordColumns.PROJECT_ID, "string")
                .add(CountColumns.SCOPE_TYPE, "string")
                .add(CountColumns.SCOPE_ID, "string"));
    List<PeopleRow> rows = new ArrayList<>();
    for (Row r :
        PeopleCounts.peopleByScopeAndRole(
                inPeriod, projectScopes, config.measuredRoles(), recordsInPeriod)
            .collectAsList()) {
      var scope =
          new ScopeKey(
              ScopeType.fromCode(r.getAs(CountColumns.SCOPE_TYPE)), r.getAs(CountColumns.SCOPE_ID));
      rows.add(
          new PeopleRow(
              config.period().label(),
              scope.type(),
              scope.id(),
              names.get(scope),
              r.getAs(CountColumns.ROLE),
              r.<Long>getAs(CountColumns.PEOPLE)));
    }
    rows.sort(
        Comparator.comparing((PeopleRow p) -> p.scopeType().ordinal())
            .thenComparing(PeopleRow::scopeId)
            .thenComparing(PeopleRow::role));
    return rows;
  }

  private static DataQuality dataQuality(
      List<ParticipationReader.FileInfo> files,
      Map<String, String> checksums,
      RecordCheck.Counts counts,
      List<CategoryCount> categoryCounts,
      List<String> warnings,
      DataQuality.StoreSource store) {
    List<FileReconciliation> perFile = new ArrayList<>();
    String common = commonFolder(files.stream().map(ParticipationReader.FileInfo::path).toList());
    for (ParticipationReader.FileInfo f : files) {
      long[] a = counts.byFile().getOrDefault(f.path(), new long[3]);
      perFile.add(
          new FileReconciliation(
              f.path().substring(common.length()),
              f.bytes(),
              checksums.getOrDefault(f.path(), ""),
              f.empty(),
              f.ignoredColumns(),
              a[0] + a[1] + a[2],
              a[0],
              a[1],
              a[2]));
    }
    Map<String, Long> reasons = new LinkedHashMap<>();
    for (RejectReason r : RejectReason.values()) {
      Long n = counts.byReason().get(r.code());
      if (n != null) {
        reasons.put(r.code(), n);
      }
    }
    Map<String, Long> conflicts = new LinkedHashMap<>();
    for (Characteristic c : Characteristic.values()) {
      conflicts.put(
          c.code(),
          categoryCounts.stream()
              .filter(x -> x.characteristic().equals(c.code()))
              .mapToLong(CategoryCount::conflicts)
              .sum());
    }
    return new DataQuality(
        perFile, reasons, conflicts, counts.inPeriod(), counts.measured(), warnings, store);
  }

  /**
   * The folder all {@code paths} share, with its trailing "/", or "": the workbook names each file
   * from there (sheffield/participation-q2.csv), never by its whole path, which may hold a user's
   * name.
   */
  static String commonFolder(List<String> paths) {
    if (paths.isEmpty()) {
      return "";
    }
    String common = paths.get(0).substring(0, paths.get(0).lastIndexOf('/') + 1);
    for (String p : paths) {
      while (!p.startsWith(common)) {
        common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
      }
    }
    return common;
  }

  private static Map<String, Long> peopleByProject(List<CategoryCount> counts) {
    Map<String, Long> m = new TreeMap<>();
    // Every person has exactly one value (known or unknown) per characteristic: count one of them.
    for (CategoryCount c : counts) {
      if (c.characteristic().equals(Characteristic.SEX.code())) {
        m.merge(c.projectId(), c.people(), Long::sum);
      }
    }
    return m;
  }

  private static List<BaselineCoverage> coverage(
      List<Project> projects, List<ProjectBaseline> rows, List<BaselineRow> baselines) {
    Map<String, Project> byId = new TreeMap<>();
    projects.forEach(p -> byId.put(p.projectId(), p));
    Map<CoverageKey, BaselineCoverage> m = new TreeMap<>(CoverageKey.ORDER);
    Map<CoverageKey, Set<String>> names = new HashMap<>();
    Set<List<String>> done = new HashSet<>();
    for (ProjectBaseline r : rows) {
      Project p = byId.get(r.projectId());
      String set = p.baseline();
      CoverageKey key =
          new CoverageKey(
              set,
              Characteristic.fromCode(r.characteristic()).orElseThrow().ordinal(),
              r.minAgeCovered(),
              r.covers());
      names.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(p.projectName());
      if (!done.add(List.of(p.projectId(), r.characteristic()))) {
        continue; // one look-up per project and characteristic, not per category
      }
      // Age and sex restricted to a project's people come from the sex-by-age table (TS009).
      boolean ageOrSex =
          r.characteristic().equals(Characteristic.SEX.code())
              || r.characteristic().equals(Characteristic.AGE_BAND.code());
      // The sources of the catchment's own rows (a neighbourhood's table differs from its
      // authority's); else, as for an authority's share taken by a neighbourhood, the set's.
      Set<String> catchment = Set.copyOf(p.catchment());
      String ownSources =
          baselines.stream()
              .filter(
                  b ->
                      b.baseline().equals(set)
                          && b.characteristic().equals(r.characteristic())
                          && b.minAge() == r.minAgeCovered()
                          && catchment.contains(b.areaCode()))
              .map(BaselineRow::source)
              .distinct()
              .collect(Collectors.joining("; "));
      String fromFile =
          !ownSources.isEmpty()
              ? ownSources
              : baselines.stream()
                  .filter(
                      b ->
                          b.baseline().equals(set)
                              && b.characteristic().equals(r.characteristic())
                              && b.minAge() == r.minAgeCovered())
                  .map(BaselineRow::source)
                  .findFirst()
                  .orElse("");
      boolean fromTable =
          ageOrSex && (fromFile.isEmpty() || !r.covers().equals(Phrases.ages(r.minAgeCovered())));
      boolean neighbourhoods = p.catchment().stream().anyMatch(MsoaImporter::isMsoa);
      boolean authorities = !p.catchment().stream().allMatch(MsoaImporter::isMsoa);
      String tableSource =
          neighbourhoods
              ? (authorities ? AgeSexTable.SOURCE + "; " : "") + AgeSexTable.MSOA_SOURCE
              : AgeSexTable.SOURCE;
      String source = fromTable ? tableSource : fromFile;
      BaselineCoverage seen = m.get(key);
      if (seen != null) {
        // Projects sharing a line may draw on different tables (an authority's, a
        // neighbourhood's): the line names each source once.
        for (String part : source.split("; ")) {
          if (!Arrays.asList(seen.source().split("; ")).contains(part)) {
            seen =
                new BaselineCoverage(
                    seen.baseline(),
                    seen.characteristic(),
                    seen.minAgeCovered(),
                    seen.source() + "; " + part,
                    seen.covers(),
                    List.of());
          }
        }
        m.put(key, seen);
        continue;
      }
      m.put(
          key,
          new BaselineCoverage(
              set, r.characteristic(), r.minAgeCovered(), source, r.covers(), List.of()));
    }
    List<BaselineCoverage> out = new ArrayList<>();
    m.forEach(
        (k, b) ->
            out.add(
                new BaselineCoverage(
                    b.baseline(),
                    b.characteristic(),
                    b.minAgeCovered(),
                    b.source(),
                    b.covers(),
                    List.copyOf(names.get(k)))));
    return out;
  }

  /**
   * A baseline set's characteristic as one line of About, in the order About has always listed
   * them: by set, then characteristic in the contract's order, then the youngest age compared as
   * text (16 before 5), then what it covers.
   */
  private record CoverageKey(String set, int characteristic, int minAge, String covers) {
    static final Comparator<CoverageKey> ORDER =
        Comparator.comparing(CoverageKey::set)
            .thenComparing(CoverageKey::characteristic)
            .thenComparing(k -> Integer.toString(k.minAge()))
            .thenComparing(CoverageKey::covers);
  }

  static String version() {
    String v = ReportJob.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }
}
