package org.whotakespart.testing;

import org.apache.spark.sql.SparkSession;
import org.whotakespart.job.SparkSessions;

/** One shared local[2] Spark session per test JVM (docs/spark.md: later tests then take ~0.1 s). */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.create("local[2]");
      session.conf().set("spark.sql.shuffle.partitions", "2");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
    }
    return session;
  }
}
