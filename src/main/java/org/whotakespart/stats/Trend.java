package org.whotakespart.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a group stands over the quarters a report covers (statistics.md, "Trends"), judged on the
 * significant status {@code under_represented}:
 *
 * <ul>
 *   <li>{@code persistently_under_represented}: under-represented in each of the last 4 or more
 *       quarters, this one included;
 *   <li>{@code became_under_represented}: under-represented now, and assessed but not
 *       under-represented the quarter before;
 *   <li>{@code under_represented}: under-represented now for 2 or 3 quarters, or for the first time
 *       with no assessment the quarter before;
 *   <li>{@code improved}: under-represented the quarter before, assessed and not now;
 *   <li>{@code steady}: none of these; {@code not_assessed}: no data, no baseline, too few to tell
 *       or not compared now (such a quarter neither extends nor starts a run).
 * </ul>
 *
 * @param code one of the labels above
 * @param quartersUnder consecutive quarters under-represented, ending with the reported one
 */
public record Trend(String code, int quartersUnder) {
  public static final int PERSISTENT = 4;

  /** The trend of every group of the reported quarter, keyed by {@link #key(MetricRow)}. */
  public static Map<Key, Trend> of(List<String> periodsOldestFirst, List<MetricRow> rows) {
    Tracker t = new Tracker(periodsOldestFirst.size());
    for (int i = 0; i < periodsOldestFirst.size(); i++) {
      String q = periodsOldestFirst.get(i);
      t.add(i, rows.stream().filter(r -> r.period().equals(q)).toList());
    }
    return t.trends();
  }

  /**
   * Follows every group's status quarter by quarter, keeping one byte a quarter, so that the
   * quarters' metrics need not be held together (millions of rows with thousands of projects).
   */
  public static final class Tracker {
    private final int quarters;
    private final Map<Key, byte[]> statuses = new HashMap<>();

    public Tracker(int quarters) {
      this.quarters = quarters;
    }

    /** The rows of quarter {@code index} (0 = oldest). */
    public void add(int index, List<MetricRow> rows) {
      for (MetricRow r : rows) {
        statuses
                .computeIfAbsent(
                    key(r),
                    k -> {
                      byte[] b = new byte[quarters];
                      Arrays.fill(b, (byte) -1);
                      return b;
                    })[index] =
            (byte) r.status().ordinal();
      }
    }

    public Map<Key, Trend> trends() {
      Status[] all = Status.values();
      Map<Key, Trend> out = new HashMap<>();
      statuses.forEach(
          (k, b) -> {
            Status[] s = new Status[b.length];
            for (int i = 0; i < b.length; i++) {
              s[i] = b[i] < 0 ? null : all[b[i]];
            }
            out.put(k, of(s));
          });
      return out;
    }
  }

  /** The trend of one group from its statuses, oldest first (null: not counted that quarter). */
  static Trend of(Status[] s) {
    int last = s.length - 1;
    int run = 0;
    for (int i = last; i >= 0 && s[i] == Status.UNDER_REPRESENTED; i--) {
      run++;
    }
    Status now = s[last];
    Status before = last > 0 ? s[last - 1] : null;
    String code;
    if (!assessed(now)) {
      code = "not_assessed";
    } else if (run >= PERSISTENT) {
      code = "persistently_under_represented";
    } else if (now == Status.UNDER_REPRESENTED) {
      code = run == 1 && assessed(before) ? "became_under_represented" : "under_represented";
    } else if (before == Status.UNDER_REPRESENTED) {
      code = "improved";
    } else {
      code = "steady";
    }
    return new Trend(code, run);
  }

  private static boolean assessed(Status s) {
    return s != null
        && s != Status.NO_DATA
        && s != Status.NO_BASELINE
        && s != Status.TOO_FEW_TO_TELL
        && s != Status.NOT_COMPARED;
  }

  /** A group of one scope, whose trend {@link #of} follows. */
  public record Key(ScopeType scopeType, String scopeId, String characteristic, String category) {}

  /** The key of a metrics row's group. */
  public static Key key(MetricRow r) {
    return new Key(r.scopeType(), r.scopeId(), r.characteristic(), r.category());
  }

  /** Plain words for a board. */
  public String words() {
    return switch (code) {
      case "persistently_under_represented" ->
          "under-represented for " + quartersUnder + " quarters running";
      case "became_under_represented" -> "newly under-represented";
      case "under_represented" ->
          quartersUnder > 1
              ? "under-represented for " + quartersUnder + " quarters running"
              : "under-represented";
      case "improved" -> "improved: no longer under-represented";
      case "steady" -> "not clearly under-represented";
      default -> "not assessed (too few, not compared, no data)";
    };
  }

  /** The labels, in the order a board reads them. */
  public static List<String> codes() {
    return new ArrayList<>(
        List.of(
            "persistently_under_represented",
            "became_under_represented",
            "under_represented",
            "improved",
            "steady",
            "not_assessed"));
  }
}
