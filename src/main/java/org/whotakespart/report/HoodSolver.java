package org.whotakespart.report;

import java.util.Arrays;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The audit's solver step: one programme over a hood of a block's counts, every other count held at
 * its true value, and a check that each solution holds exactly before it counts as a witness.
 */
final class HoodSolver {
  private final AuditBlock block;
  private final BlockLines lines;

  HoodSolver(AuditBlock block, BlockLines lines) {
    this.block = block;
    this.lines = lines;
  }

  /**
   * The values that optimise the weighted sum, in the hood's order, or null when the rounded
   * solution does not hold exactly. Each line holds for the true values ({@link
   * SuppressionTable#line} refuses one that does not), so with the others held, a line holds
   * exactly when its hood counts keep their true sum: only they enter the model, however many
   * projects the line runs through.
   */
  long[] solve(int[] hood, int[] hoodLines, double[] weights, boolean minimise, boolean integer) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    int[] at = positions(hood);
    Variable[] vars = new Variable[hood.length];
    for (int h = 0; h < hood.length; h++) {
      int i = hood[h];
      vars[h] =
          model
              .addVariable("c" + block.cells.get(i))
              .integer(integer)
              .lower(block.lo[i])
              .upper(block.hi[i]);
      if (weights[h] != 0) {
        vars[h].weight(weights[h]);
      }
    }
    for (int l : hoodLines) {
      Expression e = model.addExpression();
      long rhs = 0;
      for (int i : lines.counts()[l]) {
        if (at[i] >= 0) {
          e.set(vars[at[i]], lines.sign(l, i));
          rhs += lines.sign(l, i) * block.t.value(block.cells.get(i));
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
    int[] at = new int[block.n];
    Arrays.fill(at, -1);
    for (int h = 0; h < hood.length; h++) {
      at[hood[h]] = h;
    }
    return at;
  }

  /**
   * True when the rounded solution is one a reader cannot rule out: every count within what the
   * reader knows of it, every line adding up exactly (its hood counts keep their true sum; the rest
   * of the line is held). A solver works to a tolerance; a solution that does not hold exactly is
   * never taken as a witness.
   */
  private boolean holds(int[] hood, int[] at, long[] s) {
    for (int h = 0; h < hood.length; h++) {
      int i = hood[h];
      if (s[h] < block.lo[i] || s[h] > block.hi[i]) {
        return false;
      }
    }
    // every line through a hood count, found afresh rather than from the model's lines
    for (int i : hood) {
      for (int l : lines.through().get(i)) {
        long change = 0;
        for (int j : lines.counts()[l]) {
          if (at[j] >= 0) {
            change += lines.sign(l, j) * (s[at[j]] - block.t.value(block.cells.get(j)));
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
