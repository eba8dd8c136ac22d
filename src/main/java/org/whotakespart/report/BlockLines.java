package org.whotakespart.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * A block's lines by block index: each line's counts in the block, its total's (or −1), and the
 * lines through each count.
 *
 * @param counts each line's counts in this block (block indices)
 * @param total each line's total in this block, or −1
 * @param through the lines through each count, in line order
 */
record BlockLines(int[][] counts, int[] total, List<List<Integer>> through) {

  /**
   * @param index each table cell's block index, for the cells of the block
   * @param n the block's size
   */
  static BlockLines of(List<int[]> lines, Map<Integer, Integer> index, int n) {
    int[][] lineCounts = new int[lines.size()][];
    int[] lineTotal = new int[lines.size()];
    List<List<Integer>> linesOf = new ArrayList<>(n);
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
    return new BlockLines(lineCounts, lineTotal, linesOf);
  }

  /** Every line through a count of the hood, once each, in line order. */
  int[] through(int[] hood) {
    TreeSet<Integer> ls = new TreeSet<>();
    for (int i : hood) {
      ls.addAll(through.get(i));
    }
    return ls.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Every line of the block. */
  int[] all() {
    return IntStream.range(0, counts.length).toArray();
  }

  /** +1 for a part of line {@code l}, −1 for its total. */
  int sign(int l, int i) {
    return total[l] == i ? -1 : 1;
  }
}
