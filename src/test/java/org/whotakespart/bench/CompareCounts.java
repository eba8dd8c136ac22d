package org.whotakespart.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A benchmark of wrong answers is worthless: checks that our metrics.csv (project rows of the
 * quarter) and the DuckDB peer's output agree on every count (participants, known) and, to 1e-9, on
 * every population share and ratio. Prints the rows compared; exits 1 on the first difference.
 * {@code CompareCounts <metrics.csv> <duckdb.csv> <quarter>}
 */
public final class CompareCounts {
  private CompareCounts() {}

  public static void main(String[] args) throws IOException {
    Map<String, CSVRecord> ours = read(Path.of(args[0]), args[2]);
    Map<String, CSVRecord> peer = read(Path.of(args[1]), null);
    if (ours.size() != peer.size()) {
      fail("row counts differ: ours " + ours.size() + ", DuckDB " + peer.size());
    }
    for (var e : ours.entrySet()) {
      CSVRecord p = peer.get(e.getKey());
      if (p == null) {
        fail("DuckDB has no row " + e.getKey());
      }
      for (String c : new String[] {"participants", "known"}) {
        if (Long.parseLong(e.getValue().get(c)) != Long.parseLong(p.get(c))) {
          fail(e.getKey() + " " + c + ": ours " + e.getValue().get(c) + ", DuckDB " + p.get(c));
        }
      }
      for (String c : new String[] {"population_share", "ratio", "share_ci95_low"}) {
        String a = e.getValue().get(c);
        String b = p.get(c);
        if (a.isEmpty() != b.isEmpty()
            || !a.isEmpty() && Math.abs(Double.parseDouble(a) - Double.parseDouble(b)) > 1e-9) {
          fail(e.getKey() + " " + c + ": ours " + a + ", DuckDB " + b);
        }
      }
    }
    System.out.printf("counts agree: %,d project rows compared%n", ours.size());
  }

  private static Map<String, CSVRecord> read(Path file, String period) throws IOException {
    Map<String, CSVRecord> m = new HashMap<>();
    try (Reader r = Files.newBufferedReader(file);
        CSVParser p =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : p) {
        if (period != null
            && (!rec.get("period").equals(period) || !rec.get("scope_type").equals("project"))) {
          continue;
        }
        String id = period == null ? rec.get("project_id") : rec.get("scope_id");
        m.put(id + "/" + rec.get("characteristic") + "/" + rec.get("category"), rec);
      }
    }
    return m;
  }

  private static void fail(String why) {
    System.out.println("COUNTS DIFFER: " + why);
    System.exit(1);
  }
}
