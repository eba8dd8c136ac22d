package org.whotakespart.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.JobConfig;
import org.whotakespart.ingest.ParticipationReader;
import org.whotakespart.ingest.Project;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.output.table.HadoopFiles;
import org.whotakespart.output.table.QuarantineWriter;
import org.whotakespart.report.DataQuality;
import org.whotakespart.stats.PeopleCounts;
import org.whotakespart.validate.Aliases;
import org.whotakespart.validate.IdentifierGuard;
import org.whotakespart.validate.RecordValidation;
import org.whotakespart.validate.ValidatedColumns;

/**
 * Reads and checks the participation records, stops on a direct identifier, counts what happened to
 * every row of every file, and writes the quarantine. Shared by {@code report} and {@code
 * validate}.
 */
public final class RecordCheck {
  private RecordCheck() {}

  /**
   * The checked rows (kept in memory or on local disk for the steps that follow; {@link #close()}
   * releases them), what was learnt of each file, the counts, and where the quarantine went (null
   * when the rows come from the history store, checked when they were ingested). From the store,
   * {@code people} may hold the people table's rows of the report's quarters, counted instead of
   * the records (null: count the records).
   */
  public record Checked(
      Dataset<Row> validated,
      AutoCloseable release,
      List<ParticipationReader.FileInfo> files,
      Counts counts,
      String quarantine,
      Map<String, String> checksums,
      DataQuality.StoreSource store,
      Dataset<Row> people)
      implements AutoCloseable {
    public Checked(
        RecordValidation.Validated validation,
        List<ParticipationReader.FileInfo> files,
        Counts counts,
        String quarantine,
        Map<String, String> checksums) {
      this(validation.rows(), validation, files, counts, quarantine, checksums, null, null);
    }

    @Override
    public void close() {
      try {
        release.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot release the checked rows", e);
      }
    }

    public double rejectedShare() {
      return counts.read() == 0 ? 0 : (double) counts.quarantined() / counts.read();
    }

    /**
     * Why a run stops when more than {@code maxShare} of the rows were rejected, or null: {@code
     * outcome} says what the run did not do, {@code quarantine} where each row's reason is.
     */
    String tooManyRejected(double maxShare, String outcome, String quarantine) {
      if (rejectedShare() <= maxShare) {
        return null;
      }
      return String.format(
          Locale.ROOT,
          "%.1f%% of rows were rejected, more than the %.1f%% this job allows; %s. See %s for each"
              + " row and its reason, fix the exports, or raise max_rejected_share in the job file",
          100 * rejectedShare(),
          100 * maxShare,
          outcome,
          quarantine);
    }
  }

  public static Checked check(
      JobConfig config, SparkSession spark, Progress progress, List<Project> projects) {
    Checked c = check(config, spark, progress, projects, config.output() + "/" + QUARANTINE);
    writeQuarantineReadme(
        config.output() + "/quarantine/README.txt", spark.sparkContext().hadoopConfiguration());
    return c;
  }

  /** Where the quarantine goes in an output folder: a sub-folder of its own. */
  public static final String QUARANTINE = "quarantine/quarantine.csv";

  /** The console's and the README's warning about what the quarantine holds. */
  public static final String QUARANTINE_WARNING =
      "quarantine.csv holds row-level records"
          + " (special-category data about people): it is for whoever made the exports, to fix them;"
          + " it must not go to a board or leave the team, and can be deleted once the exports are"
          + " fixed.";

  private static void writeQuarantineReadme(String file, Configuration conf) {
    try (Writer w = HadoopFiles.writer(file, conf)) {
      w.write(
          "This folder holds quarantine.csv: every row of the exports that could not be used,"
              + "\nwith its file, line and reason, and the contract's values as sent.\n\n"
              + QUARANTINE_WARNING.replace(": it", ":\nit").replace("; it", ";\nit")
              + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * As {@link #check(JobConfig, SparkSession, Progress, List)}, the quarantine written to {@code
   * quarantine}.
   */
  public static Checked check(
      JobConfig config,
      SparkSession spark,
      Progress progress,
      List<Project> projects,
      String quarantine) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    ParticipationReader.RecordInput input =
        ParticipationReader.read(spark, config.records(), config.encoding());
    progress.step(
        String.format(
            Locale.ROOT,
            "Reading %d record files (%.1f MB)",
            input.files().size(),
            input.files().stream().mapToLong(ParticipationReader.FileInfo::bytes).sum() / 1e6));
    Aliases aliases =
        config.aliases() == null
            ? Aliases.defaults()
            : Aliases.load(config.aliases(), config.encoding(), conf);
    Set<String> projectIds = projects.stream().map(Project::projectId).collect(Collectors.toSet());
    RecordValidation.Validated validation =
        RecordValidation.validate(
            spark, input.rows(), aliases, projectIds, LocalDate.now(ZoneOffset.UTC));
    try {
      // One pass counts the rows and finds any identifier; nothing is written before it.
      Counts counts =
          countRows(validation.rows(), config)
              .withBlank(input.blankRows().values().stream().mapToLong(Long::longValue).sum());
      if (counts.identifierAt() != null) {
        IdentifierGuard.stopAt(
            validation.checked(), counts.identifierAt().getKey(), counts.identifierAt().getValue());
      }
      if (counts.quarantined() > 0) {
        QuarantineWriter.write(validation.rows(), quarantine, conf);
      } else {
        QuarantineWriter.writeEmpty(quarantine, conf);
      }
      progress.step(
          String.format(
              Locale.ROOT,
              "Checked %,d rows: %,d accepted, %,d quarantined, %,d exact duplicates%s",
              counts.read(),
              counts.accepted(),
              counts.quarantined(),
              counts.duplicates(),
              counts.blank() == 0
                  ? ""
                  : String.format(Locale.ROOT, "; %,d blank rows skipped", counts.blank())));
      return new Checked(validation, input.files(), counts, quarantine, input.checksums());
    } catch (RuntimeException e) {
      validation.close();
      throw e;
    }
  }

  /**
   * Row counts by file and status (accepted, quarantined, duplicate), and by reason; where the
   * first direct identifier is (file and line), or null.
   */
  public record Counts(
      Map<String, long[]> byFile,
      Map<String, Long> byReason,
      long inPeriod,
      long measured,
      Map.Entry<String, Long> identifierAt,
      long blank) {
    public Counts(
        Map<String, long[]> byFile,
        Map<String, Long> byReason,
        long inPeriod,
        long measured,
        Map.Entry<String, Long> identifierAt) {
      this(byFile, byReason, inPeriod, measured, identifierAt, 0);
    }

    /**
     * The same counts with {@code blank} rows of empty fields only (skipped when read): rows in =
     * {@link #read()} + blank.
     */
    public Counts withBlank(long blank) {
      return new Counts(byFile, byReason, inPeriod, measured, identifierAt, blank);
    }

    /** The reconciliation line the console prints. */
    public String reconciliation() {
      return String.format(
          Locale.UK,
          blank == 0
              ? "rows read %,d = accepted %,d + quarantined %,d + duplicates %,d"
              : "rows read %,d = accepted %,d + quarantined %,d + duplicates %,d + blank %,d",
          read() + blank,
          accepted(),
          quarantined(),
          duplicates(),
          blank);
    }

    public long read() {
      return byFile.values().stream().mapToLong(a -> a[0] + a[1] + a[2]).sum();
    }

    public long accepted() {
      return byFile.values().stream().mapToLong(a -> a[0]).sum();
    }

    public long quarantined() {
      return byFile.values().stream().mapToLong(a -> a[1]).sum();
    }

    public long duplicates() {
      return byFile.values().stream().mapToLong(a -> a[2]).sum();
    }
  }

  /** One aggregation over the checked rows; with no period, nothing is counted as in it. */
  static Counts countRows(Dataset<Row> validated, JobConfig config) {
    Column isInPeriod =
        config.period() == null ? lit(false) : PeopleCounts.isAcceptedIn(config.period());
    Column isMeasured = isInPeriod.and(PeopleCounts.isMeasuredRole(config.measuredRoles()));
    List<Row> rows =
        validated
            .groupBy(
                col(RecordColumns.SOURCE_FILE),
                col(ValidatedColumns.ROW_STATUS),
                col(ValidatedColumns.REJECT_REASON),
                isInPeriod.as("in_period"),
                isMeasured.as("measured"))
            .agg(count(lit(1)).as("rows"), IdentifierGuard.firstLineFound().as("identifier_line"))
            .collectAsList();
    Map<String, long[]> byFile = new TreeMap<>();
    Map<String, Long> byReason = new LinkedHashMap<>();
    long period = 0;
    long measured = 0;
    TreeMap<String, Long> identifiers = new TreeMap<>();
    for (Row r : rows) {
      if (!r.isNullAt(6)) {
        identifiers.merge(r.getString(0), r.getLong(6), Math::min);
      }
      long n = r.getLong(5);
      long[] a = byFile.computeIfAbsent(r.getString(0), k -> new long[3]);
      switch (r.getString(1)) {
        case ValidatedColumns.ACCEPTED -> a[0] += n;
        case ValidatedColumns.QUARANTINED -> {
          a[1] += n;
          byReason.merge(r.getString(2), n, Long::sum);
        }
        default -> a[2] += n;
      }
      if (r.getBoolean(3)) {
        period += n;
      }
      if (r.getBoolean(4)) {
        measured += n;
      }
    }
    return new Counts(byFile, byReason, period, measured, identifiers.firstEntry());
  }
}
