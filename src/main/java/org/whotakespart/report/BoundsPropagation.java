package org.whotakespart.report;

import java.util.List;
import java.util.Map;

/**
 * The audit's first step, with no solver: bounds propagated along the lines hold for every
 * solution, so a count whose propagated range is narrower than the rule fails for certain.
 */
final class BoundsPropagation {
  private BoundsPropagation() {}

  /**
   * Tightens each hidden count's bounds from the others' on every line, until nothing changes.
   *
   * @param index each hidden cell's position in {@code lo} and {@code hi}
   */
  static void propagate(
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
}
