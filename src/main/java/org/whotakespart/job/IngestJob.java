package org.whotakespart.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.ParticipationReader;
import org.whotakespart.ingest.Project;
import org.whotakespart.ingest.ProjectsReader;
import org.whotakespart.store.CommitNote;
import org.whotakespart.store.HistoryStore;
import org.whotakespart.validate.ValidatedColumns;

/**
 * Adds checked records to the history store in one Delta commit (a {@code MERGE}). The files read
 * replace whatever they sent before, and any record (project and record id) sent again replaces its
 * earlier version wherever it was, so re-ingesting a file or a corrected export never counts anyone
 * twice. A run that fails part-way commits nothing, so the store is as it was; a run that another
 * ingest overtakes is refused by Delta's conflict check. A second commit then brings the people
 * table in step ({@link PeopleRows}); a run stopped between the two leaves it out of step, which
 * the next ingest or report repairs.
 *
 * <pre>{@code
 * IngestJob.Result r = IngestJob.run(config, spark, new Progress(System.err));
 * }</pre>
 */
public final class IngestJob {
  /** What an ingest did: the store before and after, and what happened to the rows. */
  public record Result(
      HistoryStore.Snapshot before,
      HistoryStore.Snapshot after,
      RecordCheck.Counts counts,
      long replaced,
      long unchanged,
      long deleted,
      String quarantine) {}

  /**
   * Points where a test can make an ingest fail, as a crash or a full disk would: before the
   * records are written, and between the records' commit and the people table's.
   */
  public record Hooks(UnaryOperator<Dataset<Row>> beforeWrite, Runnable betweenCommits) {
    public static final Hooks NONE = new Hooks(UnaryOperator.identity());

    public Hooks(UnaryOperator<Dataset<Row>> beforeWrite) {
      this(beforeWrite, () -> {});
    }
  }

  private IngestJob() {}

  public static Result run(JobConfig config, SparkSession spark, Progress progress) {
    return run(config, spark, progress, Hooks.NONE);
  }

  public static Result run(JobConfig config, SparkSession spark, Progress progress, Hooks hooks) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<Project> projects = ProjectsReader.read(config.projects(), config.encoding(), conf);
    HistoryStore store = HistoryStore.at(config.store(), conf);
    HistoryStore.Snapshot before = store.current(spark);
    String quarantine = store.ingestLog(before.version() + 1) + "/quarantine.csv";
    try (RecordCheck.Checked checked =
        RecordCheck.check(config, spark, progress, projects, quarantine)) {
      String refusal =
          checked.tooManyRejected(
              config.maxRejectedShare(), "nothing was added to the store", quarantine);
      if (refusal != null) {
        throw new InputException(refusal);
      }
      Set<String> sources = new TreeSet<>();
      checked.files().forEach(f -> sources.add(f.path()));
      Dataset<Row> incoming = hooks.beforeWrite().apply(incoming(checked.validated()));
      CommitNote note =
          CommitNote.ingest(read(checked), sourcesAfter(before, checked, sources), quarantine);
      long version = store.ingest(spark, incoming, sources, note, config.storeRetentionDays());
      hooks.betweenCommits().run();
      String people =
          PeopleRows.afterIngest(
              spark, store, before.version(), version, store.quartersChangedBy(spark, version));
      HistoryStore.Snapshot after = store.snapshot(spark, version);
      Map<String, String> m =
          store.history(spark).stream()
              .filter(c -> c.version() == version)
              .findFirst()
              .map(HistoryStore.Commit::metrics)
              .orElse(Map.of());
      long replaced = Long.parseLong(m.getOrDefault("numTargetRowsUpdated", "0"));
      long deleted = Long.parseLong(m.getOrDefault("numTargetRowsDeleted", "0"));
      // Records sent again as they were stay out of the MERGE (HistoryStore): the rest of the
      // accepted rows were new or replaced a changed version. A first ingest writes them all.
      long unchanged =
          before.version() < 0
              ? 0
              : checked.counts().accepted()
                  - replaced
                  - Long.parseLong(m.getOrDefault("numTargetRowsInserted", "0"));
      progress.step(
          String.format(
              Locale.ROOT,
              "Committed version %d: the store holds %,d records"
                  + " in %d quarters (%,d accepted, %,d earlier versions replaced, %,d already"
                  + " stored as sent, %,d no longer sent removed)",
              version,
              after.rows(),
              after.quarters().size(),
              checked.counts().accepted(),
              replaced,
              unchanged,
              deleted));
      progress.step(people);
      return new Result(before, after, checked.counts(), replaced, unchanged, deleted, quarantine);
    }
  }

  /** Accepted rows in the store's shape: codes, their indices under this version's lists. */
  static Dataset<Row> incoming(Dataset<Row> validated) {
    List<Column> cols = new ArrayList<>();
    for (String c : HistoryStore.recordColumns()) {
      cols.add(col(c));
    }
    cols.add(lit(Vocabulary.fingerprint()).as(HistoryStore.VOCABULARY));
    cols.add(regexp_replace(HistoryStore.financialQuarter(), " ", "-").as(HistoryStore.QUARTER));
    return validated
        .filter(col(ValidatedColumns.ROW_STATUS).equalTo(ValidatedColumns.ACCEPTED))
        .transform(ValidatedColumns.indicesFromCodes())
        .select(cols.toArray(new Column[0]));
  }

  /** The files this ingest read, with what happened to their rows. */
  private static List<CommitNote.SourceFile> read(RecordCheck.Checked checked) {
    List<CommitNote.SourceFile> files = new ArrayList<>();
    for (ParticipationReader.FileInfo f : checked.files()) {
      long[] a = checked.counts().byFile().getOrDefault(f.path(), new long[3]);
      files.add(
          new CommitNote.SourceFile(
              f.path(),
              f.bytes(),
              checked.checksums().getOrDefault(f.path(), ""),
              a[0] + a[1] + a[2],
              a[0],
              a[1],
              a[2]));
    }
    return files;
  }

  /** Every file whose records the store holds after this ingest: the earlier ones, then these. */
  private static List<CommitNote.SourceFile> sourcesAfter(
      HistoryStore.Snapshot before, RecordCheck.Checked checked, Set<String> sources) {
    List<CommitNote.SourceFile> files = new ArrayList<>();
    for (CommitNote.SourceFile f : before.files()) {
      if (!sources.contains(f.path())) {
        files.add(f);
      }
    }
    files.addAll(read(checked));
    files.sort(Comparator.comparing(CommitNote.SourceFile::path));
    return List.copyOf(files);
  }
}
