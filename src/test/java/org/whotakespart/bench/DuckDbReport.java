package org.whotakespart.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Period;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.stats.Wilson;

/**
 * The benchmark's peer: what an analyst would write in DuckDB for the same question. Distinct
 * people per project, characteristic and category in a quarter (measured roles, each person's most
 * recent known answer, ties to the later category, as statistics.md says), joined with each
 * project's catchment baseline at its age, with shares, Wilson 95% intervals and ratios. It reads
 * the CSV exports or the history store's Parquet files and writes one CSV of project rows.
 *
 * <p>Benchmark only (test scope), run by {@code bench/duckdb} in its own JVM: {@code DuckDbReport
 * csv|store <records folder or store> <projects.csv> <baselines.csv> <quarter> <out.csv>}, or
 * {@code DuckDbReport to-parquet <records folder> <out.parquet>} beside our ingest.
 */
public final class DuckDbReport {
  private DuckDbReport() {}

  public static void main(String[] args) throws SQLException, IOException {
    if (args[0].equals("to-parquet")) {
      toParquet(args[1], Path.of(args[2]));
      return;
    }
    String mode = args[0];
    String input = args[1];
    String projects = args[2];
    String baselines = args[3];
    Period period = Period.parse(args[4]);
    Path out = Path.of(args[5]);
    long started = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
      s.execute(
          "CREATE VIEW records AS " + (mode.equals("csv") ? fromCsv(input) : fromStore(input)));
      s.execute("CREATE TABLE counts AS " + countsSql(period));
      s.execute(
          "CREATE TABLE projects AS SELECT project_id, catchment,"
              + " coalesce(try_cast(min_age AS INTEGER), 16) AS min_age,"
              + " coalesce(nullif(trim(baseline), ''), 'census2021') AS baseline"
              + " FROM read_csv('"
              + projects
              + "', all_varchar = true, header = true)");
      s.execute(
          "CREATE TABLE baselines AS SELECT baseline, area_code, characteristic, category,"
              + " CAST(min_age AS INTEGER) AS min_age, CAST(population AS BIGINT) AS population"
              + " FROM read_csv('"
              + baselines
              + "', all_varchar = true, header = true)");
      s.execute("CREATE TABLE categories AS " + categoriesSql());
      try (ResultSet r = s.executeQuery(metricsSql());
          BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        w.write(
            "project_id,characteristic,category,participants,known,share,share_ci95_low,"
                + "share_ci95_high,population_share,ratio\n");
        long rows = 0;
        while (r.next()) {
          w.write(
              String.join(
                      ",",
                      r.getString(1),
                      r.getString(2),
                      r.getString(3),
                      Long.toString(r.getLong(4)),
                      Long.toString(r.getLong(5)),
                      text(r, 6),
                      text(r, 7),
                      text(r, 8),
                      text(r, 9),
                      text(r, 10))
                  + "\n");
          rows++;
        }
        System.out.printf(
            Locale.ROOT,
            "DuckDB %s: %,d metrics rows in %.1f s%n",
            mode,
            rows,
            (System.nanoTime() - started) / 1e9);
      }
    }
  }

  /**
   * Ingest's peer: the CSV exports read as {@link #fromCsv} reads them (trimmed, blanks as missing,
   * dates typed) and written to one Parquet file.
   */
  private static void toParquet(String records, Path out) throws SQLException {
    long started = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
      long rows =
          s.executeUpdate(
              "COPY ("
                  + fromCsv(records)
                  + ") TO '"
                  + out.toString().replace("'", "''")
                  + "' (FORMAT parquet)");
      System.out.printf(
          Locale.ROOT,
          "DuckDB to-parquet: %,d records in %.1f s%n",
          rows,
          (System.nanoTime() - started) / 1e9);
    }
  }

  private static String text(ResultSet r, int i) throws SQLException {
    double d = r.getDouble(i);
    return r.wasNull() ? "" : Double.toString(d);
  }

  private static List<String> columns() {
    List<String> c = new ArrayList<>();
    for (Characteristic ch : Characteristic.values()) {
      if (ch.isRecordColumn()) {
        c.add(ch.code());
      }
    }
    return c;
  }

  private static String fromCsv(String folder) {
    StringBuilder b =
        new StringBuilder(
            "SELECT project_id, participant_id,"
                + " try_cast(activity_date AS DATE) AS day, nullif(trim(role), '') AS role");
    for (String c : columns()) {
      b.append(", nullif(trim(").append(c).append("), '') AS ").append(c);
    }
    return b.append(" FROM read_csv('")
        .append(folder)
        .append(
            "/**/participation*.csv',"
                + " union_by_name = true, all_varchar = true, header = true)")
        .toString();
  }

  private static String fromStore(String store) {
    StringBuilder b =
        new StringBuilder(
            "SELECT project_id, participant_id, activity_day AS day," + " code_role AS role");
    for (String c : columns()) {
      b.append(", code_").append(c).append(" AS ").append(c);
    }
    // The table's live files from Delta's log, as a reader without Delta finds them.
    String files;
    try {
      files =
          org.whotakespart.testing.DeltaLogFiles.live(java.nio.file.Path.of(store, "records"))
              .keySet()
              .stream()
              .map(p -> "'" + p.toString().replace("'", "''") + "'")
              .collect(java.util.stream.Collectors.joining(", "));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return b.append(" FROM read_parquet([").append(files).append("])").toString();
  }

  /** The category's position in report order (null when unknown), as our report numbers them. */
  private static String index(Characteristic c) {
    Characteristic source =
        c == Characteristic.ETHNIC_GROUP_BROAD ? Characteristic.ETHNIC_GROUP : c;
    StringBuilder b = new StringBuilder("CASE ").append(source.code());
    for (String code : source.categoryCodes()) {
      String target =
          c == Characteristic.ETHNIC_GROUP_BROAD ? Characteristic.broadEthnicGroupOf(code) : code;
      b.append(" WHEN '").append(code).append("' THEN ").append(c.indexOf(target));
    }
    return b.append(" END").toString();
  }

  private static String countsSql(Period p) {
    StringBuilder latest = new StringBuilder();
    StringBuilder names = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (Characteristic c : Characteristic.values()) {
      latest.append(", max(d * 64 + ").append(index(c)).append(") AS ").append(c.code());
      names.append(names.isEmpty() ? "" : ", ").append('\'').append(c.code()).append('\'');
      values.append(values.isEmpty() ? "" : ", ").append(c.code());
    }
    String roles = String.join("', '", Vocabulary.MEASURED_ROLES_DEFAULT);
    return "WITH people AS (SELECT project_id, participant_id"
        + latest
        + " FROM (SELECT *,"
        + " CAST(day - DATE '1970-01-01' AS BIGINT) AS d FROM records"
        + " WHERE day >= DATE '"
        + p.start()
        + "' AND day < DATE '"
        + p.endExclusive()
        + "'"
        + " AND coalesce(role, 'lived_experience') IN ('"
        + roles
        + "'))"
        + " GROUP BY project_id, participant_id)"
        + " SELECT project_id, characteristic, CAST(packed % 64 AS INTEGER) AS idx, count(*) AS people"
        + " FROM (SELECT project_id, unnest(["
        + names
        + "]) AS characteristic,"
        + " unnest(["
        + values
        + "]) AS packed FROM people)"
        + " GROUP BY ALL";
  }

  private static String categoriesSql() {
    StringBuilder b = new StringBuilder("SELECT * FROM (VALUES ");
    boolean first = true;
    for (Characteristic c : Characteristic.values()) {
      List<String> codes = c.categoryCodes();
      for (int i = 0; i < codes.size(); i++) {
        b.append(first ? "" : ", ")
            .append("('")
            .append(c.code())
            .append("', '")
            .append(codes.get(i))
            .append("', ")
            .append(i)
            .append(")");
        first = false;
      }
    }
    return b.append(") AS t(characteristic, category, idx)").toString();
  }

  private static String metricsSql() {
    double z = Wilson.Z95;
    String z2 = Double.toString(z * z);
    String x = "coalesce(n.people, 0)";
    String known = "coalesce(k.known, 0)";
    return "WITH areas AS (SELECT project_id, unnest(string_split(catchment, ';')) AS area_code,"
        + " min_age, baseline FROM projects),"
        + " ages AS (SELECT a.project_id, b.characteristic, max(b.min_age) AS age FROM areas a"
        + " JOIN baselines b ON b.baseline = a.baseline AND b.area_code = trim(a.area_code)"
        + " AND b.min_age <= a.min_age GROUP BY ALL),"
        + " pop AS (SELECT a.project_id, b.characteristic, b.category, sum(b.population) AS population"
        + " FROM areas a JOIN ages g ON g.project_id = a.project_id"
        + " JOIN baselines b ON b.baseline = a.baseline AND b.area_code = trim(a.area_code)"
        + " AND b.characteristic = g.characteristic AND b.min_age = g.age GROUP BY ALL),"
        + " p0 AS (SELECT *, population / sum(population) OVER (PARTITION BY project_id,"
        + " characteristic) AS p0 FROM pop),"
        + " known AS (SELECT project_id, characteristic, sum(people) AS known FROM counts"
        + " WHERE idx IS NOT NULL GROUP BY ALL),"
        + " grid AS (SELECT p.project_id, c.* FROM projects p CROSS JOIN categories c),"
        + " m AS (SELECT g.project_id, g.characteristic, g.category, "
        + x
        + " AS x, "
        + known
        + " AS n, p0.p0 FROM grid g"
        + " LEFT JOIN counts n ON n.project_id = g.project_id AND n.characteristic = g.characteristic"
        + " AND n.idx = g.idx"
        + " LEFT JOIN known k ON k.project_id = g.project_id AND k.characteristic = g.characteristic"
        + " LEFT JOIN p0 ON p0.project_id = g.project_id AND p0.characteristic = g.characteristic"
        + " AND p0.category = g.category)"
        + " SELECT project_id, characteristic, category, x, n,"
        + " CASE WHEN n > 0 THEN x / n END AS share,"
        + " CASE WHEN n > 0 THEN (2 * x + "
        + z2
        + " - "
        + z
        + " * sqrt("
        + z2
        + " + 4 * x * (1 - x / n)))"
        + " / (2 * (n + "
        + z2
        + ")) END AS lo,"
        + " CASE WHEN n > 0 THEN (2 * x + "
        + z2
        + " + "
        + z
        + " * sqrt("
        + z2
        + " + 4 * x * (1 - x / n)))"
        + " / (2 * (n + "
        + z2
        + ")) END AS hi,"
        + " p0, CASE WHEN n > 0 AND p0 > 0 THEN (x / n) / p0 END AS ratio"
        + " FROM m ORDER BY ALL";
  }
}
