package org.whotakespart.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whotakespart.report.SuppressionTable.Shown;

class SuppressionTableTest {
  /** A row of counts with its total; returns the cell ids, the total last. */
  private static List<Integer> row(SuppressionTable t, long... values) {
    List<Integer> cells = new ArrayList<>();
    long total = 0;
    for (long v : values) {
      cells.add(t.cell(v));
      total += v;
    }
    int totalCell = t.cell(total);
    t.line(cells, totalCell);
    cells.add(totalCell);
    return cells;
  }

  @Test
  void countsFromOneToFourAreShownAsFewerThanFiveAndZeroIsShown() {
    SuppressionTable t = new SuppressionTable(5);
    int zero = t.cell(0);
    int one = t.cell(1);
    int four = t.cell(4);
    int five = t.cell(5);
    assertEquals(Shown.VALUE, t.shown(zero));
    assertEquals(Shown.FEWER_THAN, t.shown(one));
    assertEquals(Shown.FEWER_THAN, t.shown(four));
    assertEquals(Shown.VALUE, t.shown(five));
  }

  @Test
  void oneSuppressedCellInARowWithATotalTakesTheNextSmallestWithIt() {
    SuppressionTable t = new SuppressionTable(5);
    List<Integer> c = row(t, 3, 12, 40, 0);
    t.protect();
    assertEquals(Shown.FEWER_THAN, t.shown(c.get(0)));
    assertEquals(Shown.WITHHELD, t.shown(c.get(1)), "next smallest non-zero");
    assertEquals(Shown.VALUE, t.shown(c.get(2)));
    assertEquals(Shown.VALUE, t.shown(c.get(3)), "zeros stay");
    assertEquals(Shown.VALUE, t.shown(c.get(4)), "total stays");
  }

  @Test
  void twoOnesAreStillRecoverableFromTheirTotalOfTwo() {
    // 1 + 1 = 2 can only be 1 and 1: a third cell must go.
    SuppressionTable t = new SuppressionTable(5);
    List<Integer> c = row(t, 1, 1, 20, 30);
    t.protect();
    assertEquals(Shown.WITHHELD, t.shown(c.get(2)));
    assertEquals(Shown.VALUE, t.shown(c.get(3)));
  }

  @Test
  void twoSmallCellsWithAnAmbiguousTotalNeedNoMore() {
    // 2 + 3 = 5 could be 1 + 4, 2 + 3, 3 + 2 or 4 + 1.
    SuppressionTable t = new SuppressionTable(5);
    List<Integer> c = row(t, 2, 3, 20);
    t.protect();
    assertEquals(Shown.VALUE, t.shown(c.get(2)));
    assertEquals(Shown.VALUE, t.shown(c.get(3)));
  }

  @Test
  void aGroupWhoseOnlyPeopleAreInOneSmallCellShowsNeitherCellNorTotal() {
    SuppressionTable t = new SuppressionTable(5);
    List<Integer> c = row(t, 0, 0, 3, 0);
    t.protect();
    assertEquals(Shown.FEWER_THAN, t.shown(c.get(2)));
    assertEquals(Shown.FEWER_THAN, t.shown(c.get(4)), "the total of 3 is itself small");
  }

  @Test
  void aSmallCellBesideOneOtherTakesThatCellWithIt() {
    // 0, 3 and 5 with their total of 8: the 5 must go too, or 8 - 5 gives the 3 away.
    SuppressionTable t = new SuppressionTable(5);
    int zero = t.cell(0);
    int small = t.cell(3);
    int total = t.cell(8);
    int other = t.cell(5);
    t.line(List.of(zero, small, other), total);
    t.protect();
    assertEquals(Shown.WITHHELD, t.shown(other));
    assertFalse(t.isShown(small));
  }

  @Test
  void aColumnTotalCannotGiveAwayTheOneSuppressedProject() {
    // Two projects, one category: 3 and 20; the all-projects figure 23 would reveal the 3.
    SuppressionTable t = new SuppressionTable(5);
    int a = t.cell(3);
    int b = t.cell(20);
    int all = t.cell(23);
    t.line(List.of(a, b), all);
    t.protect();
    assertEquals(Shown.FEWER_THAN, t.shown(a));
    assertEquals(Shown.WITHHELD, t.shown(b));
    assertTrue(t.isShown(all));
  }

  @Test
  void withholdingSpreadsAcrossLinesUntilEveryLineIsSafe() {
    // Rows: project A (3, 10 | 13) and B (8, 9 | 17); column totals (11 | 19).
    SuppressionTable t = new SuppressionTable(5);
    int a1 = t.cell(3);
    int a2 = t.cell(10);
    int aTotal = t.cell(13);
    int b1 = t.cell(8);
    int b2 = t.cell(9);
    int bTotal = t.cell(17);
    int col1 = t.cell(11);
    int col2 = t.cell(19);
    t.line(List.of(a1, a2), aTotal);
    t.line(List.of(b1, b2), bTotal);
    t.line(List.of(a1, b1), col1);
    t.line(List.of(a2, b2), col2);
    t.protect();
    for (int[] line : new int[][] {{a1, a2, aTotal}, {b1, b2, bTotal}, {a1, b1, col1}, {a2, b2, col2}}) {
      long hidden = java.util.Arrays.stream(line, 0, 2).filter(c -> !t.isShown(c)).count();
      assertTrue(!t.isShown(line[2]) || hidden != 1, "no line may have exactly one hidden cell");
    }
    assertEquals(Shown.FEWER_THAN, t.shown(a1));
  }

  @Test
  void aSmallHeadCountIsShownButStillProtectsTheGroupCountsBesideIt() {
    // 40 people: 38 answered, 2 did not. The 2 is shown (it is nobody's group).
    SuppressionTable t = new SuppressionTable(5);
    int known = t.cell(38);
    int unknown = t.headCount(2);
    int people = t.headCount(40);
    t.line(List.of(known, unknown), people);
    t.protect();
    assertTrue(t.isShown(unknown));
    assertTrue(t.isShown(known));
    // 6 people: 3 answered (a small group count), 3 did not: the 3 unknown would give the 3 away.
    SuppressionTable u = new SuppressionTable(5);
    int known2 = u.cell(3);
    int unknown2 = u.headCount(3);
    int people2 = u.headCount(6);
    u.line(List.of(known2, unknown2), people2);
    u.protect();
    assertEquals(Shown.FEWER_THAN, u.shown(known2));
    assertEquals(Shown.WITHHELD, u.shown(unknown2));
    assertTrue(u.isShown(people2));
  }
}
