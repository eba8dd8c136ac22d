package org.whotakespart.job;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a run. Local mode binds to loopback only and keeps the UI off. Under
 * spark-submit the master and everything else come from the submit command: a job file's
 * {@code spark_master} (local[*] unless set) must not pull a cluster job back onto the driver.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * Settings measured on the benchmark (docs/benchmarks.md), each given unless the JVM was
   * started with it ({@code -D}, or {@code spark-submit --conf}): shuffles in 8 parts; the
   * history store read in 16 MB splits (not two 128 MB ones whose aggregations spilled); and
   * shuffle parts coalesced by adaptive execution to 16 MB, not 64 MB (the people-per-person
   * aggregation of 10 M records then ran in 8 tasks without spilling, not 4 that spilled).
   */
  static final java.util.Map<String, String> DEFAULTS = java.util.Map.of(
      "spark.sql.shuffle.partitions", "8",
      "spark.sql.files.maxPartitionBytes", "16m",
      "spark.sql.adaptive.advisoryPartitionSizeInBytes", "16m");

  /**
   * Delta Lake, for the history store: its SQL extension (MERGE, DELETE, time travel) and catalog
   * (path-based {@code delta.`folder`} tables; no catalog server). Given unless the JVM was started
   * with them.
   */
  static final java.util.Map<String, String> DELTA = java.util.Map.of(
      "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension",
      "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog",
      // The table's state (a few thousand file entries at most) in 2 parts, not 50 tasks.
      "spark.databricks.delta.snapshotPartitions", "2");

  public static SparkSession create(String master) {
    SparkSession.Builder b = SparkSession.builder().appName("Who Takes Part")
        .config("spark.sql.session.timeZone", "UTC");
    settings(System::getProperty).forEach(b::config);
    DELTA.forEach((key, value) -> {
      String v = System.getProperty(key);
      b.config(key, v == null || v.isBlank() ? value : v);
    });
    masterToSet(master, System.getProperty("spark.master")).ifPresent(m -> {
      b.master(m);
      if (m.startsWith("local")) {
        b.config("spark.ui.enabled", "false")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1");
      }
    });
    return b.getOrCreate();
  }

  /** {@link #DEFAULTS}, each replaced by the value the JVM was {@code given}, if any. */
  static java.util.Map<String, String> settings(java.util.function.UnaryOperator<String> given) {
    java.util.Map<String, String> s = new java.util.TreeMap<>();
    DEFAULTS.forEach((key, value) -> {
      String v = given.apply(key);
      s.put(key, v == null || v.isBlank() ? value : v);
    });
    return s;
  }

  /**
   * The master to set: none when spark-submit has set one ({@code submitted}, the
   * {@code spark.master} system property it passes), otherwise the configured one.
   */
  static Optional<String> masterToSet(String configured, String submitted) {
    if (submitted != null && !submitted.isBlank()) {
      return Optional.empty();
    }
    return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(configured);
  }
}
