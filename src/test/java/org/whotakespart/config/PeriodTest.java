package org.whotakespart.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
  @Test
  void aFinancialQuarterRunsFromAprilOfItsFirstYear() {
    Period q2 = Period.parse("2025-26 Q2");
    assertEquals(LocalDate.of(2025, 7, 1), q2.start());
    assertEquals(LocalDate.of(2025, 10, 1), q2.endExclusive());
    assertEquals("July to September 2025", q2.months());
    Period q4 = Period.parse("2025-26 q4");
    assertEquals(LocalDate.of(2026, 1, 1), q4.start());
    assertEquals("2025-26 Q4", q4.label());
  }

  @Test
  void aCalendarQuarterIsWrittenWithOneYear() {
    Period q3 = Period.parse("2025 Q3");
    assertEquals(PeriodScheme.CALENDAR, q3.scheme());
    assertEquals(LocalDate.of(2025, 7, 1), q3.start());
  }

  @Test
  void datesFallIntoTheirQuarter() {
    assertEquals(
        "2024-25 Q4", Period.containing(LocalDate.of(2025, 3, 31), PeriodScheme.FINANCIAL).label());
    assertEquals(
        "2025-26 Q1", Period.containing(LocalDate.of(2025, 4, 1), PeriodScheme.FINANCIAL).label());
    assertEquals(
        "2025 Q1", Period.containing(LocalDate.of(2025, 3, 31), PeriodScheme.CALENDAR).label());
    assertTrue(Period.parse("2025-26 Q2").contains(LocalDate.of(2025, 9, 30)));
    assertEquals("2024-25 Q4", Period.parse("2025-26 Q1").previous().label());
  }

  @Test
  void aWrongFinancialYearSaysHowToWriteIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2025-27 Q1"));
    assertTrue(e.getMessage().contains("2025-26 Q1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Period.parse("Q5 2025"));
  }
}
