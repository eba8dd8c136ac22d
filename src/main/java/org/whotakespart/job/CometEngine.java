package org.whotakespart.job;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import scala.runtime.AbstractPartialFunction;

/**
 * Apache DataFusion Comet under Spark (docs/spark.md, "The engine"): whether it can run here, the
 * settings that turn it on, and the check that it really took a plan. Comet's native library is
 * inside its jar (Linux, amd64 and aarch64); it needs glibc 2.30 or newer and, on amd64, a CPU with
 * AVX2, and it switches itself off without a word when off-heap memory is off.
 */
public final class CometEngine {
  private CometEngine() {}

  /** The class Spark loads for Comet's plug-in (driver and executors). */
  static final String PLUGIN = "org.apache.spark.CometPlugin";

  /**
   * Comet's settings, each given unless the JVM was started with it. Off-heap memory is a cap, not
   * an allocation: Comet's native operators take their memory from it.
   */
  static final Map<String, String> SETTINGS = settings();

  private static Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("spark.plugins", PLUGIN);
    s.put("spark.comet.enabled", "true");
    s.put("spark.comet.exec.enabled", "true");
    s.put("spark.memory.offHeap.enabled", "true");
    s.put("spark.memory.offHeap.size", "3g");
    s.put(
        "spark.shuffle.manager",
        "org.apache.spark.sql.comet.execution.shuffle.CometShuffleManager");
    s.put("spark.comet.shuffle.enabled", "true");
    return Collections.unmodifiableMap(s);
  }

  /**
   * What this computer offers Comet: read from the JVM and /proc, or given by a test. {@code
   * cometOnClasspath}: this application can load Comet's plug-in; {@code cometOnLaunchClasspath}:
   * the JVM's own class path has it (where a cluster's {@code $SPARK_HOME/jars} and {@code
   * spark.driver.extraClassPath} go), not only the application jar's folder.
   */
  public record Host(
      boolean cometOnClasspath,
      boolean cometOnLaunchClasspath,
      String os,
      String arch,
      String cpuFlags,
      String libcMaps) {
    /** This JVM and computer. */
    static Host here() {
      return new Host(
          loads(CometEngine.class.getClassLoader()),
          loads(ClassLoader.getSystemClassLoader()),
          System.getProperty("os.name", ""),
          System.getProperty("os.arch", ""),
          read("/proc/cpuinfo"),
          read("/proc/self/maps"));
    }

    private static boolean loads(ClassLoader loader) {
      try {
        Class.forName(PLUGIN, false, loader);
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }

    private static String read(String file) {
      try {
        return Files.readString(Path.of(file));
      } catch (IOException | RuntimeException e) {
        return "";
      }
    }
  }

  /**
   * Why Comet's Arrow memory cannot work in this JVM, if it cannot: Arrow reads buffers' addresses
   * and needs java.nio opened to it ({@code --add-opens=java.base/java.nio=ALL-UNNAMED}). The jar's
   * manifest opens it for {@code java -jar}; a JVM started another way (spark-submit's driver) may
   * not, and Comet would then fail on the first query instead of falling back.
   */
  public static Optional<String> cannotReachMemory() {
    return Buffer.class.getModule().isOpen("java.nio", CometEngine.class.getModule())
        ? Optional.empty()
        : Optional.of(
            "this JVM does not open java.nio to it (start Java with"
                + " --add-opens=java.base/java.nio=ALL-UNNAMED)");
  }

  private static final Pattern OLD_LIBC = Pattern.compile("libc-(\\d+)\\.(\\d+)\\.so");

  /**
   * Why Comet cannot run on {@code host}, or empty when it can: its jar is missing, the system is
   * not Linux on amd64 or aarch64, the C library is not glibc 2.30 or newer, or an amd64 CPU lacks
   * AVX2. On a {@code cluster} its jar must also be on the driver's own class path: executors load
   * Comet's plug-in and shuffle manager as their JVMs start, from the cluster's class path, and a
   * driver that finds Comet only beside the application jar (whose manifest names the build's
   * {@code lib/} folder) says nothing of theirs. Choosing Comet there made every executor fail.
   */
  public static Optional<String> cannotRun(Host host, boolean cluster) {
    if (!host.cometOnClasspath()) {
      return Optional.of("Comet's jar is not on the classpath");
    }
    if (cluster && !host.cometOnLaunchClasspath()) {
      return Optional.of(
          "on a cluster its jar must be on every node's class path, and this driver has it only"
              + " beside the application jar (docs/spark.md, \"On a cluster\")");
    }
    if (!host.os().toLowerCase(Locale.ROOT).contains("linux")) {
      return Optional.of("its native library is built for Linux only, not " + host.os());
    }
    String arch = host.arch();
    boolean amd64 = arch.equals("amd64") || arch.equals("x86_64");
    if (!amd64 && !arch.equals("aarch64")) {
      return Optional.of("its native library is built for amd64 and aarch64 only, not " + arch);
    }
    if (amd64
        && !host.cpuFlags().isEmpty()
        && !Pattern.compile("(?m)^flags\\s*:.*\\bavx2\\b").matcher(host.cpuFlags()).find()) {
      return Optional.of("this CPU lacks AVX2, which its native library needs");
    }
    String maps = host.libcMaps();
    if (!maps.isEmpty()) {
      Matcher m = OLD_LIBC.matcher(maps);
      if (m.find()) {
        // glibc before 2.34 names its file libc-2.NN.so; 2.34 and later, libc.so.6 alone.
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 2 || (major == 2 && minor < 30)) {
          return Optional.of(
              "its native library needs glibc 2.30 or newer, this system has "
                  + major
                  + "."
                  + minor);
        }
      } else if (!maps.contains("libc.so.6")) {
        return Optional.of("its native library needs glibc (this system's C library is another)");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether Comet takes a plan in {@code spark}: a plan of Range and Project, which Comet runs
   * natively when it is working, is planned (not run: no Spark job) and searched for Comet's
   * operators. Empty when it does; otherwise why not (the plug-in is not loaded, its native library
   * did not load, or off-heap memory is off).
   */
  public static Optional<String> checkPlan(SparkSession spark) {
    var conf = spark.sparkContext().getConf();
    if (!conf.get("spark.plugins", "").contains(PLUGIN)) {
      return Optional.of("the session was started without Comet's plug-in");
    }
    String rangeKey = "spark.comet.exec.range.enabled";
    Optional<String> before =
        spark.conf().getOption(rangeKey).isDefined()
            ? Optional.of(spark.conf().get(rangeKey))
            : Optional.empty();
    SparkPlan plan;
    try {
      spark.conf().set(rangeKey, "true");
      plan = spark.range(0, 2, 1, 1).selectExpr("id + 1 AS x").queryExecution().executedPlan();
    } finally {
      if (before.isPresent()) {
        spark.conf().set(rangeKey, before.get());
      } else {
        spark.conf().unset(rangeKey);
      }
    }
    if (holdsComet(plan)) {
      return Optional.empty();
    }
    if (!conf.getBoolean("spark.memory.offHeap.enabled", false)) {
      return Optional.of(
          "off-heap memory is off (spark.memory.offHeap.enabled), without which"
              + " Comet switches itself off");
    }
    return Optional.of(
        "its operators did not take a test plan (its native library may not have"
            + " loaded; --verbose shows Spark's log)");
  }

  /** Whether any operator of {@code plan} is one of Comet's. */
  public static boolean holdsComet(SparkPlan plan) {
    return !plan.collect(
            new AbstractPartialFunction<SparkPlan, SparkPlan>() {
              @Override
              public boolean isDefinedAt(SparkPlan p) {
                return p.nodeName().startsWith("Comet");
              }

              @Override
              public SparkPlan apply(SparkPlan p) {
                return p;
              }
            })
        .isEmpty();
  }

  /** Comet's version, from its jar's manifest or Maven properties, or "" when not known. */
  static String version() {
    try (var in =
        CometEngine.class
            .getClassLoader()
            .getResourceAsStream(
                "META-INF/maven/org.apache.datafusion/comet-spark-spark4.1_2.13/pom.properties")) {
      if (in == null) {
        return "";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "");
    } catch (IOException e) {
      return "";
    }
  }
}
