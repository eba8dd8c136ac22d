package org.whotakespart.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Reference values from R 4.2 on this machine, printed with sprintf("%.17g"): {@code prop.test(x,
 * n, correct = FALSE, conf.level = cl)$conf.int}.
 */
class WilsonTest {
  private static final double TOLERANCE = 1e-14;

  private static void assertInterval(double low, double high, Interval actual) {
    assertEquals(low, actual.low(), TOLERANCE, "low");
    assertEquals(high, actual.high(), TOLERANCE, "high");
  }

  @Test
  void fourOfTwentyMatchesTheWorkedExampleAndR() {
    // prop.test(4, 20, correct = FALSE)$conf.int
    assertInterval(0.080657662579798076, 0.41601743225189353, Wilson.interval(4, 20, Wilson.Z95));
    // prop.test(4, 20, correct = FALSE, conf.level = 0.998)$conf.int
    assertInterval(0.049753254534350769, 0.54414899424008234, Wilson.interval(4, 20, Wilson.Z998));
  }

  @Test
  void zeroOfNStartsAtExactlyZero() {
    // prop.test(0, 20, correct = FALSE)$conf.int
    Interval i = Wilson.interval(0, 20, Wilson.Z95);
    assertEquals(0.0, i.low());
    assertEquals(0.1611251580528193, i.high(), TOLERANCE);
    // prop.test(0, 7, correct = FALSE, conf.level = 0.998)$conf.int
    assertInterval(0, 0.57702740884585924, Wilson.interval(0, 7, Wilson.Z998));
  }

  @Test
  void nOfNEndsAtExactlyOne() {
    // prop.test(20, 20, correct = FALSE)$conf.int
    Interval i = Wilson.interval(20, 20, Wilson.Z95);
    assertEquals(0.83887484194718065, i.low(), TOLERANCE);
    assertEquals(1.0, i.high());
    // prop.test(1, 1, correct = FALSE)$conf.int and prop.test(7, 7, ..., conf.level = 0.998)
    assertInterval(0.2065493143772375, 1, Wilson.interval(1, 1, Wilson.Z95));
    assertInterval(0.42297259115414065, 1, Wilson.interval(7, 7, Wilson.Z998));
  }

  @Test
  void largerCountsMatchR() {
    // prop.test(37, 412, correct = FALSE, conf.level = 0.95 and 0.998)$conf.int
    assertInterval(0.065855918723968121, 0.12133431247964652, Wilson.interval(37, 412, Wilson.Z95));
    assertInterval(
        0.055074794033639053, 0.14312145250270261, Wilson.interval(37, 412, Wilson.Z998));
    // prop.test(1, 3, correct = FALSE)$conf.int
    assertInterval(0.061491944720396291, 0.79234039919795229, Wilson.interval(1, 3, Wilson.Z95));
  }

  @Test
  void noPeopleKnownGivesNoInterval() {
    assertNull(Wilson.interval(0, 0, Wilson.Z95));
  }

  @Test
  void quantilesAreStatisticsMdsAndAgreeWithRsQnorm() {
    // statistics.md gives z to 16 digits; R's qnorm(0.975) is one unit in the last place away.
    assertEquals(1.959963984540054, Wilson.Z95, 0.0);
    assertEquals(3.090232306167813, Wilson.Z998, 0.0);
    // sprintf("%.17g", qnorm(0.975)); sprintf("%.17g", qnorm(0.999))
    assertEquals(1.9599639845400536, Wilson.Z95, 1e-15);
    assertEquals(3.0902323061678132, Wilson.Z998, 1e-15);
  }

  @Test
  void impossibleCountsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Wilson.interval(5, 4, Wilson.Z95));
    assertThrows(IllegalArgumentException.class, () -> Wilson.interval(-1, 4, Wilson.Z95));
  }
}
