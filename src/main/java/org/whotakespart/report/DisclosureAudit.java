package org.whotakespart.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ojalgo.optimisation.ExpressionsBasedModel;
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
 *
 * <p>The steps sit beside this class: {@link HiddenBlock} finds the blocks; {@link AuditBlock}
 * audits one, first with {@link BoundsPropagation}, then with {@link HoodSolver}, home by home
 * ({@link BlockHomes}) where a block is too large to solve whole.
 */
public final class DisclosureAudit {
  /** A hidden count must have at least this many possible values. */
  public static final int MIN_POSSIBLE_VALUES = 3;

  /**
   * A withheld count's upper limit in the solver, "no limit" in practice: ten times the largest
   * count in the table, and at least this.
   */
  static final long UNBOUNDED_FLOOR = 1_000_000L;

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
    List<HiddenBlock> blocks = HiddenBlock.of(t);
    // Worked out once: a scan of the whole table per block made the audit quadratic (2,000
    // projects: thousands of blocks times millions of cells).
    long cap = cap(t);
    Map<Integer, Range> certified = exact ? t.certified() : Map.of();
    // Blocks share no hidden count, so each is solved on its own, on every core (the sample's
    // audit was a third of its report's processor time, nearly all in the solver); the results
    // are taken in the blocks' order, so the answer is the same as one block after another.
    List<AuditBlock.Outcome> solved =
        blocks.parallelStream()
            .map(block -> new AuditBlock(t, block, cap).audit(exact, certified))
            .toList();
    Map<Integer, Range> ranges = new LinkedHashMap<>();
    List<Range> failing = new ArrayList<>();
    Set<Integer> unproven = new HashSet<>();
    for (AuditBlock.Outcome b : solved) {
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

  /** Above any count in the table: a withheld count has no upper limit a reader knows of. */
  static long cap(SuppressionTable t) {
    long most = 0;
    for (int c = 0; c < t.size(); c++) {
      most = Math.max(most, t.value(c));
    }
    return Math.max(UNBOUNDED_FLOOR, 10 * most);
  }
}
