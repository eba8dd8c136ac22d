package org.whotakespart.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cell suppression for a board-facing table of counts (statistics.md, disclosure control).
 *
 * <p>Cells are counts of people; lines say which cells add up to which total cell (a row of
 * categories to its known total, a column of projects to the all-projects cell, detailed ethnic
 * groups to their broad group, and so on). {@link #protect()} applies the rule:
 *
 * <ol>
 *   <li>primary: every count of people from 1 to threshold − 1 (a group, a head count, the people
 *       who answered) is shown as "fewer than N";
 *   <li>secondary: while a line's total is shown and the line alone gives a hidden cell away, its
 *       smallest non-zero shown cell is withheld too (a quick first pass, line by line);
 *   <li>then the audit ({@link DisclosureAudit}) solves the whole table, every line at once, as an
 *       integer programme; while any hidden count has fewer than three possible values, one more
 *       cell is withheld on a line through it (the smallest non-zero shown cell of those lines;
 *       when none is left, a "fewer than N" cell of the line is widened to "withheld"), and the
 *       audit runs again.
 * </ol>
 *
 * Zeros are always shown, so a reader knows a hidden count is at least 1: a "fewer than N" cell 1
 * to N − 1, a withheld cell 1 or more (a small count can be withheld when "fewer than N" would give
 * too much away). Pinned cells are figures a reader can work out though they are not printed (the
 * people answering in an earlier quarter, from its exact ratios): never hidden.
 */
public final class SuppressionTable {
  /** How a cell is shown. */
  public enum Shown {
    VALUE,
    FEWER_THAN,
    WITHHELD
  }

  /** Shown counts are rounded to the nearest 5 (NHS England's rule below national level). */
  public static final int ROUND_TO = 5;

  private final int threshold;
  private final List<Long> values = new ArrayList<>();
  private final List<Shown> shown = new ArrayList<>();
  private final List<Boolean> pinned = new ArrayList<>();
  private final List<int[]> lines = new ArrayList<>();
  private final List<Integer> totals = new ArrayList<>();
  private DisclosureAudit.Result audit;

  /**
   * Hidden counts the exact audit found at least three values for. Withholding more only widens
   * what a reader allows (a shown count's 5 values become "1 or more", "fewer than N" becomes
   * "withheld"), so they stay certified until a cell or line is added.
   */
  private final Map<Integer, DisclosureAudit.Range> certified = new HashMap<>();

  private final int exactLimit;

  /** The lines through each cell, built when first asked for after a cell or line was added. */
  private Map<Integer, List<Integer>> linesThrough;

  public SuppressionTable(int threshold) {
    this(threshold, DisclosureAudit.EXACT_LIMIT);
  }

  /**
   * @param exactLimit the largest block of hidden counts the audit settles exactly (tests set it
   *     low to exercise the hoods of large tables on small ones)
   */
  SuppressionTable(int threshold, int exactLimit) {
    this.threshold = threshold;
    this.exactLimit = exactLimit;
  }

  int exactLimit() {
    return exactLimit;
  }

  /** False where a test has the solver settle every doubtful count, without the moves first. */
  private boolean searchesMoves = true;

  boolean searchesMoves() {
    return searchesMoves;
  }

  /** For tests of the solver's hoods: no moves before the solver ({@link MoveSearch}). */
  SuppressionTable withoutMoves() {
    searchesMoves = false;
    return this;
  }

  /** Adds a count of people in a group and returns its id. */
  public int cell(long value) {
    return add(value, false);
  }

  /** Adds a head count (people taking part, in a role, who did not answer) and returns its id. */
  public int headCount(long value) {
    return add(value, false);
  }

  /** Adds a figure a reader can work out though it is not printed: never hidden. */
  public int pinned(long value) {
    return add(value, true);
  }

  private int add(long value, boolean isPinned) {
    values.add(value);
    pinned.add(isPinned);
    shown.add(!isPinned && value >= 1 && value < threshold ? Shown.FEWER_THAN : Shown.VALUE);
    audit = null;
    certified.clear();
    linesThrough = null;
    return values.size() - 1;
  }

  /** Declares that {@code parts} add up to {@code total}. */
  public void line(List<Integer> parts, int total) {
    long sum = 0;
    for (int p : parts) {
      sum += values.get(p);
    }
    if (sum != values.get(total)) {
      throw new IllegalArgumentException(
          "a line of the board table does not add up: " + sum + " against " + values.get(total));
    }
    lines.add(parts.stream().mapToInt(Integer::intValue).toArray());
    totals.add(total);
    audit = null;
    certified.clear();
    linesThrough = null;
  }

  /**
   * Declares the line only where it holds (answered plus not answered make the people taking part
   * in real data; a model made by hand may leave a characteristic out). A line that does not hold
   * tells a reader nothing.
   */
  public void lineWhereItHolds(List<Integer> parts, int total) {
    long sum = 0;
    for (int p : parts) {
      sum += values.get(p);
    }
    if (sum == values.get(total)) {
      line(parts, total);
    }
  }

  /** Shows a cell as another table showed it (tests compare two audits of one table). */
  void show(int cell, Shown how) {
    shown.set(cell, how);
    audit = null;
    certified.clear();
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

  int size() {
    return values.size();
  }

  /** The count as a board sees it: rounded to the nearest {@link #ROUND_TO} (0 stays 0). */
  public long rounded(int cell) {
    return rounded(values.get(cell));
  }

  /** Rounds half away from zero; a count of people is never negative. */
  public static long rounded(long value) {
    return ROUND_TO * Math.round(value / (double) ROUND_TO);
  }

  /**
   * True when a reader knows the cell's exact value: a zero, or a pinned figure. Every other shown
   * count is rounded, so a reader knows it only to within {@link #ROUND_TO} / 2.
   */
  boolean isKnownToReader(int cell) {
    return shown.get(cell) == Shown.VALUE && (pinned.get(cell) || values.get(cell) == 0);
  }

  /** The least a reader knows a cell holds (zeros are always shown, small counts are hidden). */
  long lowest(int cell) {
    if (shown.get(cell) == Shown.VALUE) {
      return Math.max(threshold, rounded(cell) - ROUND_TO / 2);
    }
    return 1;
  }

  /** The most a reader knows a cell holds. */
  long highest(int cell) {
    if (shown.get(cell) == Shown.VALUE) {
      return rounded(cell) + ROUND_TO / 2;
    }
    return shown.get(cell) == Shown.FEWER_THAN ? threshold - 1 : Long.MAX_VALUE;
  }

  /** Each line as its parts then its total bitwise negated ({@code ~total}). */
  List<int[]> equations() {
    List<int[]> out = new ArrayList<>(lines.size());
    for (int l = 0; l < lines.size(); l++) {
      int[] parts = lines.get(l);
      int[] e = Arrays.copyOf(parts, parts.length + 1);
      e[parts.length] = ~totals.get(l);
      out.add(e);
    }
    return out;
  }

  Map<Integer, DisclosureAudit.Range> certified() {
    return certified;
  }

  void certify(DisclosureAudit.Range r) {
    certified.put(r.cell(), r);
  }

  /** How many cells are hidden ("fewer than N" and withheld). */
  public int hiddenCount() {
    int n = 0;
    for (Shown s : shown) {
      n += s == Shown.VALUE ? 0 : 1;
    }
    return n;
  }

  /** The audit of the table as protected (runs it when the table changed since). */
  public DisclosureAudit.Result audit() {
    if (audit == null) {
      audit = DisclosureAudit.audit(this);
    }
    return audit;
  }

  /**
   * Applies secondary suppression until the audit passes. Returns quietly when no further cell can
   * be hidden; {@link #audit()} then names what fails, and the caller must not publish.
   */
  public void protect() {
    protectByBounds();
    audit = null;
    while (!audit().passes()) {
      if (!withholdMore(audit.failing(), audit.unproven(), new HashSet<>())) {
        return;
      }
      audit = null;
    }
  }

  /**
   * The quick first pass: withholds until bounds propagated along the lines narrow no count, first
   * home by home ({@link HomeBounds}: a round works out again only the homes it changed), then over
   * the whole table.
   */
  void protectByBounds() {
    HomeBounds homes = new HomeBounds(this);
    Set<Integer> changed = null;
    while (true) {
      List<DisclosureAudit.Range> failing = homes.failing(changed);
      changed = new HashSet<>();
      if (failing.isEmpty() || !withholdMore(failing, Set.of(), changed)) {
        break;
      }
    }
    while (true) {
      DisclosureAudit.Result quick = DisclosureAudit.audit(this, false);
      if (quick.passes() || !withholdMore(quick.failing(), Set.of(), new HashSet<>())) {
        return;
      }
    }
  }

  /**
   * One more cell hidden for each failing count whose short lines (its own project's) were not
   * changed already this round (for each unproven count, whatever this round changed). Adds the
   * cells it hides further to {@code changed}.
   */
  private boolean withholdMore(
      List<DisclosureAudit.Range> failing, Set<Integer> unproven, Set<Integer> changed) {
    Set<Integer> touched = new HashSet<>();
    Map<Integer, List<Integer>> byCell = linesThrough();
    for (DisclosureAudit.Range f : failing) {
      List<Integer> through = byCell.getOrDefault(f.cell(), List.of());
      // One cell per line a round where the audit is exact. In a table too large to solve whole,
      // a round costs thousands of solves: every count not shown safe gets its cell at once.
      if (!unproven.contains(f.cell()) && through.stream().anyMatch(touched::contains)) {
        continue;
      }
      // Its own project's lines before the long ones (a column of projects), so that protecting
      // one project does not hide another's figures; on those, a group count before a total: a
      // withheld total (people answering) takes the share, ratio and status of every group in its
      // row with it.
      int best = -1;
      for (boolean longLines : new boolean[] {false, true}) {
        for (boolean total : new boolean[] {false, true}) {
          best = best >= 0 ? best : smallestOn(through, longLines, total);
        }
      }
      if (best < 0) {
        best = widenable(through, f.cell());
      }
      if (best < 0) {
        continue;
      }
      shown.set(best, Shown.WITHHELD);
      changed.add(best);
      // A long line (a column of many projects) does not hold other projects' counts back: one
      // cell a round per column made a 2,000-project table take a round per project.
      through.stream().filter(l -> !isLong(l)).forEach(touched::add);
    }
    return !changed.isEmpty();
  }

  /**
   * The smallest shown non-zero cell among the parts (or the totals) of those lines through a count
   * that are columns of projects (or those that are not).
   */
  private int smallestOn(List<Integer> through, boolean longLines, boolean total) {
    int best = -1;
    for (int l : through) {
      if (isLong(l) != longLines) {
        continue;
      }
      int c =
          total
              ? smallestShownNonZero(new int[0], totals.get(l))
              : smallestShownNonZero(lines.get(l), -1);
      if (c >= 0 && (best < 0 || values.get(c) < values.get(best))) {
        best = c;
      }
    }
    return best;
  }

  /** A column of many projects rather than one project's own line. */
  private boolean isLong(int line) {
    return DisclosureAudit.isColumn(lines.get(line).length);
  }

  /**
   * A "fewer than N" cell on the lines to widen to "withheld": on its own project's lines a total
   * first, then a part, then the cell itself; only then one on a column of projects (widening other
   * projects' cells one a round made a 2,000-project table take hundreds of rounds).
   */
  private int widenable(List<Integer> through, int cell) {
    for (boolean longLines : new boolean[] {false, true}) {
      for (int l : through) {
        int t = totals.get(l);
        if (isLong(l) == longLines && t != cell && shown.get(t) == Shown.FEWER_THAN) {
          return t;
        }
      }
      for (int l : through) {
        if (isLong(l) != longLines) {
          continue;
        }
        for (int c : lines.get(l)) {
          if (c != cell && shown.get(c) == Shown.FEWER_THAN) {
            return c;
          }
        }
      }
      if (!longLines && shown.get(cell) == Shown.FEWER_THAN) {
        return cell;
      }
    }
    return -1;
  }

  /**
   * The lines through each cell, in line order. Built once: looking each failing count up by
   * scanning every line made a round quadratic (2,000 projects: over 15 minutes), and building the
   * map each round cost a tenth of a second.
   */
  private Map<Integer, List<Integer>> linesThrough() {
    if (linesThrough == null) {
      linesThrough = buildLinesThrough();
    }
    return linesThrough;
  }

  private Map<Integer, List<Integer>> buildLinesThrough() {
    Map<Integer, List<Integer>> through = new HashMap<>();
    for (int l = 0; l < lines.size(); l++) {
      Set<Integer> cells = new LinkedHashSet<>();
      for (int c : lines.get(l)) {
        cells.add(c);
      }
      cells.add(totals.get(l));
      for (int c : cells) {
        through.computeIfAbsent(c, k -> new ArrayList<>()).add(l);
      }
    }
    return through;
  }

  /** The smallest non-zero shown cell that is not pinned, among the parts and the given total. */
  private int smallestShownNonZero(int[] line, int total) {
    int best = -1;
    for (int c : line) {
      best = smaller(best, c);
    }
    return total >= 0 ? smaller(best, total) : best;
  }

  private int smaller(int best, int c) {
    if (isShown(c)
        && !pinned.get(c)
        && values.get(c) > 0
        && (best < 0 || values.get(c) < values.get(best))) {
      return c;
    }
    return best;
  }
}
