package org.whotakespart.report;

import static org.whotakespart.report.DisclosureAudit.MIN_POSSIBLE_VALUES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.whotakespart.report.DisclosureAudit.Range;

/**
 * Bounds propagated home by home: each home (the counts joined by short lines, in a board table one
 * project's own figures) along its own lines, leaving out the columns of projects. Leaving lines
 * out only widens what the bounds allow, so a count that fails here fails for certain; it can miss
 * failures that a column would show, which the bounds over the whole table and the exact audit
 * after it still find. A home is worked out again only when one of its cells was hidden further:
 * over a whole table, a round of the protection cost a fifth of a second at 2,000 projects and the
 * protection took hundreds of rounds, most of them changing a handful of projects.
 */
final class HomeBounds {
  private final SuppressionTable t;
  private final long cap;

  /** Each cell's home (an index into {@link #homes}), or -1 for a figure the reader knows. */
  private final int[] homeOf;

  private final List<HiddenBlock> homes;

  /** Each home's failing counts when last worked out. */
  private final List<List<Range>> failing = new ArrayList<>();

  HomeBounds(SuppressionTable t) {
    this.t = t;
    cap = DisclosureAudit.cap(t);
    homes = HiddenBlock.of(t, true);
    homeOf = new int[t.size()];
    Arrays.fill(homeOf, -1);
    for (int h = 0; h < homes.size(); h++) {
      for (int c : homes.get(h).cells()) {
        homeOf[c] = h;
      }
      failing.add(List.of());
    }
  }

  /**
   * The counts whose bounds in their home allow fewer values than the rule asks, in table order,
   * after working out again the homes of {@code changed} cells (every home when null).
   */
  List<Range> failing(Set<Integer> changed) {
    int[] dirty =
        changed == null
            ? IntStream.range(0, homes.size()).toArray()
            : changed.stream().mapToInt(c -> homeOf[c]).filter(h -> h >= 0).distinct().toArray();
    // Homes share no count, so each is worked out on its own, on every core.
    List<List<Range>> now = IntStream.of(dirty).parallel().mapToObj(this::failingIn).toList();
    for (int k = 0; k < dirty.length; k++) {
      failing.set(dirty[k], now.get(k));
    }
    List<Range> out = new ArrayList<>();
    failing.forEach(out::addAll);
    out.sort(Comparator.comparingInt(Range::cell));
    return out;
  }

  private List<Range> failingIn(int home) {
    return new AuditBlock(t, homes.get(home), cap)
        .audit(false, Map.of()).ranges().stream()
            .filter(r -> r.possibleValues() < MIN_POSSIBLE_VALUES)
            .toList();
  }
}
