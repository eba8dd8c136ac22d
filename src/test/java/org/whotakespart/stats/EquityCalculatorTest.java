package org.whotakespart.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whotakespart.ingest.Project;

/** Equity of experience from small counts, worked out by hand. */
class EquityCalculatorTest {
  private static final Project A =
      new Project("A", "Project A", "", "North", List.of("E1"), 16, "census2021");
  private static final Project B =
      new Project("B", "Project B", "", "North", List.of("E2"), 16, "census2021");

  /** Counts by flag: paid, paid known and people; every other flag 0. */
  private static ExperienceCount paid(
      String project,
      Integer sexIndex,
      long people,
      long paid,
      long known,
      long retained,
      long decileKnown) {
    long[] c = new long[ExperienceCount.Flag.values().length];
    c[ExperienceCount.Flag.PAID.ordinal()] = paid;
    c[ExperienceCount.Flag.PAID_KNOWN.ordinal()] = known;
    c[ExperienceCount.Flag.RETAINED.ordinal()] = retained;
    c[ExperienceCount.Flag.DECILE_KNOWN.ordinal()] = decileKnown;
    return new ExperienceCount(project, "sex", sexIndex, people, c);
  }

  private static EquityRow find(
      List<EquityRow> rows, ScopeType t, String id, String category, String measure) {
    return rows.stream()
        .filter(
            r ->
                r.scopeType() == t
                    && r.scopeId().equals(id)
                    && r.characteristic().equals("sex")
                    && r.category().equals(category)
                    && r.measure().equals(measure))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void groupsAreComparedWithEveryoneAndRollupsSumTheProjects() {
    // A: 20 women, 4 paid of 20 known; 30 men, 27 paid of 30; 5 unknown sex, 5 paid of 5.
    // B: 10 women, 10 paid of 10; no men.
    List<ExperienceCount> now =
        List.of(
            paid("A", 0, 20, 4, 20, 0, 20),
            paid("A", 1, 30, 27, 30, 0, 10),
            paid("A", null, 5, 5, 5, 0, 0),
            paid("B", 0, 10, 10, 10, 0, 0));
    // Last quarter, A: 8 women of whom 6 came back; 2 men, neither came back.
    List<ExperienceCount> before =
        List.of(paid("A", 0, 8, 0, 0, 6, 0), paid("A", 1, 2, 0, 0, 0, 0));
    Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> scopes =
        Map.of(
            ScopeType.COMMISSIONER,
                MetricCalculator.scopes(ScopeType.COMMISSIONER, List.of(A, B), Map.of()),
            ScopeType.ALL, MetricCalculator.scopes(ScopeType.ALL, List.of(A, B), Map.of()));
    List<EquityRow> rows =
        new EquityCalculator("2025-26 Q2")
            .rows(List.of(A, B), now, before, Map.of("A", 0.30, "B", 0.10), scopes);

    EquityRow women = find(rows, ScopeType.PROJECT, "A", "female", "paid");
    assertEquals(4, women.with());
    assertEquals(20, women.people());
    assertEquals(0.2, women.share(), 1e-15);
    // statistics.md's check value: Wilson 95% for 4 of 20.
    assertEquals(0.0806576625797981, women.shareCi95().low(), 1e-15);
    assertEquals(0.4160174322518935, women.shareCi95().high(), 1e-15);
    assertEquals(36, women.everyoneWith());
    assertEquals(55, women.everyonePeople());
    assertEquals(0.2 - 36.0 / 55, women.difference(), 1e-15);
    assertEquals(EquityStatus.LOWER, women.status(), "0.416 is below 36/55 = 0.655");
    assertEquals(
        EquityStatus.HIGHER,
        find(rows, ScopeType.PROJECT, "A", "male", "paid").status(),
        "27/30 = 0.9: Wilson low 0.744 is above 36/55 = 0.655");
    // B: its women are everyone (10 of 10 paid each), so they cannot differ.
    assertEquals(
        EquityStatus.SIMILAR, find(rows, ScopeType.PROJECT, "B", "female", "paid").status());

    // Rollup over A and B: women 14 of 30 paid; everyone 46 of 65.
    EquityRow north = find(rows, ScopeType.COMMISSIONER, "North", "female", "paid");
    assertEquals(14, north.with());
    assertEquals(30, north.people());
    assertEquals(46, north.everyoneWith());
    assertEquals(65, north.everyonePeople());
    EquityRow all = find(rows, ScopeType.ALL, "all", "female", "paid");
    assertEquals(
        List.of(14L, 30L, 46L, 65L),
        List.of(all.with(), all.people(), all.everyoneWith(), all.everyonePeople()));

    // Retention comes from last quarter's people: 6 of 8 women, 0 of 2 men, everyone 6 of 10.
    EquityRow kept = find(rows, ScopeType.PROJECT, "A", "female", "retained");
    assertEquals(6, kept.with());
    assertEquals(8, kept.people());
    assertEquals(6, kept.everyoneWith());
    assertEquals(10, kept.everyonePeople());
    EquityRow noMen = find(rows, ScopeType.PROJECT, "B", "male", "paid");
    assertEquals(0, noMen.people());
    assertNull(noMen.share());
    assertEquals(EquityStatus.NO_DATA, noMen.status());

    // The catchment's deprivation: A's own 0.30; the rollup weights A by its 30 people with a
    // decile recorded and B by its 0 (B has none, so A alone sets it).
    assertEquals(
        0.30, find(rows, ScopeType.PROJECT, "A", "female", "most_deprived_10").areaShare(), 1e-15);
    assertEquals(
        0.10, find(rows, ScopeType.PROJECT, "B", "female", "most_deprived_10").areaShare(), 1e-15);
    assertEquals(
        0.30, find(rows, ScopeType.ALL, "all", "male", "most_deprived_10").areaShare(), 1e-15);
    assertNull(find(rows, ScopeType.ALL, "all", "male", "most_deprived_20").areaShare());
  }
}
