package org.whotakespart.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One block of a table's hidden counts: those that share a line, directly or through other hidden
 * counts, with the lines through them. Blocks share no hidden count, so each is audited on its own.
 * Lines are encoded as the parts followed by the total, negated: {@code parts..., ~total}.
 *
 * @param cells the block's hidden counts, in table order
 * @param lines every line through the block, in the table's order
 */
record HiddenBlock(List<Integer> cells, List<int[]> lines) {

  /** The table's blocks, in the order of their first count. */
  static List<HiddenBlock> of(SuppressionTable t) {
    return of(t, false);
  }

  /**
   * @param homesOnly true to leave out the columns of projects: the blocks are then homes, each
   *     with its own short lines ({@link HomeBounds})
   */
  static List<HiddenBlock> of(SuppressionTable t, boolean homesOnly) {
    UnionFind sets = new UnionFind(t.size());
    List<int[]> lines =
        t.equations().stream()
            .filter(line -> !homesOnly || !DisclosureAudit.isColumn(line.length - 1))
            .toList();
    for (int[] line : lines) {
      int first = -1;
      for (int code : line) {
        int c = code >= 0 ? code : ~code;
        if (!t.isKnownToReader(c)) {
          if (first < 0) {
            first = c;
          } else {
            sets.union(first, c);
          }
        }
      }
    }
    Map<Integer, List<Integer>> blocks = new LinkedHashMap<>();
    for (int c = 0; c < t.size(); c++) {
      if (!t.isKnownToReader(c)) {
        blocks.computeIfAbsent(sets.find(c), k -> new ArrayList<>()).add(c);
      }
    }
    Map<Integer, List<int[]>> linesOf = linesOf(t, lines, sets);
    List<HiddenBlock> out = new ArrayList<>(blocks.size());
    for (Map.Entry<Integer, List<Integer>> block : blocks.entrySet()) {
      out.add(new HiddenBlock(block.getValue(), linesOf.getOrDefault(block.getKey(), List.of())));
    }
    return out;
  }

  /** The lines through each block, by the block's representative. */
  private static Map<Integer, List<int[]>> linesOf(
      SuppressionTable t, List<int[]> lines, UnionFind sets) {
    Map<Integer, List<int[]>> linesOf = new HashMap<>();
    for (int[] line : lines) {
      for (int code : line) {
        int c = code >= 0 ? code : ~code;
        if (!t.isKnownToReader(c)) {
          linesOf.computeIfAbsent(sets.find(c), k -> new ArrayList<>()).add(line);
          break;
        }
      }
    }
    return linesOf;
  }
}
