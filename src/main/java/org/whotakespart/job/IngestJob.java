package org.whotakespart.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.whotakespart.config.Period;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.ParticipationReader;
import org.whotakespart.ingest.Project;
import org.whotakespart.ingest.ProjectsReader;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.store.HistoryStore;
import org.whotakespart.store.Manifest;
import org.whotakespart.validate.ValidatedColumns;

/**
 * Adds checked records to the history store. The files read replace whatever they sent before,
 * and any record (project and record id) sent again replaces its earlier version wherever it was,
 * so re-ingesting a file or a corrected export never counts anyone twice. Only the quarters that
 * change are rewritten, into a new folder; the new state is committed at the end in one rename
 * ({@link HistoryStore#commit}), so a run that fails part-way leaves the store as it was.
 *
 * <pre>{@code
 * IngestJob.Result r = IngestJob.run(config, spark, new Progress(System.err));
 * }</pre>
 */
public final class IngestJob {
  /** What an ingest did. */
  public record Result(Manifest before, Manifest after, RecordCheck.Counts counts, long replaced,
      List<String> quartersRewritten, String quarantine) {}

  /** Points where a test can make an ingest fail, as a crash or a full disk would. */
  public record Hooks(UnaryOperator<Dataset<Row>> beforeWrite, Runnable beforeCommit) {
    public static final Hooks NONE = new Hooks(UnaryOperator.identity(), () -> {});
  }

  private IngestJob() {}

  public static Result run(JobConfig config, SparkSession spark, Progress progress) {
    return run(config, spark, progress, Hooks.NONE);
  }

  public static Result run(JobConfig config, SparkSession spark, Progress progress, Hooks hooks) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<Project> projects = ProjectsReader.read(config.projects(), config.encoding(), conf);
    HistoryStore store = HistoryStore.at(config.store(), conf);
    Manifest before = store.current();
    long id = before.ingest() + 1;
    String quarantine = store.ingestLog(id) + "/quarantine.csv";
    try (RecordCheck.Checked checked =
        RecordCheck.check(config, spark, progress, projects, quarantine)) {
      if (checked.rejectedShare() > config.maxRejectedShare()) {
        throw new InputException(String.format(Locale.ROOT, "%.1f%% of rows were rejected, more"
            + " than the %.1f%% this job allows; nothing was added to the store. See %s for each"
            + " row and its reason, fix the exports, or raise max_rejected_share in the job file",
            100 * checked.rejectedShare(), 100 * config.maxRejectedShare(), quarantine));
      }
      Set<String> sources = new TreeSet<>();
      checked.files().forEach(f -> sources.add(f.path()));
      Dataset<Row> incoming = incoming(checked.validated(), id);
      Dataset<Row> existing = store.readAll(spark, before);
      Dataset<Row> keys = incoming.select(RecordColumns.PROJECT_ID, RecordColumns.RECORD_ID);
      Column fromSources = col(RecordColumns.SOURCE_FILE).isin(sources.toArray());

      // The quarters that change: those receiving records, and those holding records replaced.
      Set<String> affected = new TreeSet<>();
      Dataset<Row> replacedAt = existing.filter(fromSources).select(HistoryStore.PERIOD)
          .union(existing.join(keys, joinKeys(), "left_semi").select(HistoryStore.PERIOD))
          .union(incoming.select(HistoryStore.PERIOD)).distinct();
      replacedAt.collectAsList().forEach(r -> affected.add(r.getString(0)));

      Dataset<Row> kept = existing.filter(col(HistoryStore.PERIOD).isin(affected.toArray()))
          .filter(fromSources.unary_$bang())
          .join(keys, joinKeys(), "left_anti");
      // The codes' indices are worked out as the rows are written, after the shuffle: carried
      // through it they cost more (1 M records, write phase: 19.3, 18.0 s against 16.9, 17.7 s).
      Dataset<Row> next = hooks.beforeWrite().apply(kept.select(storedColumns(false))
          .unionByName(incoming.select(storedColumns(false))));
      String folder = store.dataFolder(id);
      store.clearLeftovers(id);
      List<Column> columns = new ArrayList<>(List.of(storedColumns(true)));
      columns.add(col(HistoryStore.QUARTER));
      next.withColumn(HistoryStore.QUARTER, HistoryStore.quarterFolder())
          .repartition(col(HistoryStore.QUARTER))
          .sortWithinPartitions(RecordColumns.PROJECT_ID, RecordColumns.PARTICIPANT_ID,
              ValidatedColumns.ACTIVITY_DAY)
          .transform(ValidatedColumns.indicesFromCodes())
          .select(columns.toArray(new Column[0]))
          .write().mode("errorifexists").partitionBy(HistoryStore.QUARTER)
          .option("maxRecordsPerFile", HistoryStore.RECORDS_PER_FILE)
          .option("parquet.block.size", HistoryStore.ROW_GROUP_BYTES)
          .parquet(folder);
      Map<String, Long> written = new HashMap<>();
      for (Row r : spark.read().parquet(folder).groupBy(HistoryStore.QUARTER).count().collectAsList()) {
        written.put(r.get(0).toString().replace("-Q", " Q"), r.getLong(1));
      }
      progress.step(String.format(Locale.ROOT, "Wrote %d quarter%s aside in %s", written.size(),
          written.size() == 1 ? "" : "s", folder));
      hooks.beforeCommit().run();

      Manifest after = nextManifest(before, id, affected, written, checked, sources);
      long replaced = before.partitions().stream().filter(p -> affected.contains(p.period()))
          .mapToLong(Manifest.Partition::rows).sum()
          - (written.values().stream().mapToLong(Long::longValue).sum() - checked.counts().accepted());
      store.commit(after);
      store.removeUnused(after);
      progress.step(String.format(Locale.ROOT, "Committed ingest %d: the store holds %,d records"
          + " in %d quarters (%,d added, %,d earlier versions replaced)", id, after.rows(),
          after.partitions().size(), checked.counts().accepted(), replaced));
      return new Result(before, after, checked.counts(), replaced, List.copyOf(affected),
          quarantine);
    }
  }

  /** Accepted rows in the store's shape, labelled with their quarter and this ingest. */
  static Dataset<Row> incoming(Dataset<Row> validated, long ingest) {
    List<Column> cols = new ArrayList<>();
    for (String c : HistoryStore.recordColumns()) {
      cols.add(col(c));
    }
    cols.add(HistoryStore.financialQuarter().as(HistoryStore.PERIOD));
    cols.add(lit(ingest).as(HistoryStore.INGEST));
    return validated.filter(col(ValidatedColumns.ROW_STATUS).equalTo(ValidatedColumns.ACCEPTED))
        .select(cols.toArray(new Column[0]));
  }

  /** The store's columns in order, with or without the codes' indices. */
  private static Column[] storedColumns(boolean withIndices) {
    return java.util.Arrays.stream(HistoryStore.SCHEMA.fieldNames())
        .filter(c -> withIndices || !ValidatedColumns.isIndex(c))
        .map(c -> col(c)).toArray(Column[]::new);
  }

  private static scala.collection.immutable.Seq<String> joinKeys() {
    return scala.jdk.javaapi.CollectionConverters.asScala(
        List.of(RecordColumns.PROJECT_ID, RecordColumns.RECORD_ID)).toList();
  }

  private static Manifest nextManifest(Manifest before, long id, Set<String> affected,
      Map<String, Long> written, RecordCheck.Checked checked, Set<String> sources) {
    List<Manifest.Partition> partitions = new ArrayList<>();
    for (Manifest.Partition p : before.partitions()) {
      if (!affected.contains(p.period())) {
        partitions.add(p);
      }
    }
    for (var e : written.entrySet()) {
      Period q = Period.parse(e.getKey());
      partitions.add(new Manifest.Partition(q.label(), q.start(), q.endExclusive(),
          HistoryStore.partitionFolder(id, q.label()), e.getValue(),
          org.whotakespart.config.Vocabulary.fingerprint()));
    }
    partitions.sort(java.util.Comparator.comparing(Manifest.Partition::start));
    List<Manifest.SourceFile> files = new ArrayList<>();
    for (Manifest.SourceFile f : before.files()) {
      if (!sources.contains(f.path())) {
        files.add(f);
      }
    }
    for (ParticipationReader.FileInfo f : checked.files()) {
      long[] a = checked.counts().byFile().getOrDefault(f.path(), new long[3]);
      files.add(new Manifest.SourceFile(f.path(), id, f.bytes(),
          checked.checksums().getOrDefault(f.path(), ""), a[0] + a[1] + a[2], a[0], a[1], a[2]));
    }
    files.sort(java.util.Comparator.comparing(Manifest.SourceFile::path));
    return new Manifest(id, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        List.copyOf(partitions), List.copyOf(files));
  }
}
