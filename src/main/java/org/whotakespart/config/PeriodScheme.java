package org.whotakespart.config;

/** How quarters are numbered: UK financial years (April start) or calendar years. */
public enum PeriodScheme {
  /** {@code 2025-26 Q2} = July to September 2025. */
  FINANCIAL,
  /** {@code 2025 Q3} = July to September 2025. */
  CALENDAR
}
