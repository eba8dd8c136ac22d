package org.whotakespart.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {
  @Test
  void aJobFilesMasterIsUsedOnALaptop() {
    assertEquals(Optional.of("local[*]"), SparkSessions.masterToSet("local[*]", null));
    assertEquals(
        Optional.of("spark://127.0.0.1:7077"),
        SparkSessions.masterToSet("spark://127.0.0.1:7077", ""));
  }

  @Test
  void underSparkSubmitTheSubmittedMasterWins() {
    assertEquals(Optional.empty(), SparkSessions.masterToSet("local[*]", "spark://127.0.0.1:7077"));
    assertEquals(Optional.empty(), SparkSessions.masterToSet("local[*]", "yarn"));
  }

  @Test
  void measuredSettingsAreDefaultsThatAGivenValueReplaces() {
    java.util.Map<String, String> given = java.util.Map.of("spark.sql.shuffle.partitions", "200");
    var s = SparkSessions.settings(given::get);
    assertEquals("200", s.get("spark.sql.shuffle.partitions"));
    assertEquals("16m", s.get("spark.sql.files.maxPartitionBytes"));
    assertEquals("16m", s.get("spark.sql.adaptive.advisoryPartitionSizeInBytes"));
    assertEquals(SparkSessions.DEFAULTS, SparkSessions.settings(k -> null));
  }

  @Test
  void cometsSettingsYieldToTheSubmittedOnes() {
    java.util.Map<String, String> given =
        java.util.Map.of(
            "spark.memory.offHeap.size",
            "8g",
            "spark.plugins",
            "org.apache.spark.CometPlugin,com.example.Metrics");
    var s = SparkSessions.settings(CometEngine.SETTINGS, given::get);
    assertEquals("8g", s.get("spark.memory.offHeap.size"));
    assertEquals("org.apache.spark.CometPlugin,com.example.Metrics", s.get("spark.plugins"));
    assertEquals("true", s.get("spark.memory.offHeap.enabled"));
    assertEquals(
        "org.apache.spark.sql.comet.execution.shuffle.CometShuffleManager",
        s.get("spark.shuffle.manager"));
  }

  @Test
  void theClusterJarLeavesCometOut() throws java.io.IOException {
    // Comet is optional on a cluster: the shaded jar names its libraries one by one, and Comet
    // (99 MB) is not among them; a cluster adds Comet's jar with spark-submit (docs/spark.md).
    String pom =
        java.nio.file.Files.readString(org.whotakespart.testing.Paths.project().resolve("pom.xml"));
    String shade = pom.substring(pom.indexOf("<artifactId>maven-shade-plugin</artifactId>"));
    shade = shade.substring(0, shade.indexOf("</plugin>"));
    org.junit.jupiter.api.Assertions.assertTrue(
        shade.contains("<include>io.delta:delta-spark_4.1_2.13</include>"));
    org.junit.jupiter.api.Assertions.assertFalse(shade.contains("datafusion"), shade);
    java.nio.file.Path jar =
        org.whotakespart.testing.Paths.project().resolve("target/whotakespart-spark.jar");
    if (java.nio.file.Files.exists(jar)) {
      try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
        org.junit.jupiter.api.Assertions.assertNull(
            z.getEntry("org/apache/spark/CometPlugin.class"));
        org.junit.jupiter.api.Assertions.assertNull(
            z.getEntry("org/apache/comet/linux/amd64/libcomet.so"));
      }
    }
  }
}
