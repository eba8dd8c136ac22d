package org.whotakespart.job;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.Column;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.ParticipationReader;
import org.whotakespart.ingest.Project;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.store.HistoryStore;
import org.whotakespart.store.Manifest;
import org.whotakespart.store.StoreException;
import org.whotakespart.stats.PeopleCounts;

/**
 * The report's records from the history store: only the quarters the report covers are read, and
 * each file's reconciliation is the one made when it was ingested.
 */
public final class StoreRecords {
  private StoreRecords() {}

  /** A {@link ReportJob.RecordSource} reading the store named in the job. */
  public static RecordCheck.Checked check(JobConfig config, SparkSession spark, Progress progress,
      List<Project> projects) {
    HistoryStore store = HistoryStore.at(config.store(), spark.sparkContext().hadoopConfiguration());
    Manifest m = store.current();
    if (m.partitions().isEmpty()) {
      throw new StoreException("the history store at " + config.store() + " holds no records yet:"
          + " run `whotakespart ingest` first, or report from the record files", null);
    }
    Period first = ReportJob.firstQuarter(config);
    Dataset<Row> all = store.read(spark, m, first.start(), config.period().endExclusive());
    // Not cached: each later pass reads only the columns it needs from the Parquet files, which
    // costs less than keeping every column of every record in memory.
    Column known = col(RecordColumns.PROJECT_ID)
        .isin(projects.stream().map(Project::projectId).toArray());
    Dataset<Row> rows = all.filter(known);
    long stored = 0;
    long unknownProject = 0;
    long inPeriod = 0;
    long measured = 0;
    Column isInPeriod = PeopleCounts.isAcceptedIn(config.period());
    for (Row r : all.groupBy(known.as("known"), isInPeriod.as("in_period"),
        isInPeriod.and(PeopleCounts.isMeasuredRole(config.measuredRoles())).as("measured"))
        .count().collectAsList()) {
      long n = r.getLong(3);
      if (!r.getBoolean(0)) {
        unknownProject += n;
        continue;
      }
      stored += n;
      inPeriod += r.getBoolean(1) ? n : 0;
      measured += r.getBoolean(2) ? n : 0;
    }
    progress.step(String.format(Locale.ROOT, "Read %,d records of %s to %s from the history store"
        + " %s (ingest %d, %s)%s", stored, first.label(), config.period().label(), config.store(),
        m.ingest(), m.committedAt(), unknownProject == 0 ? "" : String.format(Locale.ROOT,
            "; %,d records of projects no longer in the projects file were left out",
            unknownProject)));

    Map<String, long[]> byFile = new TreeMap<>();
    Map<String, String> checksums = new TreeMap<>();
    List<ParticipationReader.FileInfo> files = m.files().stream().map(f -> {
      byFile.put(f.path(), new long[] {f.accepted(), f.quarantined(), f.duplicates()});
      checksums.put(f.path(), f.sha256());
      return new ParticipationReader.FileInfo(f.path(), f.bytes(), f.read() == 0, List.of());
    }).toList();
    RecordCheck.Counts counts = new RecordCheck.Counts(byFile, Map.of(), inPeriod, measured, null);
    return new RecordCheck.Checked(rows, () -> { }, files, counts, null, checksums);
  }
}
