package org.whotakespart.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.cli.WhoTakesPart;
import org.whotakespart.config.Engine;
import org.whotakespart.testing.Paths;
import org.whotakespart.testing.StartsSpark;
import org.whotakespart.testing.TestSpark;

@StartsSpark
class CometEngineTest {
  /**
   * A JVM that does not open java.nio (spark-submit's driver, say) falls back to Spark with the
   * reason, instead of Comet failing on the first query; this JVM (the build opens it) passes.
   */
  @Test
  void aJvmWithoutJavaNioOpenedFallsBackWithTheFlagToAdd() throws Exception {
    assertEquals(java.util.Optional.empty(), CometEngine.cannotReachMemory());
    Process p =
        new ProcessBuilder(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                MemoryAccessProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    String said = new String(p.getInputStream().readAllBytes()).strip();
    assertEquals(0, p.waitFor());
    assertEquals(
        "this JVM does not open java.nio to it (start Java with"
            + " --add-opens=java.base/java.nio=ALL-UNNAMED)",
        said);
  }

  private static final String AVX2 = "processor\t: 0\nflags\t\t: fpu sse4_2 avx avx2 fma\n";
  private static final String NEW_GLIBC = "7f1 r-xp /usr/lib/x86_64-linux-gnu/libc.so.6\n";

  private static CometEngine.Host host(String arch, String cpu, String maps) {
    return new CometEngine.Host(true, true, "Linux", arch, cpu, maps);
  }

  @Test
  void cometRunsOnLinuxWithGlibcAndAvx2() {
    assertEquals(Optional.empty(), CometEngine.cannotRun(host("amd64", AVX2, NEW_GLIBC), false));
    assertEquals(Optional.empty(), CometEngine.cannotRun(host("aarch64", "", NEW_GLIBC), false));
    assertEquals(
        Optional.empty(),
        CometEngine.cannotRun(
            host("amd64", AVX2, "7f1 r-xp /lib/x86_64-linux-gnu/libc-2.31.so\n"), false));
  }

  @Test
  void eachReasonCometCannotRunIsSaid() {
    assertTrue(
        CometEngine.cannotRun(host("amd64", "flags\t\t: fpu sse4_2 avx\n", NEW_GLIBC), false)
            .orElseThrow()
            .contains("AVX2"));
    assertTrue(
        CometEngine.cannotRun(
                host("amd64", AVX2, "7f1 r-xp /lib/x86_64-linux-gnu/libc-2.28.so\n"), false)
            .orElseThrow()
            .contains("glibc 2.30"));
    assertTrue(
        CometEngine.cannotRun(host("amd64", AVX2, "7f1 r-xp /lib/ld-musl-x86_64.so.1\n"), false)
            .orElseThrow()
            .contains("glibc"));
    assertTrue(
        CometEngine.cannotRun(host("ppc64le", "", NEW_GLIBC), false)
            .orElseThrow()
            .contains("ppc64le"));
    assertTrue(
        CometEngine.cannotRun(
                new CometEngine.Host(true, true, "Mac OS X", "aarch64", "", ""), false)
            .orElseThrow()
            .contains("Linux"));
    assertTrue(
        CometEngine.cannotRun(
                new CometEngine.Host(false, false, "Linux", "amd64", AVX2, NEW_GLIBC), false)
            .orElseThrow()
            .contains("not on the classpath"));
  }

  /**
   * A cluster's executors load Comet as their JVMs start, from the cluster's class path: a driver
   * that finds Comet only beside the application jar (the build's lib/ folder) must not choose it
   * there, as every executor then failed. Local mode is one JVM and may.
   */
  @Test
  void onAClusterCometMustBeOnTheDriversOwnClassPath() {
    var besideTheJarOnly = new CometEngine.Host(true, false, "Linux", "amd64", AVX2, NEW_GLIBC);
    assertEquals(Optional.empty(), CometEngine.cannotRun(besideTheJarOnly, false));
    assertEquals(
        "on a cluster its jar must be on every node's class path, and this driver has it only"
            + " beside the application jar (docs/spark.md, \"On a cluster\")",
        CometEngine.cannotRun(besideTheJarOnly, true).orElseThrow());
    assertEquals(Optional.empty(), CometEngine.cannotRun(host("amd64", AVX2, NEW_GLIBC), true));
    assertFalse(SparkSessions.onCluster("local[2]", null));
    assertFalse(SparkSessions.onCluster(" local[*] ", null));
    assertFalse(SparkSessions.onCluster(null, null));
    assertTrue(SparkSessions.onCluster("spark://127.0.0.1:7077", null));
    assertTrue(SparkSessions.onCluster("yarn", null));
    // spark-submit's master wins over the job file's, both ways.
    assertTrue(SparkSessions.onCluster("local[*]", "spark://127.0.0.1:7077"));
    assertFalse(SparkSessions.onCluster("spark://127.0.0.1:7077", "local[2]"));
  }

  @Test
  void aSessionWithoutCometIsNotTakenForOne() {
    var spark = TestSpark.session();
    assertTrue(CometEngine.checkPlan(spark).orElseThrow().contains("without Comet's plug-in"));
    assertFalse(
        CometEngine.holdsComet(
            spark.range(0, 2, 1, 1).selectExpr("id + 1 AS x").queryExecution().executedPlan()));
    assertEquals(
        "Engine: Spark; Comet cannot run: this CPU lacks AVX2",
        SparkSessions.engineLine(null, "this CPU lacks AVX2", null));
    assertEquals(
        "Engine: Comet 1.2.0 (native, vectorised) under Spark",
        SparkSessions.engineLine(null, null, "1.2.0"));
  }

  @Test
  void anEngineIsSparkOrComet() {
    assertEquals(Engine.COMET, Engine.parse(" Comet "));
    assertEquals(Engine.SPARK, Engine.parse("spark"));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> Engine.parse("duckdb"));
    assertTrue(e.getMessage().startsWith("engine 'duckdb' is not one of spark, comet"));
  }

  /**
   * The sample report on Comet (its own JVM: the engine is fixed when Spark starts) and on Spark
   * (this JVM's shared session): every CSV output byte for byte the same, and Comet's operators
   * really in the plans.
   */
  @Test
  void theSampleIsTheSameOnCometAndOnSpark(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        CometEngine.cannotRun(CometEngine.Host.here(), false).isEmpty(),
        "Comet cannot run on this computer");
    String job = Paths.project().resolve("jobs/sample-quarterly.properties").toString();
    Path spark = dir.resolve("spark");
    Path comet = dir.resolve("comet");
    TestSpark.session();
    var err = new java.io.StringWriter();
    var cl = WhoTakesPart.commandLine();
    cl.setErr(new java.io.PrintWriter(err, true));
    assertEquals(
        0,
        cl.execute(
            "report",
            "--job",
            job,
            "--engine",
            "spark",
            "--no-charts",
            "--output",
            spark.toString()),
        err.toString());

    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports"))
        .forEach(command::add);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            WhoTakesPart.class.getName(),
            "report",
            "--job",
            job,
            "--engine",
            "comet",
            "--no-charts",
            "--output",
            comet.toString()));
    Path log = dir.resolve("comet.log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertEquals(0, p.waitFor(), () -> read(log));
    assertTrue(read(log).contains("Engine: Comet"), () -> read(log));

    List<Path> csvs;
    try (Stream<Path> s = Files.walk(spark)) {
      csvs = s.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
    }
    assertEquals(6, csvs.size(), csvs.toString());
    for (Path f : csvs) {
      Path other = comet.resolve(spark.relativize(f));
      assertArrayEquals(
          Files.readAllBytes(f),
          Files.readAllBytes(other),
          "differs on Comet: " + spark.relativize(f));
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
