package org.whotakespart.job;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.Engine;

/**
 * The Spark session of a run. Local mode binds to loopback only and keeps the UI off. Under
 * spark-submit the master and everything else come from the submit command: a job file's {@code
 * spark_master} (local[*] unless set) must not pull a cluster job back onto the driver.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * Settings measured on the benchmark (docs/benchmarks.md), each given unless the JVM was started
   * with it ({@code -D}, or {@code spark-submit --conf}): shuffles in 8 parts; the history store
   * read in 16 MB splits (not two 128 MB ones whose aggregations spilled); and shuffle parts
   * coalesced by adaptive execution to 16 MB, not 64 MB (the people-per-person aggregation of 10 M
   * records then ran in 8 tasks without spilling, not 4 that spilled).
   *
   * <p>The checked records, kept on local disk between the passes that read them, are compressed as
   * whole blocks (LZ4), not column by column: Spark's per-column encoders weighed every string
   * twice, a quarter of the time spent parsing and checking 2 M records. Their batches are then
   * larger, so the stream that reads them back forgets each batch once read (by default it keeps
   * what it read until every 100th object, and the 10 M report ran out of a 1 GB heap).
   */
  static final Map<String, String> DEFAULTS =
      Map.of(
          "spark.sql.shuffle.partitions", "8",
          "spark.sql.files.maxPartitionBytes", "16m",
          "spark.sql.adaptive.advisoryPartitionSizeInBytes", "16m",
          "spark.sql.inMemoryColumnarStorage.compressed", "false",
          "spark.rdd.compress", "true",
          "spark.serializer.objectStreamReset", "1");

  /**
   * Delta Lake, for the history store: its SQL extension (MERGE, DELETE, time travel) and catalog
   * (path-based {@code delta.`folder`} tables; no catalog server). Given unless the JVM was started
   * with them.
   */
  static final Map<String, String> DELTA =
      Map.of(
          "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension",
          "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog",
          // The table's state (a few thousand file entries at most) in 2 parts, not 50 tasks.
          "spark.databricks.delta.snapshotPartitions", "2");

  /** A session on Spark's own engine (tests, and tools that need no speed). */
  public static SparkSession create(String master) {
    return start(master, Engine.SPARK, s -> {}).spark();
  }

  /** A started session, the engine that runs its plans, and the progress line that says so. */
  public record Started(SparkSession spark, Engine engine, String line) {}

  /**
   * Starts (or joins) the session with the engine {@code requested}: null for the default, Comet
   * where it can run. Where Comet cannot run, or its operators do not take a test plan, the run
   * goes on in plain Spark and {@link Started#line()} says why. {@code started} is told of the
   * session as soon as it runs, before Comet's check.
   */
  public static Started start(String master, Engine requested, Consumer<SparkSession> started) {
    String submitted = System.getProperty("spark.master");
    Optional<String> cannot =
        requested == Engine.SPARK
            ? Optional.empty()
            : CometEngine.cannotRun(CometEngine.Host.here(), onCluster(master, submitted))
                .or(CometEngine::cannotReachMemory);
    boolean comet = requested != Engine.SPARK && cannot.isEmpty();
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("Who Takes Part")
            .config("spark.sql.session.timeZone", "UTC");
    settings(System::getProperty).forEach(b::config);
    DELTA.forEach(
        (key, value) -> {
          String v = System.getProperty(key);
          b.config(key, v == null || v.isBlank() ? value : v);
        });
    if (comet) {
      settings(CometEngine.SETTINGS, System::getProperty).forEach(b::config);
    }
    masterToSet(master, submitted)
        .ifPresent(
            m -> {
              b.master(m);
              if (m.startsWith("local")) {
                b.config("spark.ui.enabled", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1");
              }
            });
    SparkSession spark = b.getOrCreate();
    started.accept(spark);
    boolean plugin =
        spark.sparkContext().getConf().get("spark.plugins", "").contains(CometEngine.PLUGIN);
    if (!plugin) {
      return new Started(
          spark,
          Engine.SPARK,
          engineLine(
              requested, cannot.orElse("the session was started without Comet's plug-in"), null));
    }
    Optional<String> refused = CometEngine.checkPlan(spark);
    return refused.isEmpty()
        ? new Started(spark, Engine.COMET, engineLine(Engine.COMET, null, CometEngine.version()))
        : new Started(spark, Engine.SPARK, engineLine(requested, refused.get(), null));
  }

  /** The progress line naming the engine that runs, and why it is not Comet where it is not. */
  static String engineLine(Engine requested, String whyNotComet, String cometVersion) {
    if (cometVersion != null) {
      return "Engine: Comet"
          + (cometVersion.isEmpty() ? "" : " " + cometVersion)
          + " (native, vectorised) under Spark";
    }
    if (requested == Engine.SPARK) {
      return "Engine: Spark, as asked (engine spark)";
    }
    return "Engine: Spark; Comet cannot run: " + whyNotComet;
  }

  /** {@link #DEFAULTS}, each replaced by the value the JVM was {@code given}, if any. */
  static Map<String, String> settings(UnaryOperator<String> given) {
    return settings(DEFAULTS, given);
  }

  /**
   * {@code defaults}, each replaced by the value the JVM was {@code given}, if any: under
   * spark-submit, a {@code --conf} (say a cluster's own {@code spark.memory.offHeap.size}) wins.
   */
  static Map<String, String> settings(Map<String, String> defaults, UnaryOperator<String> given) {
    Map<String, String> s = new TreeMap<>();
    defaults.forEach(
        (key, value) -> {
          String v = given.apply(key);
          s.put(key, v == null || v.isBlank() ? value : v);
        });
    return s;
  }

  /**
   * Whether the run's executors are other JVMs: the master spark-submit gave ({@code submitted}),
   * else the {@code configured} one, is not local mode.
   */
  static boolean onCluster(String configured, String submitted) {
    String m = masterToSet(configured, submitted).orElse(submitted);
    return m != null && !m.isBlank() && !m.strip().startsWith("local");
  }

  /**
   * The master to set: none when spark-submit has set one ({@code submitted}, the {@code
   * spark.master} system property it passes), otherwise the configured one.
   */
  static Optional<String> masterToSet(String configured, String submitted) {
    if (submitted != null && !submitted.isBlank()) {
      return Optional.empty();
    }
    return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(configured);
  }
}
