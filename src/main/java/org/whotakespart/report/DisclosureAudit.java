package org.whotakespart.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The test every board output must pass (statistics.md, "Disclosure control"): a reader writes
 * every figure shown as an equation and solves for each hidden count as an integer programme; no
 * hidden count may be narrowed below {@link #MIN_POSSIBLE_VALUES} possible values.
 *
 * <p>The reader knows every shown count and every figure that can be worked out though not printed
 * (pinned cells); that a "fewer than N" count is 1 to N − 1; that a withheld count is at least 1
 * (zeros are always shown); and every line: parts that add up to a total (categories to the people
 * who answered, answered and not to the people taking part, projects to all projects, detailed
 * ethnic groups to their broad group, a quarter's groups to its total). Each hidden count's
 * smallest and largest value is found by integer programming (ojAlgo's branch and bound, which
 * starts from the LP relaxation: most of these tables are sums along rows and columns, whose
 * relaxation is already whole), separately for each block of hidden counts that share a line.
 */
public final class DisclosureAudit {
  /** A hidden count must have at least this many possible values. */
  public static final int MIN_POSSIBLE_VALUES = 3;

  /**
   * A withheld count's upper limit in the solver, "no limit" in practice: ten times the largest
   * count in the table, and at least this.
   */
  static final long UNBOUNDED_FLOOR = 1_000_000L;

  /** At most this many pairs of solves pushing every doubtful count up, then down. */
  private static final int BULK_ROUNDS = 6;

  /**
   * A hidden count's range as a reader can narrow it: where it fails the rule, the true range lies
   * within it; where it passes, values seen in solutions (the true range may be wider).
   */
  public record Range(int cell, long min, long max) {
    public long possibleValues() {
      return max - min + 1;
    }
  }

  /** Every hidden count's range, and those narrowed below the rule. */
  public record Result(Map<Integer, Range> ranges, List<Range> failing) {
    public boolean passes() {
      return failing.isEmpty();
    }

    public int hidden() {
      return ranges.size();
    }
  }

  private DisclosureAudit() {}

  /** Audits the table as it would be shown now. */
  public static Result audit(SuppressionTable t) {
    return audit(t, true);
  }

  /**
   * @param exact false for bounds propagation only: quick, and every failure it finds is real, but
   *     it can miss some (the protection uses it first, then the exact audit)
   */
  static Result audit(SuppressionTable t, boolean exact) {
    int n = t.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    List<int[]> lines = t.equations();
    for (int[] line : lines) {
      int first = -1;
      for (int code : line) {
        int c = code >= 0 ? code : ~code;
        if (!t.isKnownToReader(c)) {
          if (first < 0) {
            first = c;
          } else {
            union(parent, first, c);
          }
        }
      }
    }
    Map<Integer, List<Integer>> blocks = new LinkedHashMap<>();
    for (int c = 0; c < n; c++) {
      if (!t.isKnownToReader(c)) {
        blocks.computeIfAbsent(find(parent, c), k -> new ArrayList<>()).add(c);
      }
    }
    Map<Integer, List<int[]>> linesOf = new HashMap<>();
    for (int[] line : lines) {
      for (int code : line) {
        int c = code >= 0 ? code : ~code;
        if (!t.isKnownToReader(c)) {
          linesOf.computeIfAbsent(find(parent, c), k -> new ArrayList<>()).add(line);
          break;
        }
      }
    }
    Map<Integer, Range> ranges = new LinkedHashMap<>();
    List<Range> failing = new ArrayList<>();
    // Blocks share no hidden count, so each is solved on its own, on every core (the sample's
    // audit was a third of its report's processor time, nearly all in the solver); the results
    // are taken in the blocks' order, so the answer is the same as one block after another.
    List<Map.Entry<Integer, List<Integer>>> order = new ArrayList<>(blocks.entrySet());
    // Worked out once: a scan of the whole table per block made the audit quadratic (2,000
    // projects: thousands of blocks times millions of cells).
    long cap = cap(t);
    List<List<Range>> solved =
        order.parallelStream()
            .map(
                block ->
                    block(
                        t,
                        block.getValue(),
                        linesOf.getOrDefault(block.getKey(), List.of()),
                        exact,
                        cap))
            .toList();
    for (List<Range> blockRanges : solved) {
      for (Range r : blockRanges) {
        ranges.put(r.cell(), r);
        if (r.possibleValues() < MIN_POSSIBLE_VALUES) {
          failing.add(r);
        }
      }
    }
    return new Result(ranges, failing);
  }

  /**
   * One block of hidden counts. Lines are encoded as the parts followed by the total, negated:
   * {@code parts..., ~total}. Three steps, each sound:
   *
   * <ol>
   *   <li>bounds propagated along the lines hold for every solution, so a count whose propagated
   *       range is narrower than the rule fails without a solver;
   *   <li>every solution the solver returns is a set of values a reader cannot rule out, so a count
   *       seen at values at least two apart passes (two solves, pushing all counts up, then down,
   *       certify most of them at once);
   *   <li>each count still in doubt gets its own minimum and maximum.
   * </ol>
   */
  private static List<Range> block(
      SuppressionTable t, List<Integer> cells, List<int[]> lines, boolean exact, long cap) {
    Map<Integer, Integer> index = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      index.put(cells.get(i), i);
    }
    int n = cells.size();
    long[] lo = new long[n];
    long[] hi = new long[n];
    long[] seenLow = new long[n];
    long[] seenHigh = new long[n];
    for (int i = 0; i < n; i++) {
      int c = cells.get(i);
      lo[i] = t.lowest(c);
      hi[i] = Math.min(cap, t.highest(c));
      seenLow[i] = t.value(c);
      seenHigh[i] = t.value(c);
    }
    propagate(t, index, lines, lo, hi);
    boolean[] settled = new boolean[n];
    List<Range> out = new ArrayList<>();
    Range[] ranges = new Range[n];
    for (int i = 0; i < n; i++) {
      if (t.isShown(cells.get(i))) {
        settled[i] = true; // a shown (rounded) count: a variable here, not audited
      } else if (hi[i] - lo[i] + 1 < MIN_POSSIBLE_VALUES) {
        ranges[i] = new Range(cells.get(i), lo[i], hi[i]);
        settled[i] = true;
      }
    }
    if (lines.isEmpty() || !exact) {
      for (int i = 0; i < n; i++) {
        if (!t.isShown(cells.get(i))) {
          out.add(ranges[i] != null ? ranges[i] : new Range(cells.get(i), lo[i], hi[i]));
        }
      }
      return out;
    }
    int doubtful = n + 1;
    for (int round = 0; round < BULK_ROUNDS; round++) {
      int before = doubtful;
      for (boolean up : new boolean[] {true, false}) {
        double[] weights = new double[n];
        doubtful = 0;
        for (int i = 0; i < n; i++) {
          if (!settled[i] && seenHigh[i] - seenLow[i] + 1 < MIN_POSSIBLE_VALUES) {
            // push each doubtful count away from where it has been seen so far
            weights[i] = up == (seenHigh[i] - t.value(cells.get(i)) <= 0) ? 1 : 0.5;
            doubtful++;
          }
        }
        if (doubtful > 0) {
          see(solve(t, cells, index, lines, lo, hi, weights, !up), seenLow, seenHigh);
        }
      }
      if (doubtful == 0 || doubtful >= before) {
        break;
      }
    }
    for (int i = 0; i < n; i++) {
      if (settled[i]) {
        continue;
      }
      if (seenHigh[i] - seenLow[i] + 1 >= MIN_POSSIBLE_VALUES) {
        ranges[i] = new Range(cells.get(i), seenLow[i], seenHigh[i]);
        continue;
      }
      double[] weights = new double[n];
      weights[i] = 1;
      long[] max = solve(t, cells, index, lines, lo, hi, weights, false);
      see(max, seenLow, seenHigh);
      if (seenHigh[i] - seenLow[i] + 1 < MIN_POSSIBLE_VALUES) {
        long[] min = solve(t, cells, index, lines, lo, hi, weights, true);
        see(min, seenLow, seenHigh);
        ranges[i] = new Range(cells.get(i), min[i], max[i]);
      } else {
        ranges[i] = new Range(cells.get(i), seenLow[i], seenHigh[i]);
      }
    }
    for (Range r : ranges) {
      if (r != null && !t.isShown(r.cell())) {
        out.add(r);
      }
    }
    return out;
  }

  /** Above any count in the table: a withheld count has no upper limit a reader knows of. */
  private static long cap(SuppressionTable t) {
    long most = 0;
    for (int c = 0; c < t.size(); c++) {
      most = Math.max(most, t.value(c));
    }
    return Math.max(UNBOUNDED_FLOOR, 10 * most);
  }

  private static void see(long[] solution, long[] seenLow, long[] seenHigh) {
    for (int i = 0; i < solution.length; i++) {
      seenLow[i] = Math.min(seenLow[i], solution[i]);
      seenHigh[i] = Math.max(seenHigh[i], solution[i]);
    }
  }

  /** Tightens each hidden count's bounds from the others' on every line, until nothing changes. */
  private static void propagate(
      SuppressionTable t, Map<Integer, Integer> index, List<int[]> lines, long[] lo, long[] hi) {
    boolean changed = true;
    for (int round = 0; changed && round < 100; round++) {
      changed = false;
      for (int[] line : lines) {
        // sum(sign * x) = rhs over the hidden counts
        long rhs = 0;
        long sumLo = 0;
        long sumHi = 0;
        for (int code : line) {
          int c = code >= 0 ? code : ~code;
          int sign = code >= 0 ? 1 : -1;
          Integer i = index.get(c);
          if (i == null) {
            rhs -= sign * t.value(c);
          } else {
            sumLo += sign > 0 ? lo[i] : -hi[i];
            sumHi += sign > 0 ? hi[i] : -lo[i];
          }
        }
        for (int code : line) {
          int c = code >= 0 ? code : ~code;
          int sign = code >= 0 ? 1 : -1;
          Integer i = index.get(c);
          if (i == null) {
            continue;
          }
          long ownLo = sign > 0 ? lo[i] : -hi[i];
          long ownHi = sign > 0 ? hi[i] : -lo[i];
          // sign * x = rhs - others, others in [sumLo - ownLo, sumHi - ownHi]
          long termLo = rhs - (sumHi - ownHi);
          long termHi = rhs - (sumLo - ownLo);
          long newLo = sign > 0 ? termLo : -termHi;
          long newHi = sign > 0 ? termHi : -termLo;
          if (newLo > lo[i]) {
            lo[i] = newLo;
            changed = true;
          }
          if (newHi < hi[i]) {
            hi[i] = newHi;
            changed = true;
          }
        }
      }
    }
  }

  /** One integer programme over the block: the values that optimise the weighted sum. */
  private static long[] solve(
      SuppressionTable t,
      List<Integer> cells,
      Map<Integer, Integer> index,
      List<int[]> lines,
      long[] lo,
      long[] hi,
      double[] weights,
      boolean minimise) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[] vars = new Variable[cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      vars[i] = model.addVariable("c" + cells.get(i)).integer(true).lower(lo[i]).upper(hi[i]);
      if (weights[i] != 0) {
        vars[i].weight(weights[i]);
      }
    }
    for (int[] line : lines) {
      Expression e = model.addExpression();
      long rhs = 0;
      for (int code : line) {
        int c = code >= 0 ? code : ~code;
        int sign = code >= 0 ? 1 : -1;
        Integer i = index.get(c);
        if (i == null) {
          rhs -= sign * t.value(c);
        } else {
          e.set(vars[i], sign);
        }
      }
      e.level(rhs);
    }
    Optimisation.Result r = minimise ? model.minimise() : model.maximise();
    if (!r.getState().isFeasible()) {
      throw new IllegalStateException(
          "disclosure audit: the shown figures admit no solution ("
              + r.getState()
              + "); the lines of the table do not hold for the true counts");
    }
    long[] out = new long[cells.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.round(r.doubleValue(i));
    }
    return out;
  }

  private static int find(int[] parent, int c) {
    while (parent[c] != c) {
      parent[c] = parent[parent[c]];
      c = parent[c];
    }
    return c;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }
}
