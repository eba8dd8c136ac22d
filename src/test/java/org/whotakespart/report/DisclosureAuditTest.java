package org.whotakespart.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
    DisclosureAudit.Result a = t.audit();
    assertEquals(new DisclosureAudit.Range(other, 1, 4), a.ranges().get(other));
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
}
