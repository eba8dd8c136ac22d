package org.whotakespart.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Cell suppression for a board-facing table of counts (statistics.md, disclosure control).
 *
 * <p>Cells are counts; lines say which cells add up to which total cell (a row of categories to
 * its known total, a column of projects to the all-projects cell, and so on). {@link #protect()}
 * applies the rule:
 * <ol>
 *   <li>primary: counts of people in a group from 1 to threshold − 1 are shown as "fewer than N".
 *       Head counts (people taking part, people who did not answer) say nothing about anyone's
 *       group and are shown as they are, but they take part in the secondary rule;
 *   <li>secondary: wherever a line's total is shown, no suppressed cell of the line may be
 *       recoverable. A reader knows a "fewer than N" cell is 1 to N − 1 and a withheld cell is N or
 *       more; a cell is recoverable when those bounds and the line's total leave it one value.
 *       While a line is unsafe, its smallest non-zero shown cell is withheld too (the total itself
 *       when no other cell is left), and every line is checked again until none changes.
 * </ol>
 * Zeros are always shown. A reader knows that a withheld head count is at least 1, and a withheld
 * group count at least N.
 */
public final class SuppressionTable {
  /** How a cell is shown. */
  public enum Shown { VALUE, FEWER_THAN, WITHHELD }

  private final int threshold;
  private final List<Long> values = new ArrayList<>();
  private final List<Shown> shown = new ArrayList<>();
  private final List<Boolean> headCount = new ArrayList<>();
  private final List<int[]> lines = new ArrayList<>();
  private final List<Integer> totals = new ArrayList<>();

  public SuppressionTable(int threshold) {
    this.threshold = threshold;
  }

  /** Adds a count of people in a group and returns its id. */
  public int cell(long value) {
    return add(value, false);
  }

  /** Adds a head count, exempt from the primary rule, and returns its id. */
  public int headCount(long value) {
    return add(value, true);
  }

  private int add(long value, boolean isHeadCount) {
    values.add(value);
    headCount.add(isHeadCount);
    shown.add(!isHeadCount && value >= 1 && value < threshold ? Shown.FEWER_THAN : Shown.VALUE);
    return values.size() - 1;
  }

  /** Declares that {@code parts} add up to {@code total}. */
  public void line(List<Integer> parts, int total) {
    lines.add(parts.stream().mapToInt(Integer::intValue).toArray());
    totals.add(total);
  }

  public Shown shown(int cell) {
    return shown.get(cell);
  }

  public boolean isShown(int cell) {
    return shown.get(cell) == Shown.VALUE;
  }

  public long value(int cell) {
    return values.get(cell);
  }

  /** Applies secondary suppression until every line with a shown total is safe. */
  public void protect() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int l = 0; l < lines.size(); l++) {
        int total = totals.get(l);
        while (isShown(total) && !isSafe(lines.get(l), values.get(total))) {
          int next = smallestShownNonZero(lines.get(l));
          shown.set(next >= 0 ? next : total, Shown.WITHHELD);
          changed = true;
        }
      }
    }
  }

  /** True when no suppressed cell of the line can be worked out from the shown ones and the total. */
  boolean isSafe(int[] line, long total) {
    long rest = total;
    List<Integer> hidden = new ArrayList<>();
    for (int c : line) {
      if (isShown(c)) {
        rest -= values.get(c);
      } else {
        hidden.add(c);
      }
    }
    for (int i : hidden) {
      long othersLow = 0;
      long othersHigh = 0;
      boolean othersUnbounded = false;
      for (int j : hidden) {
        if (j != i) {
          othersLow += low(j);
          if (shown.get(j) == Shown.WITHHELD) {
            othersUnbounded = true;
          } else {
            othersHigh += threshold - 1;
          }
        }
      }
      long lowest = othersUnbounded ? low(i) : Math.max(low(i), rest - othersHigh);
      long highest = Math.min(high(i), rest - othersLow);
      if (highest <= lowest) {
        return false;
      }
    }
    return true;
  }

  /** The least a reader knows a hidden cell holds: zeros are shown, and withheld group counts are not small. */
  private long low(int c) {
    return shown.get(c) == Shown.WITHHELD && !headCount.get(c) ? threshold : 1;
  }

  private long high(int c) {
    return shown.get(c) == Shown.WITHHELD ? Long.MAX_VALUE : threshold - 1;
  }

  private int smallestShownNonZero(int[] line) {
    int best = -1;
    for (int c : line) {
      if (isShown(c) && values.get(c) > 0 && (best < 0 || values.get(c) < values.get(best))) {
        best = c;
      }
    }
    return best;
  }
}
