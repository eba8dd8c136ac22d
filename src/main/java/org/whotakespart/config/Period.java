package org.whotakespart.config;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting quarter. Financial quarters are written {@code 2025-26 Q2} (UK financial year, April
 * start, so Q2 is July to September 2025); calendar quarters {@code 2025 Q3}.
 *
 * @param label the quarter as people write it
 * @param start first day of the quarter
 * @param endExclusive first day after the quarter
 */
public record Period(String label, PeriodScheme scheme, LocalDate start, LocalDate endExclusive) {

  private static final Pattern FINANCIAL = Pattern.compile("(\\d{4})-(\\d{2})\\s*Q([1-4])");
  private static final Pattern CALENDAR = Pattern.compile("(\\d{4})\\s*Q([1-4])");

  /** Reads {@code 2025-26 Q2} or {@code 2025 Q3}; the form decides the scheme. */
  public static Period parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    Matcher f = FINANCIAL.matcher(t);
    if (f.matches()) {
      int year = Integer.parseInt(f.group(1));
      int endYear = Integer.parseInt(f.group(2));
      if ((year + 1) % 100 != endYear) {
        throw new SettingsException(
            "period '"
                + text
                + "': a financial year runs from one year"
                + " into the next, so write it as "
                + year
                + "-"
                + String.format("%02d", (year + 1) % 100)
                + " Q"
                + f.group(3));
      }
      return financial(year, Integer.parseInt(f.group(3)));
    }
    Matcher c = CALENDAR.matcher(t);
    if (c.matches()) {
      return calendar(Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)));
    }
    throw new SettingsException(
        "period '"
            + text
            + "' is not a quarter: write a UK financial"
            + " quarter such as 2025-26 Q2 (July to September 2025) or a calendar quarter such as 2025 Q3");
  }

  /** Financial quarter {@code q} of the year starting 1 April {@code startYear}. */
  public static Period financial(int startYear, int quarter) {
    LocalDate start = LocalDate.of(startYear, 4, 1).plusMonths(3L * (quarter - 1));
    String label = String.format("%d-%02d Q%d", startYear, (startYear + 1) % 100, quarter);
    return new Period(label, PeriodScheme.FINANCIAL, start, start.plusMonths(3));
  }

  public static Period calendar(int year, int quarter) {
    LocalDate start = LocalDate.of(year, 1, 1).plusMonths(3L * (quarter - 1));
    return new Period(year + " Q" + quarter, PeriodScheme.CALENDAR, start, start.plusMonths(3));
  }

  /** The quarter of the given scheme that contains {@code date}. */
  public static Period containing(LocalDate date, PeriodScheme scheme) {
    if (scheme == PeriodScheme.CALENDAR) {
      return calendar(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }
    int startYear = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    int monthsIn = (date.getMonthValue() - 4 + 12) % 12;
    return financial(startYear, monthsIn / 3 + 1);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && date.isBefore(endExclusive);
  }

  public Period previous() {
    return containing(start.minusDays(1), scheme);
  }

  /** The label made safe for a folder name: {@code 2025-26 Q2} becomes {@code 2025-26-Q2}. */
  public String folderName() {
    return label.replace(' ', '-');
  }

  /** Plain-English months, e.g. "July to September 2025". */
  public String months() {
    LocalDate last = endExclusive.minusDays(1);
    return monthName(start)
        + (start.getYear() == last.getYear() ? "" : " " + start.getYear())
        + " to "
        + monthName(last)
        + " "
        + last.getYear();
  }

  private static String monthName(LocalDate d) {
    return d.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
  }

  @Override
  public String toString() {
    return label;
  }
}
