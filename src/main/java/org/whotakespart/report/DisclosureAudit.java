package org.whotakespart.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
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

  /**
   * Every hidden count's range, and those narrowed below the rule; of those, how many are only not
   * shown to pass (in a block too large to solve whole, no hood found three values).
   */
  public record Result(Map<Integer, Range> ranges, List<Range> failing, Set<Integer> unproven) {
    public boolean passes() {
      return failing.isEmpty();
    }

    public int hidden() {
      return ranges.size();
    }
  }

  private DisclosureAudit() {}

  static {
    // ojAlgo's classes initialise one another in a cycle: two threads making their first models at
    // once can each wait for the other's class forever (seen here: a report hung with both solver
    // threads idle). One small integer programme and one linear programme on this thread first.
    for (boolean integer : new boolean[] {true, false}) {
      ExpressionsBasedModel model = new ExpressionsBasedModel();
      Variable x = model.addVariable("x").integer(integer).lower(0).upper(2).weight(1);
      Variable y = model.addVariable("y").integer(integer).lower(0).upper(2);
      model.addExpression().set(x, 1).set(y, 1).level(2);
      model.maximise();
    }
  }

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
    Map<Integer, Range> certified = exact ? t.certified() : Map.of();
    List<BlockResult> solved =
        order.parallelStream()
            .map(
                block ->
                    block(
                        t,
                        block.getValue(),
                        linesOf.getOrDefault(block.getKey(), List.of()),
                        exact,
                        cap,
                        certified))
            .toList();
    Set<Integer> unproven = new HashSet<>();
    for (BlockResult b : solved) {
      for (Range r : b.ranges()) {
        ranges.put(r.cell(), r);
        if (r.possibleValues() < MIN_POSSIBLE_VALUES) {
          failing.add(r);
        } else if (exact) {
          t.certify(r);
        }
      }
      unproven.addAll(b.unproven());
    }
    return new Result(ranges, failing, unproven);
  }

  private record BlockResult(List<Range> ranges, List<Integer> unproven) {}

  /**
   * One block of hidden counts. Lines are encoded as the parts followed by the total, negated:
   * {@code parts..., ~total}. Four steps, each sound:
   *
   * <ol>
   *   <li>bounds propagated along the lines hold for every solution, so a count whose propagated
   *       range is narrower than the rule fails without a solver;
   *   <li>every solution the solver returns is a set of values a reader cannot rule out, so a count
   *       seen at values at least two apart passes, and every solution is checked to hold exactly
   *       before it counts;
   *   <li>in a block of at most {@link #EXACT_LIMIT} counts, the whole block is pushed up, then
   *       down, which certifies most counts at once, and each count still in doubt gets its own
   *       minimum and maximum: exact;
   *   <li>in a larger block (a whole programme took over five minutes at 200 projects, and never
   *       finished at 2,000), the solver works on one hood at a time: a project's counts with the
   *       all-projects ones, then with partner projects ({@link Block#byHome}), every other count
   *       held at its true value, so that each solution is still a solution of the whole table. A
   *       count no hood certifies fails as unproven: the protection withholds more rather than
   *       publish what it cannot show to be safe.
   * </ol>
   */
  private static BlockResult block(
      SuppressionTable t,
      List<Integer> cells,
      List<int[]> lines,
      boolean exact,
      long cap,
      Map<Integer, Range> certified) {
    return new Block(t, cells, lines, cap).audit(exact, certified);
  }

  /**
   * A home still in doubt is solved again with this many partner homes, stage after stage (200
   * projects: 2,289 of 4,067 doubtful counts after their own homes, 228 with 4 partners, none with
   * 16).
   */
  private static final int[] PARTNERS = {4, 16};

  /**
   * A line of at most this many parts joins its counts into one home (a characteristic's groups
   * have at most 19); a longer one is a column of projects.
   */
  static final int SHORT_LINE = 25;

  /** True for a line of this many parts that is a column of projects, not one project's own. */
  static boolean isColumn(int parts) {
    return parts > SHORT_LINE;
  }

  /**
   * Blocks of at most this many counts are settled exactly (the sample's largest: 1,144); above it
   * an integer programme over the whole block takes minutes to hours (200 projects: 7,332).
   */
  public static final int EXACT_LIMIT = 3_000;

  /** The solutions found for one hood: its counts' indices, then one row per solution. */
  private record Witnesses(int[] hood, List<long[]> solutions) {}

  private static final class Block {
    private final SuppressionTable t;
    private final List<Integer> cells;
    private final List<int[]> lines;
    private final Map<Integer, Integer> index = new HashMap<>();
    private final int n;
    private final long[] lo;
    private final long[] hi;
    private final long[] seenLow;
    private final long[] seenHigh;
    private final boolean[] settled;
    private final Range[] ranges;

    /**
     * Each line's counts in this block (block indices), its total's (or −1), and lines by count.
     */
    private int[][] lineCounts;

    private int[] lineTotal;
    private List<List<Integer>> linesOf;

    Block(SuppressionTable t, List<Integer> cells, List<int[]> lines, long cap) {
      this.t = t;
      this.cells = cells;
      this.lines = lines;
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

    BlockResult audit(boolean exact, Map<Integer, Range> certified) {
      propagate(t, index, lines, lo, hi);
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
      if (lines.isEmpty() || !exact) {
        List<Range> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (!t.isShown(cells.get(i))) {
            out.add(ranges[i] != null ? ranges[i] : new Range(cells.get(i), lo[i], hi[i]));
          }
        }
        return new BlockResult(out, List.of());
      }
      indexLines();
      if (n > t.exactLimit()) {
        byHome();
      } else {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
          all[i] = i;
        }
        bulk(all, allLines());
        eachInDoubt(all, allLines());
      }
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
      return new BlockResult(out, unproven);
    }

    private boolean doubtful(int i) {
      return !settled[i] && ranges[i] == null && seenHigh[i] - seenLow[i] + 1 < MIN_POSSIBLE_VALUES;
    }

    /** Pairs of solves pushing every doubtful count of the hood up, then down. */
    private void bulk(int[] hood, int[] hoodLines) {
      see(bulkSolutions(hood, hoodLines, true), hood);
    }

    /**
     * The solutions of up to {@link #BULK_ROUNDS} pairs of solves, each pushing the hood's doubtful
     * counts away from where they have been seen so far.
     */
    private List<long[]> bulkSolutions(int[] hood, int[] hoodLines, boolean integer) {
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
            long[] s = solve(hood, hoodLines, weights, !up, integer);
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
    private void eachInDoubt(int[] hood, int[] hoodLines) {
      for (int h = 0; h < hood.length; h++) {
        int i = hood[h];
        if (!doubtful(i)) {
          continue;
        }
        double[] weights = new double[hood.length];
        weights[h] = 1;
        for (boolean minimise : new boolean[] {false, true}) {
          long[] s = solve(hood, hoodLines, weights, minimise, true);
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

    /**
     * Certifies counts home by home. A count's home is the counts joined to it by short lines: in a
     * board table, one project's groups, answered, not answered and people, or the all-projects
     * figures. Long lines (a column of many projects to its all-projects cell) join homes only
     * through their totals, so each home is solved with the homes of those totals (its parents):
     * one project with the all-projects figures, every other project held at its true values. A
     * count still in doubt there is solved again with a few partner homes: those with the most
     * counts free to move on the long lines through the home's doubtful counts (another project can
     * give up the person this one gains). Each stage's hoods are solved side by side, reading only
     * what earlier stages saw, so the answer never depends on cores.
     */
    private void byHome() {
      Homes homes = new Homes(homes());
      solveHoods(homes.hoods(0));
      for (int partners : PARTNERS) {
        solveHoods(homes.hoods(partners));
      }
    }

    /** The homes of a block, and the hoods to solve them in. */
    private final class Homes {
      private final int[] home;
      private final Map<Integer, List<Integer>> members = new LinkedHashMap<>();

      Homes(int[] home) {
        this.home = home;
        for (int i = 0; i < n; i++) {
          members.computeIfAbsent(home[i], k -> new ArrayList<>()).add(i);
        }
      }

      /**
       * One hood for each home with a doubtful count: its own counts first, then its parents', then
       * up to {@code partners} partner homes'.
       */
      List<Hood> hoods(int partners) {
        List<Hood> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : members.entrySet()) {
          List<Integer> own = e.getValue();
          if (own.stream().noneMatch(i -> doubtful(i))) {
            continue;
          }
          LinkedHashSet<Integer> hood = new LinkedHashSet<>(own);
          Set<Integer> joined = new HashSet<>(Set.of(e.getKey()));
          for (int p : parents(own)) {
            joined.add(p);
            hood.addAll(members.get(p));
          }
          for (int q : partners(own, joined, partners)) {
            hood.addAll(members.get(q));
          }
          out.add(new Hood(hood.stream().mapToInt(Integer::intValue).toArray(), own.size()));
        }
        return out;
      }

      /** The homes of the totals of lines through these counts, in home order. */
      private Set<Integer> parents(List<Integer> own) {
        Set<Integer> parents = new TreeSet<>();
        for (int i : own) {
          for (int l : linesOf.get(i)) {
            int total = lineTotal[l];
            if (total >= 0 && home[total] != home[i]) {
              parents.add(home[total]);
            }
          }
        }
        return parents;
      }

      /**
       * The homes with the most counts free to move (not yet joined) on the lines through the
       * doubtful ones of {@code own}; ties in home order.
       */
      private List<Integer> partners(List<Integer> own, Set<Integer> joined, int most) {
        if (most == 0) {
          return List.of();
        }
        Map<Integer, Integer> free = new TreeMap<>();
        for (int i : own) {
          if (!doubtful(i)) {
            continue;
          }
          for (int l : linesOf.get(i)) {
            for (int v : lineCounts[l]) {
              if (!joined.contains(home[v])) {
                free.merge(home[v], 1, Integer::sum);
              }
            }
          }
        }
        return free.entrySet().stream()
            .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
            .limit(most)
            .map(Map.Entry::getKey)
            .toList();
      }
    }

    /** Counts to solve together: the first {@code own} are the ones pushed one by one. */
    private record Hood(int[] counts, int own) {}

    /** Solves the hoods side by side, then takes their solutions in the hoods' order. */
    private void solveHoods(List<Hood> hoods) {
      List<Witnesses> found =
          hoods.parallelStream()
              .map(h -> new Witnesses(h.counts(), homeSolutions(h.counts(), h.own())))
              .toList();
      for (Witnesses w : found) {
        see(w.solutions(), w.hood());
      }
    }

    /** Each count's home: a representative of the counts joined to it by short lines. */
    private int[] homes() {
      int[] parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
      for (int l = 0; l < lines.size(); l++) {
        int[] counts = lineCounts[l];
        if (!isColumn(lines.get(l).length - 1)) { // the line's parts, then its total
          for (int k = 1; k < counts.length; k++) {
            union(parent, counts[0], counts[k]);
          }
        }
      }
      int[] home = new int[n];
      for (int i = 0; i < n; i++) {
        home[i] = find(parent, i);
      }
      return home;
    }

    /**
     * The hood's bulk pushes, then each of its first {@code own} counts still in doubt pushed up
     * and down on its own: linear relaxations (a solution that is not whole is not taken).
     */
    private List<long[]> homeSolutions(int[] hood, int own) {
      int[] hoodLines = linesThrough(hood);
      List<long[]> found = bulkSolutions(hood, hoodLines, false);
      for (int h = 0; h < own; h++) {
        for (boolean minimise : new boolean[] {false, true}) {
          if (!inDoubt(hood, h, found)) {
            break;
          }
          double[] weights = new double[hood.length];
          weights[h] = 1;
          long[] s = solve(hood, hoodLines, weights, minimise, false);
          if (s != null) {
            found.add(s);
          }
        }
      }
      return found;
    }

    /** True while the hood's count {@code h} is doubtful after the solutions found. */
    private boolean inDoubt(int[] hood, int h, List<long[]> found) {
      if (!doubtful(hood[h])) {
        return false;
      }
      long low = seenLow[hood[h]];
      long high = seenHigh[hood[h]];
      for (long[] s : found) {
        low = Math.min(low, s[h]);
        high = Math.max(high, s[h]);
      }
      return high - low + 1 < MIN_POSSIBLE_VALUES;
    }

    private void see(List<long[]> solutions, int[] hood) {
      for (long[] s : solutions) {
        for (int h = 0; h < hood.length; h++) {
          seenLow[hood[h]] = Math.min(seenLow[hood[h]], s[h]);
          seenHigh[hood[h]] = Math.max(seenHigh[hood[h]], s[h]);
        }
      }
    }

    private void indexLines() {
      lineCounts = new int[lines.size()][];
      lineTotal = new int[lines.size()];
      linesOf = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        linesOf.add(new ArrayList<>());
      }
      for (int l = 0; l < lines.size(); l++) {
        int[] line = lines.get(l);
        int[] counts = new int[line.length];
        int k = 0;
        lineTotal[l] = -1;
        for (int code : line) {
          Integer i = index.get(code >= 0 ? code : ~code);
          if (i != null) {
            counts[k++] = i;
            linesOf.get(i).add(l);
            if (code < 0) {
              lineTotal[l] = i;
            }
          }
        }
        lineCounts[l] = Arrays.copyOf(counts, k);
      }
    }

    /** Every line through a count of the hood, once each, in line order. */
    private int[] linesThrough(int[] hood) {
      TreeSet<Integer> ls = new TreeSet<>();
      for (int i : hood) {
        ls.addAll(linesOf.get(i));
      }
      return ls.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every line of the block. */
    private int[] allLines() {
      return IntStream.range(0, lines.size()).toArray();
    }

    /** +1 for a part of line {@code l}, −1 for its total. */
    private int sign(int l, int i) {
      return lineTotal[l] == i ? -1 : 1;
    }

    /**
     * One programme over the hood, every other count held at its true value: the values that
     * optimise the weighted sum, in the hood's order. Each line holds for the true values ({@link
     * SuppressionTable#line} refuses one that does not), so with the others held, a line holds
     * exactly when its hood counts keep their true sum: only they enter the model, however many
     * projects the line runs through.
     */
    private long[] solve(
        int[] hood, int[] hoodLines, double[] weights, boolean minimise, boolean integer) {
      ExpressionsBasedModel model = new ExpressionsBasedModel();
      int[] at = positions(hood);
      Variable[] vars = new Variable[hood.length];
      for (int h = 0; h < hood.length; h++) {
        int i = hood[h];
        vars[h] = model.addVariable("c" + cells.get(i)).integer(integer).lower(lo[i]).upper(hi[i]);
        if (weights[h] != 0) {
          vars[h].weight(weights[h]);
        }
      }
      for (int l : hoodLines) {
        Expression e = model.addExpression();
        long rhs = 0;
        for (int i : lineCounts[l]) {
          if (at[i] >= 0) {
            e.set(vars[at[i]], sign(l, i));
            rhs += sign(l, i) * t.value(cells.get(i));
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
      long[] out = new long[hood.length];
      for (int h = 0; h < out.length; h++) {
        out[h] = Math.round(r.doubleValue(h));
      }
      return holds(hood, at, out) ? out : null;
    }

    /** Each block count's position in the hood, or −1. */
    private int[] positions(int[] hood) {
      int[] at = new int[n];
      Arrays.fill(at, -1);
      for (int h = 0; h < hood.length; h++) {
        at[hood[h]] = h;
      }
      return at;
    }

    /**
     * True when the rounded solution is one a reader cannot rule out: every count within what the
     * reader knows of it, every line adding up exactly (its hood counts keep their true sum; the
     * rest of the line is held). A solver works to a tolerance; a solution that does not hold
     * exactly is never taken as a witness.
     */
    private boolean holds(int[] hood, int[] at, long[] s) {
      for (int h = 0; h < hood.length; h++) {
        int i = hood[h];
        if (s[h] < lo[i] || s[h] > hi[i]) {
          return false;
        }
      }
      // every line through a hood count, found afresh rather than from the model's lines
      for (int i : hood) {
        for (int l : linesOf.get(i)) {
          long change = 0;
          for (int j : lineCounts[l]) {
            if (at[j] >= 0) {
              change += sign(l, j) * (s[at[j]] - t.value(cells.get(j)));
            }
          }
          if (change != 0) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** Above any count in the table: a withheld count has no upper limit a reader knows of. */
  private static long cap(SuppressionTable t) {
    long most = 0;
    for (int c = 0; c < t.size(); c++) {
      most = Math.max(most, t.value(c));
    }
    return Math.max(UNBOUNDED_FLOOR, 10 * most);
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
