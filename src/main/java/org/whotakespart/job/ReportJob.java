package org.whotakespart.job;


import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.baseline.CatchmentBaselines;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.BaselinesReader;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.ParticipationReader;
import org.whotakespart.ingest.Project;
import org.whotakespart.ingest.ProjectsReader;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.output.chart.Charts;
import org.whotakespart.output.table.MetricsWriter;
import org.whotakespart.output.table.PeopleWriter;
import org.whotakespart.output.table.TestsWriter;
import org.whotakespart.output.xlsx.WorkbookWriter;
import org.whotakespart.report.BaselineCoverage;
import org.whotakespart.report.Phrases;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.FileReconciliation;
import org.whotakespart.report.ReportModel;
import org.whotakespart.report.Splits;
import org.whotakespart.config.SplitBy;
import org.whotakespart.stats.Bands;
import org.whotakespart.stats.CategoryCount;
import org.whotakespart.stats.CountColumns;
import org.whotakespart.stats.GoodnessOfFit;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.PeopleCounts;
import org.whotakespart.stats.PeopleRow;
import org.whotakespart.stats.ScopeType;
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

  /** Where the checked records come from: {@link RecordCheck#check}, or a stand-in to measure it. */
  @FunctionalInterface
  public interface RecordSource {
    RecordCheck.Checked check(JobConfig config, SparkSession spark, Progress progress,
        List<Project> projects);
  }

  public static Result run(JobConfig config, SparkSession spark, Progress progress) {
    return run(config, spark, progress, config.fromStore() ? StoreRecords::check : RecordCheck::check);
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
    for (Period p = config.period(); q.size() <= Math.max(1, config.trendQuarters());
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
   * The report from records given by {@code source}, built in a temporary folder beside the
   * output folder and moved into place only when complete ({@link Publication}). A run that does
   * not finish leaves no report in the output folder that is not its own.
   */
  public static Result run(JobConfig config, SparkSession spark, Progress progress,
      RecordSource source) {
    Publication publication = Publication.begin(config.output());
    Result staged;
    try {
      staged = build(config.withOutput(publication.stage()), spark, progress, source);
    } catch (Exception | org.apache.hadoop.fs.FSError e) {
      // SparkException is checked, and thrown unchecked by Scala code; Hadoop's local file system
      // reports a failed write (a full disk) as an FSError.
      String note = publication.abandon(e instanceof Refused);
      if (note != null) {
        progress.step(note);
      }
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (e instanceof InputException input) {
        throw input.reworded(publication.published(message.replace(publication.stage(),
            java.nio.file.Path.of(config.output()).toAbsolutePath().normalize().toString())));
      }
      String disk = org.whotakespart.output.OutputException.diskProblem(e);
      if (disk != null) {
        throw new org.whotakespart.output.OutputException(config.output() + ": cannot write the"
            + " report (" + disk + "); " + (disk.equals("the disk is full")
                ? "free some space or choose an --output folder on another disk"
                : "choose an --output folder you can write to")
            + ". No report was published.", e);
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e.toString(), e);
    }
    publication.publish();
    return new Result(staged.model(), config.output(),
        staged.files().stream().map(f -> publication.published(f)
            .replace(java.nio.file.Path.of(config.output()).toAbsolutePath().normalize().toString(),
                config.output())).toList(), staged.blankRows());
  }

  private static Result build(JobConfig config, SparkSession spark, Progress progress,
      RecordSource source) {
    Inputs inputs = Inputs.read(config, spark.sparkContext().hadoopConfiguration());
    List<Project> projects = inputs.projects();
    List<BaselineRow> baselines = inputs.baselines();
    CatchmentBaselines.Result catchments = inputs.catchments();
    inputs.sayOrStop(config.strict(), progress);
    progress.step(String.format(Locale.ROOT, "Read %d projects and %,d baseline rows",
        projects.size(), baselines.size()));

    RecordCheck.Checked checked = source.check(config, spark, progress, projects);
    Dataset<Row> validated = checked.validated();
    RecordCheck.Counts counts = checked.counts();
    String out = config.output();
    String quarantine = checked.quarantine();
    try {
      if (checked.rejectedShare() > config.maxRejectedShare()) {
        throw new Refused(String.format(Locale.ROOT, "%.1f%% of rows were rejected, more"
            + " than the %.1f%% this job allows; no report was published. See %s for each row and"
            + " its reason, fix the exports, or raise max_rejected_share in the job file",
            100 * checked.rejectedShare(), 100 * config.maxRejectedShare(), quarantine));
      }

      // Every quarter of the trend window (the one before included) in one pass.
      List<Period> quarters = quarters(config);
      Period previous = config.period().previous();
      Counted counted = countQuarters(validated, quarters, config, previous);
      List<CategoryCount> categoryCounts = counted.people(config.period());
      List<CategoryCount> previousCounts = counted.people(previous);
      progress.step(String.format(Locale.ROOT, "Counted people in %s to %s: %,d records of"
          + " measured roles in %s", quarters.get(0).label(), config.period().label(),
          counts.measured(), config.period().label()));

      Map<String, String> areaNames = CatchmentBaselines.areaNames(baselines);
      List<PeopleRow> people = people(spark, validated, config, projects, areaNames,
          counts.inPeriod());
      progress.step("Counted distinct people per scope and role");
      List<MetricRow> metrics = metrics(config, config.period(), projects, categoryCounts,
          catchments.rows(), areaNames);
      List<MetricRow> previousMetrics = previousCounts.isEmpty() ? List.of()
          : metrics(config, previous, projects, previousCounts, catchments.rows(), areaNames);
      // The quarters' metrics are written and followed one quarter at a time: with thousands of
      // projects they run to millions of rows. The workbook keeps only the scopes it shows.
      java.util.Set<ScopeType> boardScopes = boardScopes(config);
      List<String> labels = quarters.stream().map(Period::label).toList();
      org.whotakespart.stats.Trend.Tracker tracker =
          new org.whotakespart.stats.Trend.Tracker(quarters.size());
      List<MetricRow> boardHistory = new ArrayList<>();
      try (org.whotakespart.output.table.ChunkedTable table = MetricsWriter.trends(spark, out)) {
        for (int i = 0; i < quarters.size(); i++) {
          Period q = quarters.get(i);
          List<MetricRow> rows = q.equals(config.period()) ? metrics
              : q.equals(previous) ? previousMetrics
              : metrics(config, q, projects, counted.people(q), catchments.rows(), areaNames);
          tracker.add(i, rows);
          for (MetricRow r : rows) {
            MetricsWriter.add(table, r);
            if (boardScopes.contains(r.scopeType())) {
              boardHistory.add(r);
            }
          }
        }
      }
      Map<String, org.whotakespart.stats.Trend> trends = tracker.trends();
      progress.step(String.format(Locale.ROOT, "Worked out the metrics and trends of %d quarters",
          quarters.size()));
      Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> rollups = new LinkedHashMap<>();
      for (ScopeType t : List.of(ScopeType.COMMISSIONER, ScopeType.AREA, ScopeType.ALL)) {
        rollups.put(t, MetricCalculator.scopes(t, projects, areaNames));
      }
      // Equity (a million rows with 2,000 projects) and the analysts' tables are the driver's work
      // alone, without Spark jobs: equity is written on a thread of its own meanwhile, so that both
      // cores work.
      List<org.whotakespart.stats.EquityRow> equity = new ArrayList<>();
      long equityRows;
      List<String> files = new ArrayList<>();
      try (SideTask<Long> equityTask = SideTask.start("equity", () -> writeEquity(config, spark,
          projects, baselines, counted, previous, rollups, boardScopes, equity))) {
        MetricsWriter.write(spark, metrics, trends,
            new org.whotakespart.report.BaselineCovers(projects, catchments.rows(), rollups)::of,
            out, checked.store() == null ? null : checked.store().version());
        TestsWriter.write(spark, GoodnessOfFit.tests(metrics), out);
        PeopleWriter.write(spark, people, out);
        progress.step("Wrote the analysts' tables");
        equityRows = equityTask.join();
      }
      progress.step(String.format(Locale.ROOT, "Worked out the equity of experience (%,d rows)",
          equityRows));
      files.add(out + "/metrics.csv");
      files.add(out + "/metrics.parquet");
      files.add(out + "/trends.csv");
      files.add(out + "/trends.parquet");
      files.add(out + "/equity.csv");
      files.add(out + "/equity.parquet");
      files.add(out + "/tests.csv");
      files.add(out + "/tests.parquet");
      files.add(out + "/people.csv");
      files.add(out + "/people.parquet");
      ReportModel model = new ReportModel(config.period(), MetricCalculator.ALL_NAME, version(),
          new Bands(config.bandLow(), config.bandHigh()), config.suppressionThreshold(),
          config.measuredRoles().stream().sorted().toList(), projects, metrics, previousMetrics,
          peopleByProject(categoryCounts), people,
          dataQuality(checked.files(), checked.checksums(), counts, categoryCounts,
              catchments.warnings(), checked.store()),
          coverage(projects, catchments.rows(), baselines), areaNames,
          new org.whotakespart.report.History(labels, boardHistory, trends, equity, ScopeType.ALL,
              MetricCalculator.ALL_ID));
      if (quarantine != null) {
        files.add(quarantine);
      }
      // Disclosure control is worked out once and shared by the charts and the workbook.
      BoardView board = BoardView.of(model);
      String workbook = out + "/who-takes-part-" + config.period().folderName() + ".xlsx";
      // Fail closed: nothing a board sees is written unless the audit passes (statistics.md).
      board.requirePasses("the workbook " + Path.of(workbook).getFileName() + " and its charts");
      progress.step(String.format(Locale.ROOT, "Disclosure audit passed: %,d counts hidden, each"
          + " with %d or more possible values", board.hiddenCount(),
          org.whotakespart.report.DisclosureAudit.MIN_POSSIBLE_VALUES));
      List<Charts.Chart> charts = config.charts() ? Charts.forReport(model, board) : List.of();
      Path local = Path.of(out);
      for (Charts.Chart c : charts) {
        files.add(Charts.writePng(c, local.resolve("charts")).toString());
      }
      progress.step(String.format(Locale.ROOT, "Drew %d charts", charts.size()));
      WorkbookWriter.write(model, board, charts, Path.of(workbook));
      files.add(workbook);
      progress.step("Wrote the workbook");
      if (config.splitBy() != SplitBy.NONE) {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (var part : Splits.of(model, config.splitBy()).entrySet()) {
          String slug = Splits.slug(part.getKey());
          String unique = slug;
          for (int i = 2; !used.add(unique); i++) {
            unique = slug + "-" + i;
          }
          String file = out + "/split/who-takes-part-" + config.period().folderName() + "-" + unique
              + ".xlsx";
          BoardView partBoard = BoardView.of(part.getValue());
          partBoard.requirePasses("the split workbook " + Path.of(file).getFileName());
          WorkbookWriter.write(part.getValue(), partBoard,
              config.charts() ? Charts.forReport(part.getValue(), partBoard) : List.of(),
              Path.of(file));
          files.add(file);
        }
      }
      progress.step(String.format(Locale.ROOT, "Wrote %,d metrics rows, %d charts and the"
          + " workbook to %s", metrics.size(), charts.size(), out));
      return new Result(model, out, files, counts.blank());
    } finally {
      checked.close();
    }
  }

  /**
   * Writes equity.csv and equity.parquet as the rows are made, keeps the board's scopes in
   * {@code board}, and returns how many rows were written.
   */
  private static long writeEquity(JobConfig config, SparkSession spark, List<Project> projects,
      List<BaselineRow> baselines, Counted counted, Period previous,
      Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> rollups,
      java.util.Set<ScopeType> boardScopes, List<org.whotakespart.stats.EquityRow> board) {
    long[] rows = new long[1];
    try (org.whotakespart.output.table.ChunkedTable table =
        org.whotakespart.output.table.EquityWriter.open(spark, config.output())) {
      new org.whotakespart.stats.EquityCalculator(config.period().label()).rows(projects,
          counted.experience(config.period()), counted.experience(previous),
          org.whotakespart.baseline.Deprivation.projectShares(config, projects, baselines,
              spark.sparkContext().hadoopConfiguration()),
          rollups, r -> {
            rows[0]++;
            org.whotakespart.output.table.EquityWriter.add(table, r);
            if (boardScopes.contains(r.scopeType())) {
              board.add(r);
            }
          });
    }
    return rows[0];
  }

  /** The scope types a workbook shows over the quarters: all, and the parts it is split into. */
  private static java.util.Set<ScopeType> boardScopes(JobConfig config) {
    return switch (config.splitBy()) {
      case COMMISSIONER -> java.util.EnumSet.of(ScopeType.ALL, ScopeType.COMMISSIONER);
      case PROJECT -> java.util.EnumSet.of(ScopeType.ALL, ScopeType.PROJECT);
      case NONE -> java.util.EnumSet.of(ScopeType.ALL);
    };
  }

  /**
   * What a report reads before its records: the projects, the baselines, each catchment's; what
   * was corrected on the way ({@code notes}, such as a lower-case area code), and the warnings
   * that the report may be wrong (an area code malformed or in no baseline, a baseline set no
   * file has, a catchment without a baseline), which {@code --strict} makes errors.
   */
  record Inputs(List<Project> projects, List<BaselineRow> baselines,
      CatchmentBaselines.Result catchments, List<String> notes, List<String> warnings) {
    static Inputs read(JobConfig config, Configuration conf) {
      List<String> notes = new ArrayList<>();
      List<Project> projects = ProjectsReader.read(config.projects(), config.encoding(), conf,
          notes);
      List<BaselineRow> baselines = BaselinesReader.readAll(config.baselines(), config.encoding(),
          conf);
      org.whotakespart.baseline.AgeSexTable ageSex = config.populationByAge() == null
          ? org.whotakespart.baseline.AgeSexTable.empty()
          : org.whotakespart.baseline.AgeSexTable.read(config.populationByAge(), conf);
      org.whotakespart.baseline.CatchmentOverlap.check(projects, config.projects(),
          CatchmentBaselines.areaNames(baselines));
      CatchmentBaselines.Result computed = CatchmentBaselines.compute(projects, baselines, ageSex);
      List<String> warnings = new ArrayList<>(org.whotakespart.ingest.AreaCodes.check(projects,
          baselines.stream().map(BaselineRow::areaCode)
              .collect(java.util.stream.Collectors.toSet())));
      warnings.addAll(computed.warnings());
      List<String> shown = new ArrayList<>(notes);
      shown.addAll(warnings);
      return new Inputs(projects, baselines,
          new CatchmentBaselines.Result(computed.rows(), List.copyOf(shown)), List.copyOf(notes),
          List.copyOf(warnings));
    }

    /**
     * Says the notes and warnings on the console, each with its fix; with {@code strict}, the
     * first warning stops the run.
     */
    void sayOrStop(boolean strict, Progress progress) {
      notes.forEach(n -> progress.step("Note: " + n));
      if (warnings.isEmpty()) {
        return;
      }
      if (strict) {
        throw new InputException(warnings.get(0) + (warnings.size() > 1 ? " (and "
            + (warnings.size() - 1) + " more warnings)" : "") + "; --strict makes this an error."
            + " No report was published.");
      }
      int shownAtMost = 8;
      warnings.stream().limit(shownAtMost).forEach(w -> progress.step("Warning: " + w));
      if (warnings.size() > shownAtMost) {
        progress.step("Warning: ... and " + (warnings.size() - shownAtMost) + " more, all in the"
            + " workbook's Data quality sheet");
      }
      progress.step("The report is incomplete where these apply; fix them, or run with --strict"
          + " to make them stop the run.");
    }
  }

  /** People per project and group for each quarter counted; experience for the last two. */
  record Counted(Map<String, List<CategoryCount>> people,
      Map<String, List<org.whotakespart.stats.ExperienceCount>> experience) {
    List<CategoryCount> people(Period p) {
      return people.getOrDefault(p.label(), List.of());
    }

    List<org.whotakespart.stats.ExperienceCount> experience(Period p) {
      return experience.getOrDefault(p.label(), List.of());
    }
  }

  /**
   * People per project, characteristic and category for each quarter, with their experience, in
   * one aggregation (retention included: {@link PeopleCounts#perPerson(int)}).
   */
  static Counted countQuarters(Dataset<Row> validated, List<Period> quarters, JobConfig config,
      Period previous) {
    java.util.Set<String> withExperience = java.util.Set.of(config.period().label(),
        previous.label());
    Map<String, List<CategoryCount>> people = new TreeMap<>();
    Map<String, List<org.whotakespart.stats.ExperienceCount>> experience = new TreeMap<>();
    var flags = org.whotakespart.stats.ExperienceCount.Flag.values();
    java.util.Iterator<Row> it = validated
        .transform(PeopleCounts.filterAcceptedIn(quarters))
        .transform(PeopleCounts.filterMeasuredRoles(config.measuredRoles()))
        .transform(PeopleCounts.perPerson(quarters.size()))
        .transform(PeopleCounts.perCategory(true))
        .toLocalIterator();
    // Experience is counted per group: the rows split by age band and sex are added up.
    Map<String, Map<String, org.whotakespart.stats.ExperienceCount>> byGroup = new TreeMap<>();
    while (it.hasNext()) {
      Row r = it.next();
      String period = quarters.get(r.<Integer>getAs(CountColumns.PERIOD_INDEX)).label();
      String project = r.getAs(CountColumns.PROJECT_ID);
      String characteristic = r.getAs(CountColumns.CHARACTERISTIC);
      Integer index = r.getAs(CountColumns.CATEGORY_INDEX);
      long n = r.<Long>getAs(CountColumns.PEOPLE);
      people.computeIfAbsent(period, k -> new ArrayList<>()).add(new CategoryCount(project,
          characteristic, index, n, r.<Long>getAs(CountColumns.CONFLICTS),
          r.<Integer>getAs(CountColumns.AGE_INDEX), r.<Integer>getAs(CountColumns.SEX_INDEX)));
      if (!withExperience.contains(period)) {
        continue;
      }
      long[] c = new long[flags.length];
      for (var f : flags) {
        c[f.ordinal()] = r.<Long>getAs(f.column());
      }
      byGroup.computeIfAbsent(period, k -> new java.util.LinkedHashMap<>())
          .merge(project + '\u0000' + characteristic + '\u0000' + index,
              new org.whotakespart.stats.ExperienceCount(project, characteristic, index, n, c),
              (a, b) -> {
                long[] sum = a.counts().clone();
                for (int i = 0; i < sum.length; i++) {
                  sum[i] += b.counts()[i];
                }
                return new org.whotakespart.stats.ExperienceCount(project, characteristic, index,
                    a.people() + b.people(), sum);
              });
    }
    byGroup.forEach((period, groups) -> experience.put(period, new ArrayList<>(groups.values())));
    return new Counted(people, experience);
  }

  static List<MetricRow> metrics(JobConfig config, Period period, List<Project> projects,
      List<CategoryCount> counts, List<ProjectBaseline> baselines, Map<String, String> areaNames) {
    MetricCalculator calc = new MetricCalculator(period.label(),
        new Bands(config.bandLow(), config.bandHigh()));
    List<MetricRow> projectRows = calc.projectMetrics(projects, counts, baselines);
    List<MetricRow> all = new ArrayList<>(projectRows);
    for (ScopeType t : List.of(ScopeType.COMMISSIONER, ScopeType.AREA, ScopeType.ALL)) {
      all.addAll(calc.rollup(t, projectRows, MetricCalculator.scopes(t, projects, areaNames)));
    }
    all.sort(MetricCalculator.ORDER);
    return all;
  }

  /** Distinct people per scope and role in the period, every role included. */
  private static List<PeopleRow> people(SparkSession spark, Dataset<Row> validated,
      JobConfig config, List<Project> projects, Map<String, String> areaNames,
      long recordsInPeriod) {
    List<Row> scopeRows = new ArrayList<>();
    Map<String, String> names = new TreeMap<>();
    for (ScopeType t : ScopeType.values()) {
      MetricCalculator.scopes(t, projects, areaNames).forEach((project, scopes) -> {
        for (MetricCalculator.Scope s : scopes) {
          scopeRows.add(org.apache.spark.sql.RowFactory.create(project, t.code(), s.id()));
          names.put(t.code() + '\u0000' + s.id(), s.name());
        }
      });
    }
    Dataset<Row> projectScopes = spark.createDataFrame(scopeRows, new org.apache.spark.sql.types.StructType()
        .add(RecordColumns.PROJECT_ID, "string").add(CountColumns.SCOPE_TYPE, "string")
        .add(CountColumns.SCOPE_ID, "string"));
    List<PeopleRow> rows = new ArrayList<>();
    for (Row r : PeopleCounts.peopleByScopeAndRole(
        validated.transform(PeopleCounts.filterAcceptedIn(config.period())), projectScopes,
        config.measuredRoles(), recordsInPeriod).collectAsList()) {
      String type = r.getAs(CountColumns.SCOPE_TYPE);
      String id = r.getAs(CountColumns.SCOPE_ID);
      rows.add(new PeopleRow(config.period().label(),
          ScopeType.fromCode(type), id, names.get(type + '\u0000' + id), r.getAs(CountColumns.ROLE),
          r.<Long>getAs(CountColumns.PEOPLE)));
    }
    rows.sort(java.util.Comparator.comparing((PeopleRow p) -> p.scopeType().ordinal())
        .thenComparing(PeopleRow::scopeId).thenComparing(PeopleRow::role));
    return rows;
  }

  private static DataQuality dataQuality(List<ParticipationReader.FileInfo> files,
      Map<String, String> checksums,
      RecordCheck.Counts counts, List<CategoryCount> categoryCounts, List<String> warnings,
      DataQuality.StoreSource store) {
    List<FileReconciliation> perFile = new ArrayList<>();
    String common = commonFolder(files.stream().map(ParticipationReader.FileInfo::path).toList());
    for (ParticipationReader.FileInfo f : files) {
      long[] a = counts.byFile().getOrDefault(f.path(), new long[3]);
      perFile.add(new FileReconciliation(f.path().substring(common.length()), f.bytes(), checksums.getOrDefault(f.path(), ""),
          f.empty(), f.ignoredColumns(),
          a[0] + a[1] + a[2], a[0], a[1], a[2]));
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
      conflicts.put(c.code(), categoryCounts.stream()
          .filter(x -> x.characteristic().equals(c.code())).mapToLong(CategoryCount::conflicts).sum());
    }
    return new DataQuality(perFile, reasons, conflicts, counts.inPeriod(), counts.measured(),
        warnings, store);
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

  private static List<BaselineCoverage> coverage(List<Project> projects,
      List<ProjectBaseline> rows, List<BaselineRow> baselines) {
    Map<String, Project> byId = new TreeMap<>();
    projects.forEach(p -> byId.put(p.projectId(), p));
    Map<String, BaselineCoverage> m = new TreeMap<>();
    Map<String, java.util.Set<String>> names = new TreeMap<>();
    for (ProjectBaseline r : rows) {
      Project p = byId.get(r.projectId());
      String set = p.baseline();
      String key = set + '\u0000' + Characteristic.fromCode(r.characteristic()).orElseThrow().ordinal()
          + '\u0000' + r.minAgeCovered() + '\u0000' + r.covers();
      names.computeIfAbsent(key, k -> new java.util.LinkedHashSet<>()).add(p.projectName());
      if (m.containsKey(key)) {
        continue;
      }
      // Age and sex restricted to a project's people come from the sex-by-age table (TS009).
      boolean ageOrSex = r.characteristic().equals(Characteristic.SEX.code())
          || r.characteristic().equals(Characteristic.AGE_BAND.code());
      String fromFile = baselines.stream().filter(b -> b.baseline().equals(set)
              && b.characteristic().equals(r.characteristic()) && b.minAge() == r.minAgeCovered())
          .map(BaselineRow::source).findFirst().orElse("");
      boolean fromTable = ageOrSex
          && (fromFile.isEmpty() || !r.covers().equals(Phrases.ages(r.minAgeCovered())));
      m.put(key, new BaselineCoverage(set, r.characteristic(), r.minAgeCovered(),
          fromTable ? org.whotakespart.baseline.AgeSexTable.SOURCE : fromFile, r.covers(),
          List.of()));
    }
    List<BaselineCoverage> out = new ArrayList<>();
    m.forEach((k, b) -> out.add(new BaselineCoverage(b.baseline(), b.characteristic(),
        b.minAgeCovered(), b.source(), b.covers(), List.copyOf(names.get(k)))));
    return out;
  }

  static String version() {
    String v = ReportJob.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

}
