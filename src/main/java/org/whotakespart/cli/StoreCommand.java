package org.whotakespart.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.Engine;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.JobFile;
import org.whotakespart.config.SettingsException;
import org.whotakespart.job.PeopleRows;
import org.whotakespart.store.CommitNote;
import org.whotakespart.store.HistoryStore;
import org.whotakespart.store.LegacyStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code whotakespart store ...}: the history store's log, erasure, clean-up and upgrade. */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = {
      "Looks after the history store, a Delta Lake table: its history, erasing a"
          + " participant, removing files no version needs, and converting a store written by an"
          + " earlier version.",
      ""
    },
    subcommands = {
      StoreCommand.History.class,
      StoreCommand.Forget.class,
      StoreCommand.Vacuum.class,
      StoreCommand.Retention.class,
      StoreCommand.Upgrade.class
    })
public final class StoreCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * What every store command shares: where the store is (--store, or the job file's store) and a
   * Spark session to run {@link #run} in.
   */
  abstract static class OnStore implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", paramLabel = "FOLDER", description = "The history store.")
    String store;

    @Option(names = "--job", paramLabel = "FILE", description = "A job file naming the store.")
    Path job;

    @Option(
        names = "--master",
        paramLabel = "URL",
        description = "Spark master (default local[*]: this computer's cores).")
    String master;

    /** The command's work on the store; what it prints goes to {@code out}. */
    abstract int run(HistoryStore store, SparkSession spark, PrintWriter out) throws Exception;

    @Override
    public Integer call() throws Exception {
      JobConfig.Builder b = JobConfig.builder();
      if (job != null) {
        JobFile.applyTo(job, b);
      }
      if (store != null) {
        b.store(store);
      }
      if (master != null) {
        b.sparkMaster(master);
      }
      String root = b.named().store();
      if (root == null || root.isBlank()) {
        throw new SettingsException(
            "store: name the history store folder (--store or 'store' in" + " the job file)");
      }
      PrintWriter out = spec.commandLine().getOut();
      // The store's upkeep is small work on Spark's own engine.
      return Spark.withSession(
          b.named().sparkMaster(),
          Engine.SPARK,
          null,
          Failures.verbose(spec),
          spark -> {
            int code =
                run(HistoryStore.at(root, spark.sparkContext().hadoopConfiguration()), spark, out);
            out.flush();
            return code;
          });
    }
  }

  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description =
          "Lists every commit: version, when, what it did, the files an ingest read and"
              + " their rows accepted and quarantined.")
  static final class History extends OnStore {
    @Override
    int run(HistoryStore store, SparkSession spark, PrintWriter out) {
      var commits = store.history(spark);
      if (commits.isEmpty()) {
        out.println("The history store at " + store.root() + " holds no records yet.");
      }
      out.printf(
          Locale.UK,
          "%-8s %-21s %-10s %s%n",
          "version",
          "committed (UTC)",
          "operation",
          "files and rows");
      for (HistoryStore.Commit c : commits) {
        CommitNote n = c.note();
        String what = n == null ? c.operation().toLowerCase(Locale.ROOT) : n.operation();
        String rows = "";
        if (n != null && n.operation().equals("ingest")) {
          long accepted = n.files().stream().mapToLong(CommitNote.SourceFile::accepted).sum();
          long quarantined = n.files().stream().mapToLong(CommitNote.SourceFile::quarantined).sum();
          rows =
              String.format(
                  Locale.UK,
                  "%d files, %,d rows accepted, %,d quarantined",
                  n.files().size(),
                  accepted,
                  quarantined);
        } else if (n != null && n.operation().equals("forget")) {
          rows =
              String.format(
                  Locale.UK,
                  "%,d records erased%s",
                  n.erased(),
                  n.purged() ? ", old files purged" : "");
        } else if (n != null && n.operation().equals("upgrade")) {
          rows =
              String.format(
                  Locale.UK, "converted from the earlier format, %d files", n.sources().size());
        }
        out.printf(Locale.UK, "%-8d %-21s %-10s %s%n", c.version(), c.at(), what, rows);
        if (n != null) {
          for (CommitNote.SourceFile f : n.files()) {
            out.printf(
                Locale.UK,
                "           %s: %,d rows read, %,d accepted, %,d quarantined,"
                    + " %,d duplicates; SHA-256 %s%n",
                f.path(),
                f.read(),
                f.accepted(),
                f.quarantined(),
                f.duplicates(),
                f.sha256());
          }
        }
      }
      return 0;
    }
  }

  @Command(
      name = "forget",
      mixinStandardHelpOptions = true,
      description = {
        "Erases a participant: deletes their records in every quarter, in one project"
            + " or all, in one commit. Earlier versions still hold them until store vacuum removes"
            + " their files after the retention period; --now removes those files at once, and"
            + " versions before the erasure can then no longer be reported."
      })
  static final class Forget extends OnStore {
    @Option(
        names = "--participant",
        paramLabel = "ID",
        required = true,
        description = "The participant's pseudonymous id, as in the exports.")
    String participant;

    @Option(
        names = "--project",
        paramLabel = "ID",
        description = "Only their records in this project (default: every project).")
    String project;

    @Option(
        names = "--now",
        negatable = false,
        description = "Also remove at once the files of earlier versions that hold them.")
    boolean now;

    @Override
    int run(HistoryStore store, SparkSession spark, PrintWriter out) {
      HistoryStore.Erasure e = store.forget(spark, participant, project, now);
      if (e.records() == 0 && e.filesPurged() == 0) {
        out.println(
            "No records of that participant"
                + (project == null ? "" : " in that project")
                + " are in the store; nothing changed.");
      } else {
        out.printf(
            Locale.UK,
            "Erased %,d records (version %d)%s%n",
            e.records(),
            e.version(),
            now
                ? String.format(
                    Locale.UK,
                    "; %d files of earlier versions holding them removed",
                    e.filesPurged())
                : "; earlier versions keep them until `store vacuum` after the retention period");
      }
      return 0;
    }
  }

  @Command(
      name = "vacuum",
      mixinStandardHelpOptions = true,
      description =
          "Removes the files that no version within the retention period needs (see"
              + " store retention).")
  static final class Vacuum extends OnStore {
    @Override
    int run(HistoryStore store, SparkSession spark, PrintWriter out) {
      long removed = store.vacuum(spark);
      out.printf(
          Locale.UK,
          "Removed %,d files older than the %d days" + " kept%n",
          removed,
          store.retentionDays(spark));
      return 0;
    }
  }

  @Command(
      name = "retention",
      mixinStandardHelpOptions = true,
      description =
          "Shows, or with --days sets, how long earlier versions stay reproducible"
              + " (removed files and log entries are kept that long).")
  static final class Retention extends OnStore {
    @Option(names = "--days", paramLabel = "N", description = "Keep earlier versions N days.")
    Integer days;

    @Override
    int run(HistoryStore store, SparkSession spark, PrintWriter out) {
      if (days != null) {
        if (days < 0) {
          throw new SettingsException("--days must be 0 or more");
        }
        store.setRetention(spark, days);
      }
      out.printf(Locale.UK, "Earlier versions are kept %d days%n", store.retentionDays(spark));
      return 0;
    }
  }

  @Command(
      name = "upgrade",
      mixinStandardHelpOptions = true,
      description =
          "Converts, once, a store written by an earlier version (manifests and"
              + " Parquet folders) into the Delta table, with the same records, and makes its"
              + " people table from the records if it has none or it is out of step.")
  static final class Upgrade extends OnStore {
    @Override
    int run(HistoryStore store, SparkSession spark, PrintWriter out) {
      if (store.isLegacy() || !store.exists()) {
        LegacyStore.Upgrade u = LegacyStore.upgrade(spark, store.root());
        out.printf(
            Locale.UK,
            "Converted %,d records in %d quarters from" + " %d files into version %d of %s%n",
            u.rows(),
            u.quarters(),
            u.files(),
            u.version(),
            store.table());
      }
      long version = store.latest(spark);
      var people = store.people();
      if (people.exists() && people.versionFor(spark, version) >= 0) {
        out.printf(
            Locale.UK, "The people table is in step with version %d of the records%n", version);
        return 0;
      }
      String why = PeopleRows.rebuild(spark, store, version);
      out.printf(
          Locale.UK, "Made the people table from version %d of the records (%s)%n", version, why);
      return 0;
    }
  }
}
