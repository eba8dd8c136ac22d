package org.whotakespart.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {
  @Test
  void aJobFilesMasterIsUsedOnALaptop() {
    assertEquals(Optional.of("local[*]"), SparkSessions.masterToSet("local[*]", null));
    assertEquals(Optional.of("spark://127.0.0.1:7077"),
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
}
