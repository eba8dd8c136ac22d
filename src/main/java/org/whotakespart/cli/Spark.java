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

  static int withSession(JobConfig config, Progress progress, PrintWriter err, boolean verbose,
      Function<SparkSession, Integer> job) {
    SparkSession spark = null;
    // A session already running in this JVM (an embedding application, a test) is used, not stopped.
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    try {
      spark = SparkSessions.create(config.sparkMaster());
      progress.step("Spark started (" + spark.sparkContext().master() + ")");
      return job.apply(spark);
    } catch (RuntimeException e) {
      return Failures.report(e, err, verbose);
    } finally {
      if (spark != null && ours) {
        spark.stop();
      }
    }
  }
}
