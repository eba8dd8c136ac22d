package org.whotakespart.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.hadoop.fs.FSError;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.Engine;
import org.whotakespart.config.JobConfig;
import org.whotakespart.job.Progress;
import org.whotakespart.job.SparkSessions;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a job in a Spark session; what it throws goes to picocli's handler ({@link Failures}). */
final class Spark {
  private Spark() {}

  /** What a command does once its settings are checked and Spark has started. */
  @FunctionalInterface
  interface Job {
    int run(JobConfig config, SparkSession spark, Progress progress) throws Exception;
  }

  /** What a command does with a Spark session. */
  @FunctionalInterface
  interface Body {
    int run(SparkSession spark) throws Exception;
  }

  /**
   * Checks the command's settings ({@code build}), says {@code title} of them, and runs {@code job}
   * in a Spark session.
   */
  static int run(
      CommandSpec spec,
      JobOptions options,
      Function<JobConfig.Builder, JobConfig> build,
      Function<JobConfig, String> title,
      Job job)
      throws Exception {
    JobConfig config = build.apply(options.builder());
    Progress progress = new Progress(System.err);
    progress.step(title.apply(config));
    return withSession(
        config.sparkMaster(),
        config.engine(),
        progress,
        Failures.verbose(spec),
        spark -> job.run(config, spark, progress));
  }

  /**
   * Runs {@code body} in a Spark session on {@code master} with the {@code engine} asked for (null:
   * the default), saying on {@code progress} (when given) that Spark started and which engine runs.
   * A session already running in this JVM (an embedding application, a test) is used, not stopped.
   */
  static int withSession(
      String master, Engine engine, Progress progress, boolean verbose, Body body)
      throws Exception {
    if (verbose) {
      // The executors' own report of a failed task, with its trace (silenced by default).
      Configurator.setLevel("org.apache.spark.executor.Executor", Level.ERROR);
      Configurator.setLevel("org.apache.spark.scheduler.TaskSetManager", Level.ERROR);
    }
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = null;
    try {
      SparkSessions.Started started =
          SparkSessions.start(
              master,
              engine,
              s -> {
                if (progress != null) {
                  progress.step("Spark started (" + s.sparkContext().master() + ")");
                }
              });
      spark = started.spark();
      if (progress != null) {
        progress.step(started.line());
      }
      return body.run(spark);
    } catch (FSError e) {
      // A failed local write is an Error, which picocli would not hand to its handler.
      throw new UncheckedIOException(new IOException(e.getMessage(), e));
    } finally {
      if (spark != null && ours) {
        spark.stop();
      }
    }
  }
}
