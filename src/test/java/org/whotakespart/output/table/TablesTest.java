package org.whotakespart.output.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Numbers in the analysts' CSVs: plain digits, the shortest that read back as the same double. */
class TablesTest {
  @Test
  void numbersArePlainAndRoundTrip() {
    assertEquals("0", Tables.format(0.0));
    assertEquals("0", Tables.format(-0.0));
    assertEquals("100", Tables.format(100.0));
    assertEquals("0.1", Tables.format(0.1));
    assertEquals("-2.5", Tables.format(-2.5));
    assertEquals("0.0001", Tables.format(1e-4));
    assertEquals("12345678901234567000", Tables.format(1.2345678901234567e19));
    assertEquals("0.07999999999999999", Tables.format(0.08 - 1e-17));
    assertEquals("", Tables.format(Double.NaN));
    assertEquals("", Tables.format(null));
    assertEquals("7", Tables.format(7L));
  }

  /** The fast path gives exactly what BigDecimal gives, over a million values of every size. */
  @Test
  void theFastPathAgreesWithBigDecimal() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 1_000_000; i++) {
      double d = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-12, 22));
      if (d == 0) {
        continue;
      }
      String slow = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
      assertEquals(slow, Tables.format(d), "for " + d);
      assertEquals(d, Double.parseDouble(slow));
    }
  }
}
