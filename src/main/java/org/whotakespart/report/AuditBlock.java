package org.whotakespart.report;

import static org.whotakespart.report.DisclosureAudit.MIN_POSSIBLE_VALUES;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.whotakespart.report.DisclosureAudit.Range;

/**
 * The audit of one block of hidden counts, and what it knows of each count so far. Lines are
 * encoded as the parts followed by the total, negated: {@code parts..., ~total}. Four steps, each
 * sound:
 *
 * <ol>
 *   <li>bounds propagated along the lines hold for every solution, so a count whose propagated
 *       range is narrower than the rule fails without a solver ({@link BoundsPropagation});
 *   <li>every solution the solver returns is a set of values a reader cannot rule out, so a count
 *       seen at values at least two apart passes, and every solution is checked to hold exactly
 *       before it counts ({@link HoodSolver});
 *   <li>in a block of at most {@link DisclosureAudit#EXACT_LIMIT} counts, the whole block is pushed
 *       up, then down, which certifies most counts at once, and each count still in doubt gets its
 *       own minimum and maximum: exact;
 *   <li>in a larger block (a whole programme took over five minutes at 200 projects, and never
 *       finished at 2,000), the solver works on one hood at a time: a project's counts with the
 *       all-projects ones, then with partner projects ({@link BlockHomes}), every other count held
 *       at its true value, so that each solution is still a solution of the whole table. A count no
 *       hood certifies fails as unproven: the protection withholds more rather than publish what it
 *       cannot show to be safe.
 * </ol>
 */
final class AuditBlock {
  /** At most this many pairs of solves pushing every doubtful count up, then down. */
  private static final int BULK_ROUNDS = 6;

  /** The block's ranges, and the counts among them no hood certified. */
  record Outcome(List<Range> ranges, List<Integer> unproven) {}

  final SuppressionTable t;
  final List<Integer> cells;
  final List<int[]> lines;
  private final Map<Integer, Integer> index = new HashMap<>();
  final int n;
  final long[] lo;
  final long[] hi;
  final long[] seenLow;
  final long[] seenHigh;
  private final boolean[] settled;
  private final Range[] ranges;

  AuditBlock(SuppressionTable t, HiddenBlock block, long cap) {
    this.t = t;
    this.cells = block.cells();
    this.lines = block.lines();
    n = cells.size();
    for (int i = 0; i < n; i++) {
      index.put(cells.get(i), i);
    }
    lo = new long[n];
    hi = new long[n];
    seenLow = new long[n];
    seenHigh = new long[n];
    settled = new boolean[n];
    ranges = new Range[n];
    for (int i = 0; i < n; i++) {
      int c = cells.get(i);
      lo[i] = t.lowest(c);
      hi[i] = Math.min(cap, t.highest(c));
      seenLow[i] = t.value(c);
      seenHigh[i] = t.value(c);
    }
  }

  /**
   * @param exact false for bounds propagation only
   * @param certified counts certified in an earlier round of the protection
   */
  Outcome audit(boolean exact, Map<Integer, Range> certified) {
    BoundsPropagation.propagate(t, index, lines, lo, hi);
    settleByBounds(certified);
    if (lines.isEmpty() || !exact) {
      List<Range> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!t.isShown(cells.get(i))) {
          out.add(ranges[i] != null ? ranges[i] : new Range(cells.get(i), lo[i], hi[i]));
        }
      }
      return new Outcome(out, List.of());
    }
    BlockLines byLine = BlockLines.of(lines, index, n);
    if (t.searchesMoves()) {
      new MoveSearch(this, byLine).certify();
    }
    HoodSolver solver = new HoodSolver(this, byLine);
    if (n > t.exactLimit()) {
      new BlockHomes(this, byLine, solver).certify();
    } else {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      see(bulkSolutions(solver, all, byLine.all(), true), all);
      eachInDoubt(solver, all, byLine.all());
    }
    return outcome();
  }

  /** Settles the shown counts, those the bounds already fail and those certified before. */
  private void settleByBounds(Map<Integer, Range> certified) {
    for (int i = 0; i < n; i++) {
      int c = cells.get(i);
      if (t.isShown(c)) {
        settled[i] = true; // a shown (rounded) count: a variable here, not audited
      } else if (hi[i] - lo[i] + 1 < MIN_POSSIBLE_VALUES) {
        ranges[i] = new Range(c, lo[i], hi[i]);
        settled[i] = true;
      } else if (certified.containsKey(c)) {
        // certified in an earlier round: withholding more only widens what a reader allows
        ranges[i] = certified.get(c);
        settled[i] = true;
      }
    }
  }

  /** Each hidden count's range after the solver, and those left in doubt. */
  private Outcome outcome() {
    List<Range> out = new ArrayList<>();
    List<Integer> unproven = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (t.isShown(cells.get(i))) {
        continue;
      }
      if (ranges[i] == null) {
        // certified by a solution, or (above the exact limit) not certified: fails, unproven
        if (doubtful(i)) {
          unproven.add(cells.get(i));
        }
        ranges[i] = new Range(cells.get(i), seenLow[i], seenHigh[i]);
      }
      out.add(ranges[i]);
    }
    return new Outcome(out, unproven);
  }

  /** True for a count not yet settled whose values seen are fewer than the rule asks. */
  boolean doubtful(int i) {
    return !settled[i] && ranges[i] == null && seenHigh[i] - seenLow[i] + 1 < MIN_POSSIBLE_VALUES;
  }

  /**
   * The solutions of up to {@link #BULK_ROUNDS} pairs of solves, each pushing the hood's doubtful
   * counts away from where they have been seen so far.
   */
  List<long[]> bulkSolutions(HoodSolver solver, int[] hood, int[] hoodLines, boolean integer) {
    long[] low = new long[hood.length];
    long[] high = new long[hood.length];
    for (int h = 0; h < hood.length; h++) {
      low[h] = seenLow[hood[h]];
      high[h] = seenHigh[hood[h]];
    }
    List<long[]> found = new ArrayList<>();
    int doubtful = hood.length + 1;
    for (int round = 0; round < BULK_ROUNDS; round++) {
      int before = doubtful;
      for (boolean up : new boolean[] {true, false}) {
        double[] weights = new double[hood.length];
        doubtful = 0;
        for (int h = 0; h < hood.length; h++) {
          int i = hood[h];
          if (!settled[i] && ranges[i] == null && high[h] - low[h] + 1 < MIN_POSSIBLE_VALUES) {
            weights[h] = up == (high[h] - t.value(cells.get(i)) <= 0) ? 1 : 0.5;
            doubtful++;
          }
        }
        if (doubtful > 0) {
          long[] s = solver.solve(hood, hoodLines, weights, !up, integer);
          if (s == null) {
            continue;
          }
          found.add(s);
          for (int h = 0; h < hood.length; h++) {
            low[h] = Math.min(low[h], s[h]);
            high[h] = Math.max(high[h], s[h]);
          }
        }
      }
      if (doubtful == 0 || doubtful >= before) {
        break;
      }
    }
    return found;
  }

  /** Each count of the hood still in doubt: its own maximum, then its minimum. */
  private void eachInDoubt(HoodSolver solver, int[] hood, int[] hoodLines) {
    for (int h = 0; h < hood.length; h++) {
      int i = hood[h];
      if (!doubtful(i)) {
        continue;
      }
      double[] weights = new double[hood.length];
      weights[h] = 1;
      for (boolean minimise : new boolean[] {false, true}) {
        long[] s = solver.solve(hood, hoodLines, weights, minimise, true);
        if (s != null) {
          see(List.of(s), hood);
        }
        if (!doubtful(i)) {
          break;
        }
      }
      // a reader's exact range where it fails (both extremes were seen), or the values seen
      ranges[i] = new Range(cells.get(i), seenLow[i], seenHigh[i]);
    }
  }

  /** Widens each hood count's values seen by the solutions. */
  void see(List<long[]> solutions, int[] hood) {
    for (long[] s : solutions) {
      for (int h = 0; h < hood.length; h++) {
        seenLow[hood[h]] = Math.min(seenLow[hood[h]], s[h]);
        seenHigh[hood[h]] = Math.max(seenHigh[hood[h]], s[h]);
      }
    }
  }
}
