package org.whotakespart.store;

import static org.whotakespart.store.HistoryStore.QUARTER;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.SettingsException;
import org.whotakespart.store.HistoryStore.Commit;
import org.whotakespart.store.HistoryStore.Snapshot;

/**
 * The store's versions read from Delta's log: its commits, what one version held, and which version
 * a date or number names.
 */
final class StoreVersions {
  private final HistoryStore store;

  StoreVersions(HistoryStore store) {
    this.store = store;
  }

  List<Commit> commits(SparkSession spark) {
    if (!store.exists()) {
      return List.of();
    }
    List<Commit> commits = new ArrayList<>();
    for (DeltaCommits.Entry e : DeltaCommits.read(store.table(), store.conf())) {
      commits.add(
          new Commit(
              e.version(),
              e.at().truncatedTo(ChronoUnit.SECONDS).toString(),
              e.operation(),
              CommitNote.parse(e.userMetadata()),
              e.metrics()));
    }
    return commits;
  }

  /** The state at {@code version}: its quarters' rows and the files whose records it holds. */
  Snapshot snapshot(SparkSession spark, long version) {
    List<Commit> commits = commits(spark);
    Commit at =
        commits.stream()
            .filter(c -> c.version() == version)
            .findFirst()
            .orElseThrow(
                () ->
                    new StoreException(
                        "the history store at "
                            + store.root()
                            + " has no version "
                            + version
                            + " (see `whotakespart store history`)",
                        null));
    CommitNote note = null;
    for (Commit c : commits) {
      if (c.version() <= version && c.note() != null) {
        note = c.note();
      }
    }
    Map<String, Long> quarters = new TreeMap<>();
    for (Row r : store.versionAt(spark, version).groupBy(QUARTER).count().collectAsList()) {
      quarters.put(r.getString(0).replace("-Q", " Q"), r.getLong(1));
    }
    return new Snapshot(version, at.at(), quarters, note == null ? List.of() : note.sources());
  }

  /**
   * The version a report {@code asOf} means: a version number, or a date (the state at the end of
   * that day, UTC) or an instant ({@code 2025-10-01T09:00:00Z}): the last commit made by then.
   */
  long resolve(SparkSession spark, String asOf) {
    List<Commit> commits = store.history(spark);
    if (commits.isEmpty()) {
      throw HistoryStore.holdsNoRecords(store.root(), "run `whotakespart ingest` first");
    }
    String a = asOf.trim();
    if (a.matches("\\d+")) {
      return numbered(commits, Long.parseLong(a));
    }
    Instant by = asOfInstant(a);
    long found = -1;
    for (Commit c : commits) {
      if (!Instant.parse(c.at()).isAfter(by)) {
        found = c.version();
      }
    }
    if (found < 0) {
      throw new StoreException(
          "the history store at "
              + store.root()
              + " did not exist yet at "
              + a
              + "; its first version was made at "
              + commits.get(0).at(),
          null);
    }
    return found;
  }

  /** Version {@code v}, when the store has it. */
  private long numbered(List<Commit> commits, long v) {
    if (commits.stream().noneMatch(c -> c.version() == v)) {
      throw new StoreException(
          "the history store at "
              + store.root()
              + " has no version "
              + v
              + "; its versions run from "
              + commits.get(0).version()
              + " to "
              + commits.get(commits.size() - 1).version()
              + " (see `whotakespart store history`)",
          null);
    }
    return v;
  }

  /** A date as the last instant of that day (UTC), or an instant as written. */
  private static Instant asOfInstant(String a) {
    try {
      return a.length() == 10
          ? LocalDate.parse(a).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
          : Instant.parse(a);
    } catch (DateTimeParseException e) {
      throw new SettingsException(
          "--as-of: '"
              + a
              + "' is neither a version number, a date"
              + " (2025-10-01) nor an instant (2025-10-01T09:00:00Z)");
    }
  }
}
