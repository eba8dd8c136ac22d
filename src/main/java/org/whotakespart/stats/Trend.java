package org.whotakespart.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a group stands over the quarters a report covers (statistics.md, "Trends"), judged on the
 * significant status {@code under_represented}:
 *
 * <ul>
 *   <li>{@code persistently_under_represented}: under-represented in each of the last 4 or more
 *       quarters, this one included;</li>
 *   <li>{@code became_under_represented}: under-represented now, and assessed but not
 *       under-represented the quarter before;</li>
 *   <li>{@code under_represented}: under-represented now for 2 or 3 quarters, or for the first time
 *       with no assessment the quarter before;</li>
 *   <li>{@code improved}: under-represented the quarter before, assessed and not now;</li>
 *   <li>{@code steady}: none of these; {@code not_assessed}: no data or no baseline now.</li>
 * </ul>
 *
 * @param code one of the labels above
 * @param quartersUnder consecutive quarters under-represented, ending with the reported one
 */
public record Trend(String code, int quartersUnder) {
  public static final int PERSISTENT = 4;

  /** The trend of every group of the reported quarter, keyed by {@link #key(MetricRow)}. */
  public static Map<String, Trend> of(List<String> periodsOldestFirst, List<MetricRow> rows) {
    Map<String, Status[]> history = new HashMap<>();
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < periodsOldestFirst.size(); i++) {
      at.put(periodsOldestFirst.get(i), i);
    }
    for (MetricRow r : rows) {
      Integer i = at.get(r.period());
      if (i != null) {
        history.computeIfAbsent(key(r), k -> new Status[periodsOldestFirst.size()])[i] = r.status();
      }
    }
    Map<String, Trend> out = new HashMap<>();
    history.forEach((k, statuses) -> out.put(k, of(statuses)));
    return out;
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
    return s != null && s != Status.NO_DATA && s != Status.NO_BASELINE;
  }

  public static String key(MetricRow r) {
    return r.scopeType().code() + '\u0000' + r.scopeId() + '\u0000' + r.characteristic() + '\u0000'
        + r.category();
  }

  /** Plain words for a board. */
  public String words() {
    return switch (code) {
      case "persistently_under_represented" -> "under-represented for " + quartersUnder
          + " quarters running";
      case "became_under_represented" -> "newly under-represented";
      case "under_represented" -> quartersUnder > 1 ? "under-represented for " + quartersUnder
          + " quarters running" : "under-represented";
      case "improved" -> "improved: no longer under-represented";
      case "steady" -> "no change of concern";
      default -> "not assessed";
    };
  }

  /** The labels, in the order a board reads them. */
  public static List<String> codes() {
    return new ArrayList<>(List.of("persistently_under_represented", "became_under_represented",
        "under_represented", "improved", "steady", "not_assessed"));
  }
}
