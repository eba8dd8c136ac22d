package org.whotakespart.output.table;

/**
 * Text as every CSV the pipeline writes holds it (data-contract.md §4): a text cell that begins
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code
 * '}, so that a spreadsheet opening the file never runs it as a formula. Numbers are not text and
 * are written as they are (a shortfall of -2.5 stays a number).
 */
public final class CsvText {
  private CsvText() {}

  /** The text made inert; null stays null. */
  public static String inert(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + text
        : text;
  }
}
