package org.whotakespart.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.whotakespart.store.HistoryStore.PERIOD;
import static org.whotakespart.store.HistoryStore.QUARTER;
import static org.whotakespart.store.HistoryStore.VOCABULARY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.validate.RowChecker;
import org.whotakespart.validate.ValidatedColumns;

/** The stored records' columns, and reading them back as checked rows. */
final class RecordLayout {
  private RecordLayout() {}

  /** The columns kept of each accepted record, in order. */
  static List<String> recordColumns() {
    List<String> c =
        new ArrayList<>(
            List.of(
                RecordColumns.RECORD_ID,
                RecordColumns.PARTICIPANT_ID,
                RecordColumns.PROJECT_ID,
                ValidatedColumns.ACTIVITY_DAY));
    for (String coded : RowChecker.CODED) {
      c.add(ValidatedColumns.code(coded));
    }
    for (String coded : RowChecker.CODED) {
      c.add(ValidatedColumns.index(coded));
    }
    c.add(RecordColumns.SOURCE_FILE);
    return c;
  }

  static StructType schema() {
    var s = new StructType();
    for (String c : recordColumns()) {
      s =
          s.add(
              c,
              c.equals(ValidatedColumns.ACTIVITY_DAY)
                  ? "date"
                  : ValidatedColumns.isIndex(c) ? "byte" : "string");
    }
    return s.add(VOCABULARY, "string").add(QUARTER, "string");
  }

  /** The UK financial quarter of {@code activity_day}, written as {@code 2025-26 Q2}. */
  static Column financialQuarter() {
    String day = ValidatedColumns.ACTIVITY_DAY;
    String fy = "(year(" + day + ") - case when month(" + day + ") < 4 then 1 else 0 end)";
    return expr(
        "concat("
            + fy
            + ", '-', lpad(cast(("
            + fy
            + " + 1) % 100 as string), 2, '0'),"
            + " ' Q', cast(floor(((month("
            + day
            + ") + 8) % 12) / 3) + 1 as string))");
  }

  /** As {@link HistoryStore#read(SparkSession, long, List)}, from a version already opened. */
  static Dataset<Row> read(Dataset<Row> version, List<String> quarters) {
    Dataset<Row> rows = version;
    if (quarters != null) {
      rows =
          rows.filter(
              col(QUARTER).isin(quarters.stream().map(HistoryStore::quarterValue).toArray()));
    }
    Map<String, Column> stored = new LinkedHashMap<>();
    for (String c : RowChecker.CODED) {
      stored.put("stored_" + ValidatedColumns.index(c), col(ValidatedColumns.index(c)));
    }
    rows = rows.withColumns(stored).transform(ValidatedColumns.indicesFromCodes());
    Column current = col(VOCABULARY).equalTo(lit(Vocabulary.fingerprint()));
    Map<String, Column> chosen = new LinkedHashMap<>();
    for (String c : RowChecker.CODED) {
      String index = ValidatedColumns.index(c);
      chosen.put(index, when(current, col("stored_" + index)).otherwise(col(index)));
    }
    List<Column> out = new ArrayList<>();
    for (String c : recordColumns()) {
      out.add(col(c));
    }
    out.add(expr("replace(" + QUARTER + ", '-Q', ' Q')").as(PERIOD));
    out.add(lit(ValidatedColumns.ACCEPTED).as(ValidatedColumns.ROW_STATUS));
    out.add(lit(null).cast("string").as(ValidatedColumns.REJECT_REASON));
    return rows.withColumns(chosen).select(out.toArray(new Column[0]));
  }
}
