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
}
