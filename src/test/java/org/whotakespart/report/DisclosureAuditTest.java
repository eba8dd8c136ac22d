package org.whotakespart.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit's ranges worked by hand, and protection that leaves every range three wide. */
class DisclosureAuditTest {

  /** Broad Black 35 = African 23 + Caribbean 9 + other Black (hidden): other Black is 3. */
  @Test
  void broadMinusDetailedGivesTheHiddenGroupAway() {
    SuppressionTable t = new SuppressionTable(5);
    int african = t.cell(23);
    int caribbean = t.cell(9);
    int other = t.cell(3);
    int broad = t.cell(35);
    t.line(List.of(african, caribbean, other), broad);
    // With exact counts shown, other Black would be 35 - 23 - 9 = 3.
    // Rounded (35, 25, 10: 33-37, 23-27, 8-12), it could be 1 to 4.
    // The bounds along the line are the reader's range; the audit reports the values it saw in
    // solutions for a count that passes (at least three, within that range).
    assertEquals(
        new DisclosureAudit.Range(other, 1, 4),
        DisclosureAudit.audit(t, false).ranges().get(other));
    DisclosureAudit.Result a = t.audit();
    DisclosureAudit.Range seen = a.ranges().get(other);
    assertTrue(seen.min() >= 1 && seen.max() <= 4 && seen.possibleValues() >= 3, seen::toString);
    assertTrue(a.passes());
  }

  /**
   * Chained totals (the religion case): over all projects, Buddhist and Other religion are
   * both "fewer than 5" and leave 4 between them, and Other religion is three hidden project cells,
   * so Other is at least 3: Other is 3 and Buddhist 1. Each line alone looks safe; the line of
   * projects is not even checked by a rule that skips hidden totals.
   */
  @Test
  void chainedTotalsAreSolvedTogether() {
    SuppressionTable t = new SuppressionTable(5);
    int christian = t.cell(20);
    int buddhist = t.cell(1);
    int other = t.cell(3);
    int known = t.cell(24);
    t.line(List.of(christian, buddhist, other), known);
    List<Integer> projects = List.of(t.cell(1), t.cell(1), t.cell(1));
    t.line(projects, other);
    int b1 = t.cell(1);
    t.line(List.of(b1), buddhist);
    t.protect();
    assertTrue(t.audit().passes(), () -> t.audit().failing().toString());
    assertTrue(t.audit().ranges().values().stream().allMatch(r -> r.possibleValues() >= 3));
  }

  @Test
  void aTinyScopeWidensItsTotalRatherThanPublishANarrowRange() {
    // 3 people, three groups of 1: sum of three "fewer than 5" cells is at most 4, so each is 1 or
    // 2 until the total is widened to withheld.
    SuppressionTable t = new SuppressionTable(5);
    List<Integer> parts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      parts.add(t.cell(1));
    }
    parts.add(t.cell(0));
    int known = t.cell(3);
    t.line(parts, known);
    assertFalse(t.audit().passes());
    t.protect();
    assertTrue(t.audit().passes());
    assertEquals(SuppressionTable.Shown.WITHHELD, t.shown(known));
    assertTrue(t.isShown(parts.get(3)), "zeros stay shown");
  }

  @Test
  void aHiddenCountWithNoLineHasItsFourValues() {
    SuppressionTable t = new SuppressionTable(5);
    int c = t.cell(2);
    assertEquals(4, t.audit().ranges().get(c).possibleValues());
    assertTrue(t.audit().passes());
  }

  /**
   * A table too large to solve whole is certified hood by hood (a project's counts with the
   * all-projects ones, then with partner projects), after the moves or, here also, without them.
   * Whatever that passes must pass the exact audit of the whole table (one integer programme per
   * count, no moves): the hoods may withhold more than needed, never less.
   */
  @Test
  void hoodsPassOnlyWhatTheWholeTableAllows() {
    for (boolean moves : new boolean[] {true, false}) {
      SuppressionTable local = moves ? linkedProjects(10) : linkedProjects(10).withoutMoves();
      assertFalse(local.audit().passes(), "the data tempts: some counts are given away as shown");
      local.protect();
      DisclosureAudit.Result byHood = local.audit();
      assertTrue(byHood.passes(), () -> byHood.failing().toString());

      SuppressionTable whole = linkedProjects(Integer.MAX_VALUE).withoutMoves();
      for (int c = 0; c < whole.size(); c++) {
        whole.show(c, local.shown(c));
      }
      DisclosureAudit.Result exact = whole.audit();
      assertTrue(exact.passes(), () -> "narrowed: " + exact.failing());
      assertEquals(local.hiddenCount(), exact.hidden());
    }
  }

  /**
   * Before any protection: no count the hoods pass is one the exact audit fails. Seed 5 gives three
   * counts that only the integer programme narrows (bounds along single lines do not), so a hood
   * that lost a line of the table would pass them.
   */
  @Test
  void hoodsNeverPassACountTheExactAuditFails() {
    for (long seed : new long[] {20261201, 5, -5}) {
      // the negative seed: the same table, the hoods without the moves
      SuppressionTable local = linkedProjects(10, Math.abs(seed), 4);
      DisclosureAudit.Result byHood = (seed < 0 ? local.withoutMoves() : local).audit();
      SuppressionTable whole = linkedProjects(Integer.MAX_VALUE, Math.abs(seed), 4).withoutMoves();
      DisclosureAudit.Result exact = whole.audit();
      assertFalse(exact.passes());
      Set<Integer> byBounds = new HashSet<>();
      DisclosureAudit.audit(whole, false).failing().forEach(r -> byBounds.add(r.cell()));
      int beyondBounds = 0;
      for (DisclosureAudit.Range narrowed : exact.failing()) {
        DisclosureAudit.Range r = byHood.ranges().get(narrowed.cell());
        assertTrue(
            r.possibleValues() < DisclosureAudit.MIN_POSSIBLE_VALUES,
            () -> "passed " + r + " though a reader narrows it to " + narrowed);
        beyondBounds += byBounds.contains(narrowed.cell()) ? 0 : 1;
      }
      if (Math.abs(seed) == 5) {
        assertEquals(3, beyondBounds, "counts only the integer programme narrows");
      }
    }
  }

  /**
   * The protection's first pass works home by home, leaving out the columns of projects: every
   * count it fails, a reader solving the whole table narrows too.
   */
  @Test
  void theHomePassFailsOnlyWhatAReaderNarrows() {
    for (long seed : new long[] {20261201, 5, 11}) {
      SuppressionTable whole = linkedProjects(Integer.MAX_VALUE, seed, 4);
      List<DisclosureAudit.Range> byHome = new HomeBounds(whole).failing(null);
      assertFalse(
          byHome.isEmpty(), "the data tempts: some counts are given away by their own lines");
      Set<Integer> exact = new HashSet<>();
      whole.audit().failing().forEach(r -> exact.add(r.cell()));
      for (DisclosureAudit.Range r : byHome) {
        assertTrue(
            exact.contains(r.cell()), () -> "failed " + r + ", which a reader cannot narrow");
      }
    }
  }

  /** A round works out again only the homes it changed, and agrees with a pass from scratch. */
  @Test
  void theHomePassWorksOutAgainWhatChanged() {
    SuppressionTable t = linkedProjects(10);
    HomeBounds homes = new HomeBounds(t);
    List<DisclosureAudit.Range> before = homes.failing(null);
    Set<Integer> changed = new HashSet<>();
    for (DisclosureAudit.Range r : before) {
      if (t.shown(r.cell()) == SuppressionTable.Shown.FEWER_THAN && changed.size() < 5) {
        t.show(r.cell(), SuppressionTable.Shown.WITHHELD);
        changed.add(r.cell());
      }
    }
    assertEquals(5, changed.size());
    List<DisclosureAudit.Range> after = homes.failing(changed);
    assertNotEquals(before, after);
    assertEquals(new HomeBounds(t).failing(null), after);
  }

  /**
   * Every witness the search without a solver finds is a solution of the whole table: each count it
   * moves stays within what a reader knows of it, and every line adds up with the values it gives.
   */
  @Test
  void everyMoveFoundIsASolutionOfTheWholeTable() {
    int witnesses = 0;
    for (long seed : new long[] {20261201, 5, 11}) {
      SuppressionTable t = linkedProjects(Integer.MAX_VALUE, seed, 4);
      for (HiddenBlock b : HiddenBlock.of(t)) {
        AuditBlock block = new AuditBlock(t, b, DisclosureAudit.cap(t));
        Map<Integer, Integer> index = new HashMap<>();
        b.cells().forEach(c -> index.put(c, index.size()));
        MoveSearch search =
            new MoveSearch(block, BlockLines.of(b.lines(), index, b.cells().size()));
        for (int i = 0; i < b.cells().size(); i++) {
          if (t.isShown(b.cells().get(i))) {
            continue;
          }
          for (MoveSearch.Witness w : search.witnesses(i)) {
            Map<Integer, Long> values = new HashMap<>();
            for (int k = 0; k < w.counts().length; k++) {
              int cell = b.cells().get(w.counts()[k]);
              long v = w.values()[k];
              assertTrue(v >= t.lowest(cell) && v <= t.highest(cell), () -> cell + " at " + v);
              values.put(cell, v);
            }
            for (int[] line : t.equations()) {
              long sum = 0;
              for (int code : line) {
                int c = code >= 0 ? code : ~code;
                sum += (code >= 0 ? 1 : -1) * values.getOrDefault(c, t.value(c));
              }
              assertEquals(0, sum, () -> "a line does not add up with " + values);
            }
            witnesses++;
          }
        }
      }
    }
    assertTrue(witnesses > 100, "the search finds witnesses: " + witnesses);
  }

  /**
   * 40 projects of 6 groups (the first three detailed groups of one broad group): each project's
   * groups add up to its people answering, each group over the projects to the all-projects cell,
   * the detailed groups to the broad one in every scope. Small counts, as in small projects.
   */
  private static SuppressionTable linkedProjects(int exactLimit) {
    return linkedProjects(exactLimit, 20261201, 4);
  }

  private static SuppressionTable linkedProjects(int exactLimit, long seed, int small) {
    SuppressionTable t = new SuppressionTable(5, exactLimit);
    Random random = new Random(seed);
    int projects = 40;
    int groups = 6;
    long[][] counts = new long[projects][groups];
    for (long[] row : counts) {
      for (int g = 0; g < groups; g++) {
        row[g] = random.nextInt(10) < 3 ? 0 : 1 + random.nextInt(g < 3 ? small : 12);
      }
    }
    int[][] cell = new int[projects][groups];
    int[] broad = new int[projects];
    for (int p = 0; p < projects; p++) {
      long answered = 0;
      List<Integer> row = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        cell[p][g] = t.cell(counts[p][g]);
        row.add(cell[p][g]);
        answered += counts[p][g];
      }
      t.line(row, t.headCount(answered));
      broad[p] = t.cell(counts[p][0] + counts[p][1] + counts[p][2]);
      t.line(List.of(cell[p][0], cell[p][1], cell[p][2]), broad[p]);
    }
    List<Integer> allRow = new ArrayList<>();
    long allAnswered = 0;
    for (int g = 0; g < groups; g++) {
      List<Integer> column = new ArrayList<>();
      long sum = 0;
      for (int p = 0; p < projects; p++) {
        column.add(cell[p][g]);
        sum += counts[p][g];
      }
      int all = t.cell(sum);
      t.line(column, all);
      allRow.add(all);
      allAnswered += sum;
    }
    t.line(allRow, t.headCount(allAnswered));
    List<Integer> broadColumn = new ArrayList<>();
    long broadSum = 0;
    for (int p = 0; p < projects; p++) {
      broadColumn.add(broad[p]);
      broadSum += t.value(broad[p]);
    }
    int allBroad = t.cell(broadSum);
    t.line(broadColumn, allBroad);
    t.line(allRow.subList(0, 3), allBroad);
    return t;
  }
}
