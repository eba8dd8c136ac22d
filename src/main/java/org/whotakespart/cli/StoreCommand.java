package org.whotakespart.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.JobFile;
import org.whotakespart.job.SparkSessions;
import org.whotakespart.store.CommitNote;
import org.whotakespart.store.HistoryStore;
import org.whotakespart.store.LegacyStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code whotakespart store ...}: the history store's log, erasure, clean-up and upgrade. */
@Command(name = "store", mixinStandardHelpOptions = true,
    description = {"Looks after the history store, a Delta Lake table: its history, erasing a"
        + " participant, removing files no version needs, and converting a store written by an"
        + " earlier version.", ""},
    subcommands = {StoreCommand.History.class, StoreCommand.Forget.class,
        StoreCommand.Vacuum.class, StoreCommand.Retention.class, StoreCommand.Upgrade.class})
public final class StoreCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the store is: --store, or the job file's store. */
  static final class Where {
    @Option(names = "--store", paramLabel = "FOLDER", description = "The history store.")
    String store;

    @Option(names = "--job", paramLabel = "FILE", description = "A job file naming the store.")
    Path job;

    @Option(names = "--master", paramLabel = "URL",
        description = "Spark master (default local[*]: this computer's cores).")
    String master;

    @Option(names = "--verbose", description = "Show full error details.")
    boolean verbose;

    /** Runs {@code body} on the store in a Spark session; failures become one line. */
    int run(CommandLine.Model.CommandSpec spec,
        java.util.function.BiFunction<HistoryStore, SparkSession, Integer> body) {
      PrintWriter err = spec.commandLine().getErr();
      String root;
      String master;
      try {
        JobConfig.Builder b = JobConfig.builder();
        if (job != null) {
          JobFile.applyTo(job, b);
        }
        if (store != null) {
          b.store(store);
        }
        if (this.master != null) {
          b.sparkMaster(this.master);
        }
        root = b.storeSetting();
        master = b.sparkMasterSetting();
        if (root == null || root.isBlank()) {
          throw new IllegalArgumentException("store: name the history store folder (--store or"
              + " 'store' in the job file)");
        }
      } catch (RuntimeException e) {
        return Failures.report(e, err, verbose);
      }
      return session(master, err, verbose, spark -> body.apply(
          HistoryStore.at(root, spark.sparkContext().hadoopConfiguration()), spark));
    }
  }

  static int session(String master, PrintWriter err, boolean verbose,
      Function<SparkSession, Integer> body) {
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = null;
    try {
      spark = SparkSessions.create(master);
      return body.apply(spark);
    } catch (RuntimeException e) {
      return Failures.report(e, err, verbose);
    } finally {
      if (spark != null && ours) {
        spark.stop();
      }
    }
  }

  @Command(name = "history", mixinStandardHelpOptions = true,
      description = "Lists every commit: version, when, what it did, the files an ingest read and"
          + " their rows accepted and quarantined.")
  static final class History implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    Where where;

    @Override
    public Integer call() {
      return where.run(spec, (store, spark) -> {
        PrintWriter out = spec.commandLine().getOut();
        var commits = store.history(spark);
        if (commits.isEmpty()) {
          out.println("The history store at " + store.root() + " holds no records yet.");
        }
        out.printf(Locale.UK, "%-8s %-21s %-10s %s%n", "version", "committed (UTC)", "operation",
            "files and rows");
        for (HistoryStore.Commit c : commits) {
          CommitNote n = c.note();
          String what = n == null ? c.operation().toLowerCase(Locale.ROOT) : n.operation();
          String rows = "";
          if (n != null && n.operation().equals("ingest")) {
            long accepted = n.files().stream().mapToLong(CommitNote.SourceFile::accepted).sum();
            long quarantined = n.files().stream().mapToLong(CommitNote.SourceFile::quarantined)
                .sum();
            rows = String.format(Locale.UK, "%d files, %,d rows accepted, %,d quarantined",
                n.files().size(), accepted, quarantined);
          } else if (n != null && n.operation().equals("forget")) {
            rows = String.format(Locale.UK, "%,d records erased%s", n.erased(),
                n.purged() ? ", old files purged" : "");
          } else if (n != null && n.operation().equals("upgrade")) {
            rows = String.format(Locale.UK, "converted from the earlier format, %d files",
                n.sources().size());
          }
          out.printf(Locale.UK, "%-8d %-21s %-10s %s%n", c.version(), c.at(), what, rows);
          if (n != null) {
            for (CommitNote.SourceFile f : n.files()) {
              out.printf(Locale.UK, "           %s: %,d rows read, %,d accepted, %,d quarantined,"
                  + " %,d duplicates; SHA-256 %s%n", f.path(), f.read(), f.accepted(),
                  f.quarantined(), f.duplicates(), f.sha256());
            }
          }
        }
        out.flush();
        return 0;
      });
    }
  }

  @Command(name = "forget", mixinStandardHelpOptions = true,
      description = {"Erases a participant: deletes their records in every quarter, in one project"
          + " or all, in one commit. Earlier versions still hold them until store vacuum removes"
          + " their files after the retention period; --now removes those files at once, and"
          + " versions before the erasure can then no longer be reported."})
  static final class Forget implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    Where where;

    @Option(names = "--participant", paramLabel = "ID", required = true,
        description = "The participant's pseudonymous id, as in the exports.")
    String participant;

    @Option(names = "--project", paramLabel = "ID",
        description = "Only their records in this project (default: every project).")
    String project;

    @Option(names = "--now", negatable = false,
        description = "Also remove at once the files of earlier versions that hold them.")
    boolean now;

    @Override
    public Integer call() {
      return where.run(spec, (store, spark) -> {
        HistoryStore.Erasure e = store.forget(spark, participant, project, now);
        PrintWriter out = spec.commandLine().getOut();
        if (e.records() == 0 && e.filesPurged() == 0) {
          out.println("No records of that participant" + (project == null ? "" : " in that project")
              + " are in the store; nothing changed.");
        } else {
          out.printf(Locale.UK, "Erased %,d records (version %d)%s%n", e.records(), e.version(),
              now ? String.format(Locale.UK, "; %d files of earlier versions holding them removed",
                  e.filesPurged())
                  : "; earlier versions keep them until `store vacuum` after the retention period");
        }
        out.flush();
        return 0;
      });
    }
  }

  @Command(name = "vacuum", mixinStandardHelpOptions = true,
      description = "Removes the files that no version within the retention period needs (see"
          + " store retention).")
  static final class Vacuum implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    Where where;

    @Override
    public Integer call() {
      return where.run(spec, (store, spark) -> {
        long removed = store.vacuum(spark);
        spec.commandLine().getOut().printf(Locale.UK, "Removed %,d files older than the %d days"
            + " kept%n", removed, store.retentionDays(spark));
        spec.commandLine().getOut().flush();
        return 0;
      });
    }
  }

  @Command(name = "retention", mixinStandardHelpOptions = true,
      description = "Shows, or with --days sets, how long earlier versions stay reproducible"
          + " (removed files and log entries are kept that long).")
  static final class Retention implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    Where where;

    @Option(names = "--days", paramLabel = "N", description = "Keep earlier versions N days.")
    Integer days;

    @Override
    public Integer call() {
      return where.run(spec, (store, spark) -> {
        if (days != null) {
          if (days < 0) {
            throw new IllegalArgumentException("--days must be 0 or more");
          }
          store.setRetention(spark, days);
        }
        spec.commandLine().getOut().printf(Locale.UK, "Earlier versions are kept %d days%n",
            store.retentionDays(spark));
        spec.commandLine().getOut().flush();
        return 0;
      });
    }
  }

  @Command(name = "upgrade", mixinStandardHelpOptions = true,
      description = "Converts, once, a store written by an earlier version (manifests and"
          + " Parquet folders) into the Delta table, with the same records.")
  static final class Upgrade implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    Where where;

    @Override
    public Integer call() {
      return where.run(spec, (store, spark) -> {
        LegacyStore.Upgrade u = LegacyStore.upgrade(spark, store.root());
        spec.commandLine().getOut().printf(Locale.UK, "Converted %,d records in %d quarters from"
            + " %d files into version %d of %s%n", u.rows(), u.quarters(), u.files(), u.version(),
            store.table());
        spec.commandLine().getOut().flush();
        return 0;
      });
    }
  }
}
