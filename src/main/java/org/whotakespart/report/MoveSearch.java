package org.whotakespart.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Witnesses found without a solver. A doubtful count is moved by one from its true value; each line
 * that no longer adds up (the shortest first) is put right by moving one more count on it that has
 * room, depth first, until every line through a moved count adds up again. That is a set of values
 * a reader cannot rule out, found in well under a millisecond where a linear programme over the
 * count's hood took milliseconds to a tenth of a second: in a board table most doubtful counts are
 * settled by a short cycle (a group up and another down in one project, with the all-projects
 * figures, or a partner project giving the person up). Every witness is checked to hold exactly
 * before it counts; what the search does not settle goes to the solver as before.
 */
final class MoveSearch {
  /**
   * Lines put right per try before it gives up and leaves the count to the solver (with 8 counts a
   * line: 60 steps and 6 counts left 4,581 of 2,000 projects' 32,824 doubtful counts to the solver;
   * 300 and 8, with the shortest line first, leave 1).
   */
  private static final int MOST_STEPS = 300;

  /** Counts tried on each line that needs putting right, best first. */
  private static final int MOST_TRIED = 8;

  /** Counts searched side by side before the block sees what they found. */
  private static final int CHUNK = 512;

  private final AuditBlock block;
  private final BlockLines lines;
  private final long[] trueValue;

  /** The lines through each count, as arrays (the search reads them millions of times). */
  private final int[][] through;

  private final ThreadLocal<Search> searches;

  /** A solution: the counts it moves (block indices) and their values there. */
  record Witness(int[] counts, long[] values) {}

  MoveSearch(AuditBlock block, BlockLines lines) {
    this.block = block;
    this.lines = lines;
    trueValue = new long[block.n];
    through = new int[block.n][];
    for (int i = 0; i < block.n; i++) {
      trueValue[i] = block.t.value(block.cells.get(i));
      through[i] = lines.through().get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    searches = ThreadLocal.withInitial(Search::new);
  }

  /**
   * Tries each doubtful count one up and one down from its true value, and a second step the same
   * way from there (a count of 1 can only go up), and lets the block see each solution found.
   * Counts are searched side by side a chunk at a time, each from the true values and what the
   * block had seen when the chunk began, so the answer never depends on cores.
   */
  void certify() {
    int[] doubtful = IntStream.range(0, block.n).filter(block::doubtful).toArray();
    for (int from = 0; from < doubtful.length; from += CHUNK) {
      int[] chunk =
          IntStream.of(doubtful).skip(from).limit(CHUNK).filter(block::doubtful).toArray();
      List<List<Witness>> found = IntStream.of(chunk).parallel().mapToObj(this::witnesses).toList();
      for (List<Witness> ws : found) {
        for (Witness w : ws) {
          block.see(List.of(w.values()), w.counts());
        }
      }
    }
  }

  /**
   * Witnesses moving count {@code i} from its true value until it has been seen at three values, as
   * far as the search finds them.
   */
  List<Witness> witnesses(int i) {
    return searches.get().witnesses(i);
  }

  /** One thread's search: the values it has moved to and the lines it has left unbalanced. */
  private final class Search {
    private final long[] value = trueValue.clone();
    private final int[] moved = new int[block.n];
    private final int[] net = new int[lines.counts().length];
    private final List<Integer> shifted = new ArrayList<>();
    private int steps;

    /** Witnesses moving count {@code i} until it has been seen at three values, if it can. */
    List<Witness> witnesses(int i) {
      List<Witness> out = new ArrayList<>();
      long low = block.seenLow[i];
      long high = block.seenHigh[i];
      for (int direction : new int[] {1, -1}) {
        for (int step = 0;
            step < 2 && high - low + 1 < DisclosureAudit.MIN_POSSIBLE_VALUES;
            step++) {
          Witness w = find(i, direction);
          if (w == null) {
            break;
          }
          shift(w);
          out.add(w);
          low = Math.min(low, value[i]);
          high = Math.max(high, value[i]);
        }
        reset();
      }
      return out;
    }

    /**
     * A solution with count {@code i} moved by {@code delta} from where the steps taken so far put
     * it (the counts they moved stay moved), or null. The witness holds every count moved since the
     * true values.
     */
    private Witness find(int i, int delta) {
      if (!fits(i, delta)) {
        return null;
      }
      steps = 0;
      List<Integer> path = new ArrayList<>();
      move(i, delta, path);
      Witness w = balance(path) ? witness(path) : null;
      while (!path.isEmpty()) {
        undo(path);
      }
      return w == null || !holds(w) ? null : w;
    }

    /** Takes a witness's values as the start of the next step. */
    private void shift(Witness w) {
      for (int k = 0; k < w.counts().length; k++) {
        int j = w.counts()[k];
        if (value[j] == trueValue[j]) {
          shifted.add(j);
        }
        value[j] = w.values()[k];
      }
    }

    /** Back to the true values. */
    private void reset() {
      for (int j : shifted) {
        value[j] = trueValue[j];
      }
      shifted.clear();
    }

    private boolean balance(List<Integer> path) {
      int l = nextUnbalanced(path);
      if (l < 0) {
        return true;
      }
      if (++steps > MOST_STEPS) {
        return false;
      }
      for (int j : candidates(l)) {
        move(j, -net[l] * lines.sign(l, j), path);
        if (balance(path)) {
          return true;
        }
        undo(path);
        if (steps > MOST_STEPS) {
          return false;
        }
      }
      return false;
    }

    /**
     * The counts on line {@code l} that can put it right, those that also put right (or leave
     * alone) most of their other lines first, a line's total before its parts, then in block order.
     */
    private List<Integer> candidates(int l) {
      List<int[]> scored = new ArrayList<>();
      for (int j : lines.counts()[l]) {
        int d = -net[l] * lines.sign(l, j);
        if (moved[j] != 0 || !fits(j, d)) {
          continue;
        }
        int score = 0;
        for (int other : through[j]) {
          if (other != l) {
            int after = net[other] + lines.sign(other, j) * d;
            score += Integer.compare(Math.abs(net[other]), Math.abs(after));
          }
        }
        scored.add(new int[] {j, score, lines.total()[l] == j ? 1 : 0});
      }
      scored.sort(
          Comparator.<int[]>comparingInt(s -> -s[1])
              .thenComparingInt(s -> -s[2])
              .thenComparingInt(s -> s[0]));
      List<Integer> out = new ArrayList<>();
      for (int k = 0; k < scored.size() && k < MOST_TRIED; k++) {
        out.add(scored.get(k)[0]);
      }
      return out;
    }

    private boolean fits(int j, long d) {
      return value[j] + d >= block.lo[j] && value[j] + d <= block.hi[j];
    }

    private void move(int j, int d, List<Integer> path) {
      moved[j] = d;
      for (int l : through[j]) {
        net[l] += lines.sign(l, j) * d;
      }
      path.add(j);
    }

    private void undo(List<Integer> path) {
      int j = path.remove(path.size() - 1);
      for (int l : through[j]) {
        net[l] -= lines.sign(l, j) * moved[j];
      }
      moved[j] = 0;
    }

    /**
     * The shortest line through a moved count that does not add up (ties: the first): it has the
     * fewest ways to be put right, so a dead end shows early; a column of projects, with the most
     * ways, comes last.
     */
    private int nextUnbalanced(List<Integer> path) {
      int best = -1;
      for (int j : path) {
        for (int l : through[j]) {
          if (net[l] != 0 && (best < 0 || shorter(l, best))) {
            best = l;
          }
        }
      }
      return best;
    }

    private boolean shorter(int l, int than) {
      int a = lines.counts()[l].length;
      int b = lines.counts()[than].length;
      return a < b || (a == b && l < than);
    }

    /** Every count moved since the true values, at its value after this step. */
    private Witness witness(List<Integer> path) {
      Set<Integer> counts = new LinkedHashSet<>(shifted);
      counts.addAll(path);
      int[] ids = counts.stream().mapToInt(Integer::intValue).toArray();
      long[] values = new long[ids.length];
      for (int k = 0; k < ids.length; k++) {
        values[k] = value[ids[k]] + moved[ids[k]];
      }
      return new Witness(ids, values);
    }
  }

  /**
   * Checked afresh from the witness alone: every count within what a reader knows of it, and every
   * line through a moved count adding up to its true sum (the counts not moved keep their values,
   * so a line adds up when its moved counts' changes, signed, sum to nothing).
   */
  private boolean holds(Witness w) {
    Map<Integer, Long> sums = new HashMap<>();
    for (int k = 0; k < w.counts().length; k++) {
      int j = w.counts()[k];
      if (w.values()[k] < block.lo[j] || w.values()[k] > block.hi[j]) {
        return false;
      }
      for (int l : through[j]) {
        sums.merge(l, lines.sign(l, j) * (w.values()[k] - trueValue[j]), Long::sum);
      }
    }
    return sums.values().stream().allMatch(sum -> sum == 0);
  }
}
