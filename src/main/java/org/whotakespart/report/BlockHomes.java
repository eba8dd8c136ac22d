package org.whotakespart.report;

import static org.whotakespart.report.DisclosureAudit.MIN_POSSIBLE_VALUES;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Certifies a block too large to solve whole, home by home. A count's home is the counts joined to
 * it by short lines: in a board table, one project's groups, answered, not answered and people, or
 * the all-projects figures. Long lines (a column of many projects to its all-projects cell) join
 * homes only through their totals, so each home is solved with the homes of those totals (its
 * parents): one project with the all-projects figures, every other project held at its true values.
 * A count still in doubt there is solved again with a few partner homes: those with the most counts
 * free to move on the long lines through the home's doubtful counts (another project can give up
 * the person this one gains). Each stage's hoods are solved side by side, reading only what earlier
 * stages saw, so the answer never depends on cores.
 */
final class BlockHomes {
  /**
   * A home still in doubt is solved again with this many partner homes, stage after stage (200
   * projects: 2,289 of 4,067 doubtful counts after their own homes, 228 with 4 partners, none with
   * 16).
   */
  private static final int[] PARTNERS = {4, 16};

  private final AuditBlock block;
  private final BlockLines lines;
  private final HoodSolver solver;

  /** Each count's home: a representative of the counts joined to it by short lines. */
  private final int[] home;

  /** Each home's counts, in the order of their first count. */
  private final Map<Integer, List<Integer>> members = new LinkedHashMap<>();

  /** Counts to solve together: the first {@code own} are the ones pushed one by one. */
  private record Hood(int[] counts, int own) {}

  /** The solutions found for one hood: its counts' indices, then one row per solution. */
  private record Witnesses(int[] hood, List<long[]> solutions) {}

  BlockHomes(AuditBlock block, BlockLines lines, HoodSolver solver) {
    this.block = block;
    this.lines = lines;
    this.solver = solver;
    home = homes();
    for (int i = 0; i < block.n; i++) {
      members.computeIfAbsent(home[i], k -> new ArrayList<>()).add(i);
    }
  }

  /** Solves each home with its parents, then the homes still in doubt with more partners. */
  void certify() {
    solveHoods(hoods(0));
    for (int partners : PARTNERS) {
      solveHoods(hoods(partners));
    }
  }

  private int[] homes() {
    UnionFind sets = new UnionFind(block.n);
    for (int l = 0; l < block.lines.size(); l++) {
      int[] counts = lines.counts()[l];
      if (!DisclosureAudit.isColumn(block.lines.get(l).length - 1)) { // the parts, then the total
        for (int k = 1; k < counts.length; k++) {
          sets.union(counts[0], counts[k]);
        }
      }
    }
    int[] out = new int[block.n];
    for (int i = 0; i < block.n; i++) {
      out[i] = sets.find(i);
    }
    return out;
  }

  /**
   * One hood for each home with a doubtful count: its own counts first, then its parents', then up
   * to {@code partners} partner homes'.
   */
  private List<Hood> hoods(int partners) {
    List<Hood> out = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : members.entrySet()) {
      List<Integer> own = e.getValue();
      if (own.stream().noneMatch(block::doubtful)) {
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
      out.add(new Hood(withoutHeld(hood, own.size()), own.size()));
    }
    return out;
  }

  /**
   * The hood without the counts its lines hold at their true values: a count on a line whose other
   * counts are all outside the hood (held there) can only keep its true value, and dropping it may
   * hold another. The solver then has the same solutions over fewer variables: a project's hood
   * held the whole all-projects home, about 500 counts, most of them held this way.
   */
  private int[] withoutHeld(LinkedHashSet<Integer> hood, int own) {
    List<Integer> order = new ArrayList<>(hood);
    boolean dropped = true;
    while (dropped) {
      dropped = false;
      for (int k = own; k < order.size(); k++) {
        int i = order.get(k);
        if (hood.contains(i) && heldByALine(i, hood)) {
          hood.remove(i);
          dropped = true;
        }
      }
    }
    return hood.stream().mapToInt(Integer::intValue).toArray();
  }

  private boolean heldByALine(int i, Set<Integer> hood) {
    for (int l : lines.through().get(i)) {
      boolean alone = true;
      for (int j : lines.counts()[l]) {
        alone &= j == i || !hood.contains(j);
      }
      if (alone) {
        return true;
      }
    }
    return false;
  }

  /** The homes of the totals of lines through these counts, in home order. */
  private Set<Integer> parents(List<Integer> own) {
    Set<Integer> parents = new TreeSet<>();
    for (int i : own) {
      for (int l : lines.through().get(i)) {
        int total = lines.total()[l];
        if (total >= 0 && home[total] != home[i]) {
          parents.add(home[total]);
        }
      }
    }
    return parents;
  }

  /**
   * The homes with the most counts free to move (not yet joined) on the lines through the doubtful
   * ones of {@code own}; ties in home order.
   */
  private List<Integer> partners(List<Integer> own, Set<Integer> joined, int most) {
    if (most == 0) {
      return List.of();
    }
    Map<Integer, Integer> free = new TreeMap<>();
    for (int i : own) {
      if (!block.doubtful(i)) {
        continue;
      }
      for (int l : lines.through().get(i)) {
        for (int v : lines.counts()[l]) {
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

  /** Solves the hoods side by side, then takes their solutions in the hoods' order. */
  private void solveHoods(List<Hood> hoods) {
    List<Witnesses> found =
        hoods.parallelStream()
            .map(h -> new Witnesses(h.counts(), homeSolutions(h.counts(), h.own())))
            .toList();
    for (Witnesses w : found) {
      block.see(w.solutions(), w.hood());
    }
  }

  /**
   * The hood's bulk pushes, then each of its first {@code own} counts still in doubt pushed up and
   * down on its own: linear relaxations (a solution that is not whole is not taken).
   */
  private List<long[]> homeSolutions(int[] hood, int own) {
    int[] hoodLines = lines.through(hood);
    List<long[]> found = block.bulkSolutions(solver, hood, hoodLines, false);
    for (int h = 0; h < own; h++) {
      for (boolean minimise : new boolean[] {false, true}) {
        if (!inDoubt(hood, h, found)) {
          break;
        }
        double[] weights = new double[hood.length];
        weights[h] = 1;
        long[] s = solver.solve(hood, hoodLines, weights, minimise, false);
        if (s != null) {
          found.add(s);
        }
      }
    }
    return found;
  }

  /** True while the hood's count {@code h} is doubtful after the solutions found. */
  private boolean inDoubt(int[] hood, int h, List<long[]> found) {
    if (!block.doubtful(hood[h])) {
      return false;
    }
    long low = block.seenLow[hood[h]];
    long high = block.seenHigh[hood[h]];
    for (long[] s : found) {
      low = Math.min(low, s[h]);
      high = Math.max(high, s[h]);
    }
    return high - low + 1 < MIN_POSSIBLE_VALUES;
  }
}
