package org.whotakespart.bench;

import org.apache.spark.sql.SparkSession;
import org.whotakespart.job.SparkSessions;

/**
 * The floor a small report is measured against (bench/sample): a local session started as the
 * report starts its own, one small CSV read and counted, the session stopped. Benchmark only.
 *
 * <pre>{@code java -cp target/test-classes:target/whotakespart.jar:target/lib/* \
 *     org.whotakespart.bench.TrivialSparkJob sample-data/projects.csv}</pre>
 */
public final class TrivialSparkJob {
  private TrivialSparkJob() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSessions.create("local[*]");
    try {
      long rows = spark.read().option("header", "true").csv(args[0]).count();
      System.out.println(rows + " rows");
    } finally {
      spark.stop();
    }
  }
}
