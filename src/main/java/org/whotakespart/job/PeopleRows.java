package org.whotakespart.job;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.stats.PeopleCounts;
import org.whotakespart.store.HistoryStore;
import org.whotakespart.store.PeopleTable;
import org.whotakespart.store.StoreException;

/**
 * Keeps the store's people table ({@link PeopleTable}) in step with its records: after each ingest
 * the quarters that ingest changed are made again from the records (the others are untouched); when
 * the table is missing (a store written before it existed) or out of step (an ingest stopped
 * between its two commits, other code lists), it is made again whole. Reports from the store count
 * from it when it was made from the very records version they report.
 */
public final class PeopleRows {
  private PeopleRows() {}

  /** The people rows of {@code quarters} (labels; all when null) made from records {@code v}. */
  static Dataset<Row> of(SparkSession spark, HistoryStore store, long v, List<String> quarters) {
    return store.read(spark, v, quarters).transform(PeopleCounts.perPersonAndRole());
  }

  /**
   * Brings the people table in step after the records commit {@code version}, made on top of {@code
   * before} (-1 for a new store). Returns what was done, for the progress line.
   */
  static String afterIngest(
      SparkSession spark, HistoryStore store, long before, long version, Set<String> touched) {
    PeopleTable people = store.people();
    PeopleTable.Built last = people.exists() ? people.latest(spark) : null;
    if (before >= 0 && last != null && last.recordsVersion() == before && last.currentCodes()) {
      Set<String> quarters = touched;
      people.update(
          spark,
          of(spark, store, version, quarters.stream().map(q -> q.replace("-Q", " Q")).toList()),
          quarters,
          version);
      return String.format(
          Locale.ROOT,
          "Updated the people table for version %d: %s",
          version,
          quarters.isEmpty()
              ? "no quarter changed"
              : quarters.size()
                  + (quarters.size() == 1 ? " quarter" : " quarters")
                  + " made again ("
                  + String.join(", ", quarters.stream().map(q -> q.replace("-Q", " Q")).toList())
                  + ")");
    }
    String why = outOfStep(last, before, people.exists());
    people.rebuild(spark, of(spark, store, version, null), version);
    return before < 0
        ? "Made the people table from version " + version + " of the records"
        : "Made the people table again from version " + version + " of the records (" + why + ")";
  }

  /** Makes the whole people table again from records {@code version}. Returns the reason. */
  public static String rebuild(SparkSession spark, HistoryStore store, long version) {
    PeopleTable people = store.people();
    PeopleTable.Built last = people.exists() ? people.latest(spark) : null;
    String why = outOfStep(last, version, people.exists());
    people.rebuild(spark, of(spark, store, version, null), version);
    return why;
  }

  /** Why a people table last made as {@code last} does not match records {@code version}. */
  static String outOfStep(PeopleTable.Built last, long version, boolean exists) {
    if (!exists) {
      return "the store had no people table: it was written by an earlier version of the tool";
    }
    if (last == null) {
      return "its last commit does not say which records it was made from";
    }
    if (!last.currentCodes()) {
      return "its codes follow the code lists of another version of the tool";
    }
    if (last.recordsVersion() == version) {
      return "it was in step";
    }
    return last.recordsVersion() < 0
        ? "a change to the store left it out of step"
        : "it was made from version "
            + last.recordsVersion()
            + ", not "
            + version
            + ": an earlier run stopped between the records' commit and its own";
  }

  /**
   * The people table's rows made from records {@code version}, for a report, or null when the
   * report must count the records; says which on {@code progress}. At the latest version a missing
   * or out-of-step table is made again first (a store written before the table existed is upgraded
   * on first use); an earlier version ({@code --as-of}) uses the table's version made from it, if
   * there is one whose files are all still there.
   */
  static Dataset<Row> forReport(
      SparkSession spark, HistoryStore store, long version, boolean latest, Progress progress) {
    PeopleTable people = store.people();
    long at = people.exists() ? people.versionFor(spark, version) : -1;
    if (at < 0 && latest) {
      try {
        String why = rebuild(spark, store, version);
        progress.step(
            "Made the people table again from version "
                + version
                + " of the records ("
                + why
                + ")");
        at = people.versionFor(spark, version);
      } catch (StoreException e) {
        progress.step(
            "Counting people from the records: the people table could not be made again ("
                + e.getMessage()
                + ")");
        return null;
      }
    }
    if (at < 0) {
      progress.step(
          "Counting people from the records: the people table has no version made from"
              + " version "
              + version
              + " of the records");
      return null;
    }
    Dataset<Row> atVersion = people.versionAt(spark, at);
    String[] files = atVersion.inputFiles();
    if (!StoreRecords.missingFiles(files, spark).isEmpty()) {
      progress.step(
          "Counting people from the records: files of the people table's version "
              + at
              + " were removed");
      return null;
    }
    progress.step(
        "Counting people from the people table (its version "
            + at
            + ", made from version "
            + version
            + " of the records)");
    return people.readFiles(spark, at, atVersion, files);
  }
}
