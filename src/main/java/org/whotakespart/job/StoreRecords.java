package org.whotakespart.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.ParticipationReader;
import org.whotakespart.ingest.Project;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.report.DataQuality;
import org.whotakespart.stats.CountColumns;
import org.whotakespart.stats.PeopleCounts;
import org.whotakespart.store.CommitNote;
import org.whotakespart.store.HistoryStore;
import org.whotakespart.store.StoreException;

/**
 * The report's records from the history store, at its latest version or as it was at an earlier one
 * ({@code --as-of}): only the quarters the report covers are read, and each file's reconciliation
 * is the one made when it was ingested.
 */
public final class StoreRecords {
  private StoreRecords() {}

  /** A {@link ReportJob.RecordSource} reading the store named in the job. */
  public static RecordCheck.Checked check(
      JobConfig config, SparkSession spark, Progress progress, List<Project> projects) {
    return check(config, spark, progress, projects, true);
  }

  /**
   * As {@link #check(JobConfig, SparkSession, Progress, List)}; with {@code peopleTable} false the
   * records are counted even where the people table could be (to compare the two).
   */
  static RecordCheck.Checked check(
      JobConfig config,
      SparkSession spark,
      Progress progress,
      List<Project> projects,
      boolean peopleTable) {
    HistoryStore store =
        HistoryStore.at(config.store(), spark.sparkContext().hadoopConfiguration());
    Version v = version(config, spark, store);
    Notes notes = Notes.of(v.commits(), v.number());
    Period first = ReportJob.firstQuarter(config);
    List<String> quarters = quarters(config, first);
    // The latest version's files are never vacuumed; when its people table is there, the report
    // counts from it alone, so the records' files need not be listed (Delta works out a version's
    // files in Spark jobs: the sample's store spent about 4 s of a 17 s run on it).
    Dataset<Row> people =
        peopleTable && v.latest() ? people(spark, store, v, quarters, progress) : null;
    Dataset<Row> table =
        people != null
            ? store.versionAt(spark, v.number())
            : reproducible(config, spark, store, v.number(), notes);
    if (peopleTable && !v.latest()) {
      people = people(spark, store, v, quarters, progress);
    }
    Dataset<Row> all = HistoryStore.read(table, quarters);
    // Not cached: each later pass reads only the columns it needs from the Parquet files, which
    // costs less than keeping every column of every record in memory.
    Column known =
        col(RecordColumns.PROJECT_ID).isin(projects.stream().map(Project::projectId).toArray());
    Dataset<Row> rows = all.filter(known);
    Tally tally = Tally.of(config, all, people, known);
    progress.step(readLine(config, first, v, tally));
    if (!notes.erased().isEmpty()) {
      progress.step("Note: " + notes.erased());
    }
    return checked(config, v, notes, tally, rows, people == null ? null : people.filter(known));
  }

  /** The store's commits, the one the report reads and the latest. */
  private record Version(
      List<HistoryStore.Commit> commits, HistoryStore.Commit at, HistoryStore.Commit last) {
    long number() {
      return at.version();
    }

    boolean latest() {
      return number() == last.version();
    }
  }

  /**
   * The version the job asks for ({@code store_as_of}, or the latest), with the store's commits.
   */
  private static Version version(JobConfig config, SparkSession spark, HistoryStore store) {
    List<HistoryStore.Commit> commits = store.history(spark);
    if (commits.isEmpty()) {
      throw HistoryStore.holdsNoRecords(
          config.store(), "run `whotakespart ingest` first, or report from the record files");
    }
    HistoryStore.Commit last = commits.get(commits.size() - 1);
    long version =
        config.storeAsOf() == null ? last.version() : store.resolve(spark, config.storeAsOf());
    HistoryStore.Commit at =
        commits.stream().filter(c -> c.version() == version).findFirst().orElseThrow();
    return new Version(commits, at, last);
  }

  /**
   * The note of the last commit at or before a version (its files' reconciliation), and the
   * erasures after it: {@code erased} says when ("" when none), {@code purged} whether any removed
   * the old files.
   */
  private record Notes(CommitNote note, String erased, boolean purged) {
    static Notes of(List<HistoryStore.Commit> commits, long version) {
      CommitNote note = null;
      List<String> erasures = new ArrayList<>();
      boolean purged = false;
      for (HistoryStore.Commit c : commits) {
        if (c.note() == null) {
          continue;
        }
        if (c.version() <= version) {
          note = c.note();
        } else if (c.note().operation().equals("forget")) {
          erasures.add(
              String.format(
                  Locale.ROOT,
                  "version %d (%s, %,d records%s)",
                  c.version(),
                  c.at(),
                  c.note().erased(),
                  c.note().purged() ? ", old files purged" : ""));
          purged |= c.note().purged();
        }
      }
      String erased =
          erasures.isEmpty()
              ? ""
              : "a participant's records were erased from the store"
                  + " since this version, at "
                  + String.join("; ", erasures);
      return new Notes(note, erased, purged);
    }
  }

  /**
   * The table as it was at {@code version}; a {@link StoreException} when that version can no
   * longer be read (older than the store keeps, or its files vacuumed).
   */
  private static Dataset<Row> reproducible(
      JobConfig config, SparkSession spark, HistoryStore store, long version, Notes notes) {
    String erased = notes.erased();
    String gone =
        "version "
            + version
            + " of the history store at "
            + config.store()
            + " can no longer be reproduced: ";
    List<String> missing;
    Dataset<Row> table;
    try {
      table = store.versionAt(spark, version);
      missing = missingFiles(table, spark);
    } catch (Exception e) { // Delta's AnalysisException is a checked exception thrown unchecked
      if (!String.valueOf(e.getMessage()).contains("DELTA_UNSUPPORTED_TIME_TRAVEL")) {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      // Delta refuses versions older than the files it keeps (store retention).
      throw new StoreException(
          gone
              + "it is older than the "
              + store.retentionDays(spark)
              + " days the store keeps earlier versions (see `whotakespart store retention`)"
              + (erased.isEmpty() ? "" : "; " + erased)
              + ". Report a later version",
          e);
    }
    if (!missing.isEmpty()) {
      throw new StoreException(
          gone
              + missing.size()
              + " of the files it needs were"
              + " removed"
              + (erased.isEmpty()
                  ? " (by `whotakespart store vacuum` after the retention" + " period)"
                  : (notes.purged()
                      ? ": " + erased
                      : " (by `whotakespart store vacuum`); " + erased))
              + ". Report a later version",
          null);
    }
    return table;
  }

  /** The labels of the quarters the report covers, {@code first} to the job's period. */
  private static List<String> quarters(JobConfig config, Period first) {
    List<String> quarters = new ArrayList<>();
    for (Period p = config.period(); !p.equals(first.previous()); p = p.previous()) {
      quarters.add(0, p.label());
    }
    return quarters;
  }

  /** The people table's rows of the quarters, or null when the report counts the records. */
  private static Dataset<Row> people(
      SparkSession spark, HistoryStore store, Version v, List<String> quarters, Progress progress) {
    Dataset<Row> people = PeopleRows.forReport(spark, store, v.number(), v.latest(), progress);
    if (people != null) {
      people =
          people.filter(
              col(HistoryStore.QUARTER)
                  .isin(quarters.stream().map(HistoryStore::quarterValue).toArray()));
    }
    return people;
  }

  /** Records read: of known projects, of projects no longer known, in the period, measured. */
  private record Tally(long stored, long unknownProject, long inPeriod, long measured) {
    static Tally of(JobConfig config, Dataset<Row> all, Dataset<Row> people, Column known) {
      long stored = 0;
      long unknownProject = 0;
      long inPeriod = 0;
      long measured = 0;
      Column isInPeriod =
          people == null
              ? PeopleCounts.isAcceptedIn(config.period())
              : col(HistoryStore.QUARTER)
                  .equalTo(lit(HistoryStore.quarterValue(config.period().label())));
      Dataset<Row> recordCounts =
          (people == null ? all : people)
              .groupBy(
                  known.as("known"),
                  isInPeriod.as("in_period"),
                  isInPeriod
                      .and(PeopleCounts.isMeasuredRole(config.measuredRoles()))
                      .as("measured"))
              .agg(
                  people == null
                      ? count(lit(1)).as("count")
                      : sum(CountColumns.RECORDS).as("count"));
      for (Row r : recordCounts.collectAsList()) {
        long n = r.getLong(3);
        if (!r.getBoolean(0)) {
          unknownProject += n;
          continue;
        }
        stored += n;
        inPeriod += r.getBoolean(1) ? n : 0;
        measured += r.getBoolean(2) ? n : 0;
      }
      return new Tally(stored, unknownProject, inPeriod, measured);
    }
  }

  /** The progress line saying what was read, from which version. */
  private static String readLine(JobConfig config, Period first, Version v, Tally tally) {
    return String.format(
        Locale.ROOT,
        "Read %,d records of %s to %s from the history store" + " %s (version %d of %s%s)%s",
        tally.stored(),
        first.label(),
        config.period().label(),
        config.store(),
        v.number(),
        v.at().at(),
        v.latest() ? ", the latest" : ", not the latest: " + v.last().version(),
        tally.unknownProject() == 0
            ? ""
            : String.format(
                Locale.ROOT,
                "; %,d records of projects no longer in the projects file were left out",
                tally.unknownProject()));
  }

  /** The checked records, with each file's reconciliation from the version's commit note. */
  private static RecordCheck.Checked checked(
      JobConfig config,
      Version v,
      Notes notes,
      Tally tally,
      Dataset<Row> rows,
      Dataset<Row> people) {
    CommitNote note = notes.note();
    Map<String, long[]> byFile = new TreeMap<>();
    Map<String, String> checksums = new TreeMap<>();
    List<ParticipationReader.FileInfo> files =
        (note == null ? List.<CommitNote.SourceFile>of() : note.sources())
            .stream()
                .map(
                    f -> {
                      byFile.put(
                          f.path(), new long[] {f.accepted(), f.quarantined(), f.duplicates()});
                      checksums.put(f.path(), f.sha256());
                      return new ParticipationReader.FileInfo(
                          f.path(), f.bytes(), f.read() == 0, List.of());
                    })
                .toList();
    RecordCheck.Counts counts =
        new RecordCheck.Counts(byFile, Map.of(), tally.inPeriod(), tally.measured(), null);
    return new RecordCheck.Checked(
        rows,
        () -> {},
        files,
        counts,
        null,
        checksums,
        new DataQuality.StoreSource(
            config.store(), v.number(), v.at().at(), v.latest(), notes.erased()),
        people);
  }

  /** The files a version of the table needs that are no longer there. */
  static List<String> missingFiles(Dataset<Row> table, SparkSession spark) {
    return missingFiles(table.inputFiles(), spark);
  }

  /** Which of {@code files} are no longer there. */
  static List<String> missingFiles(String[] files, SparkSession spark) {
    List<String> missing = new ArrayList<>();
    try {
      for (String f : files) {
        Path p = new Path(URI.create(f));
        if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
          missing.add(f);
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot read the history store: " + e.getMessage(), e);
    }
    return missing;
  }
}
