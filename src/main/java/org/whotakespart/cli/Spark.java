package org.whotakespart.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.JobConfig;
import org.whotakespart.job.Progress;
import org.whotakespart.job.SparkSessions;

/** Runs a job in a Spark session and turns any failure into a one-line reason and exit code. */
final class Spark {
  private Spark() {}

  /** What a command does once its settings are checked and Spark has started. */
  @FunctionalInterface
  interface Job {
    int run(JobConfig config, SparkSession spark, Progress progress);
  }

  /**
   * Checks the command's settings ({@code build}), says {@code title} of them, and runs {@code job}
   * in a Spark session; a bad setting or any failure becomes the one-line reason and exit code.
   */
  static int run(picocli.CommandLine.Model.CommandSpec spec, JobOptions options,
      Function<JobConfig.Builder, JobConfig> build, Function<JobConfig, String> title, Job job) {
    PrintWriter err = spec.commandLine().getErr();
    JobConfig config;
    try {
      config = build.apply(options.builder());
    } catch (IllegalArgumentException e) {
      return Failures.report(e, err, options.verbose);
    }
    Progress progress = new Progress(System.err);
    progress.step(title.apply(config));
    return withSession(config, progress, err, options.verbose,
        spark -> job.run(config, spark, progress));
  }

  static int withSession(JobConfig config, Progress progress, PrintWriter err, boolean verbose,
      Function<SparkSession, Integer> job) {
    SparkSession spark = null;
    // A session already running in this JVM (an embedding application, a test) is used, not stopped.
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    if (verbose) {
      // The executors' own report of a failed task, with its trace (silenced by default).
      org.apache.logging.log4j.core.config.Configurator.setLevel(
          "org.apache.spark.executor.Executor", org.apache.logging.log4j.Level.ERROR);
      org.apache.logging.log4j.core.config.Configurator.setLevel(
          "org.apache.spark.scheduler.TaskSetManager", org.apache.logging.log4j.Level.ERROR);
    }
    try {
      SparkSessions.Started started = SparkSessions.start(config.sparkMaster(), config.engine(),
          s -> progress.step("Spark started (" + s.sparkContext().master() + ")"));
      spark = started.spark();
      progress.step(started.line());
      return job.apply(spark);
    } catch (Exception | org.apache.hadoop.fs.FSError e) {
      // Exception, not RuntimeException: Spark's own SparkException is a checked exception that
      // Scala code throws unchecked.
      return Failures.report(e, err, verbose);
    } finally {
      if (spark != null && ours) {
        spark.stop();
      }
    }
  }
}
