package org.whotakespart.job;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a run. Local mode binds to loopback only and keeps the UI off; on a cluster
 * (spark-submit) the master and bind address come from the submit command, not from here.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(String master) {
    SparkSession.Builder b = SparkSession.builder().appName("Who Takes Part")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "8");
    if (master != null && master.startsWith("local")) {
      b.master(master)
          .config("spark.ui.enabled", "false")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1");
    } else if (master != null && !master.isBlank() && System.getProperty("spark.master") == null) {
      b.master(master);
    }
    return b.getOrCreate();
  }
}
