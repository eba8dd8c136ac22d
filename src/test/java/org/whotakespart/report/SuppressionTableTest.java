package org.whotakespart.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whotakespart.report.SuppressionTable.Shown;

/**
 * The rule a board sees: 1 to 4 hidden, others rounded to the nearest 5, more hidden until the
 * audit passes.
 */
class SuppressionTableTest {

  @Test
  void countsFromOneToFourAreShownAsFewerThanFiveZeroIsShownAndTheRestRounded() {
    SuppressionTable t = new SuppressionTable(5);
    int zero = t.cell(0);
    int one = t.cell(1);
    int four = t.cell(4);
    int five = t.cell(5);
    assertEquals(Shown.VALUE, t.shown(zero));
    assertEquals(Shown.FEWER_THAN, t.shown(one));
    assertEquals(Shown.FEWER_THAN, t.shown(four));
    assertEquals(Shown.VALUE, t.shown(five));
    assertEquals(0, t.rounded(zero));
    // nearest 5: 5, 6, 7 -> 5; 8 to 12 -> 10; 13 -> 15; 1,234 -> 1,235
    long[][] cases = {
      {5, 5}, {6, 5}, {7, 5}, {8, 10}, {12, 10}, {13, 15}, {1234, 1235}, {1232, 1230}
    };
    for (long[] c : cases) {
      assertEquals(c[1], SuppressionTable.rounded(c[0]), "rounding " + c[0]);
    }
  }

  @Test
  void aLineThatDoesNotAddUpIsABug() {
    SuppressionTable t = new SuppressionTable(5);
    int a = t.cell(3);
    int total = t.cell(4);
    assertThrows(IllegalArgumentException.class, () -> t.line(List.of(a), total));
  }

  /**
   * All projects 7 (shown as 5: 5 to 7) over seven projects of 1 each ("fewer than 5": at least 1):
   * every project is exactly 1 until the total is withheld.
   */
  @Test
  void aRoundedTotalOverManySmallCellsIsWithheld() {
    SuppressionTable t = new SuppressionTable(5);
    List<Integer> projects = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      projects.add(t.cell(1));
    }
    int all = t.cell(7);
    t.line(projects, all);
    assertEquals(1, t.audit().ranges().get(projects.get(0)).max());
    t.protect();
    assertEquals(Shown.WITHHELD, t.shown(all));
    assertTrue(t.audit().passes());
  }

  @Test
  void roundingAloneProtectsACellAmongLargeOnes() {
    SuppressionTable t = new SuppressionTable(5);
    int a = t.cell(23);
    int b = t.cell(9);
    int c = t.cell(3);
    int total = t.cell(35);
    t.line(List.of(a, b, c), total);
    t.protect();
    assertTrue(t.audit().passes());
    assertEquals(1, t.hiddenCount(), "nothing more hidden");
  }
}
