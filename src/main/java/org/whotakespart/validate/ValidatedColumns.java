package org.whotakespart.validate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.whotakespart.config.Vocabulary;

/** Columns the validation stage adds to the rows read. */
public final class ValidatedColumns {
  /**
   * {@code accepted}, {@code quarantined} or {@code duplicate} (an exact re-send, counted once).
   */
  public static final String ROW_STATUS = "row_status";

  /** A {@link RejectReason} code, or null for accepted rows and duplicates. */
  public static final String REJECT_REASON = "reject_reason";

  /** What exactly is wrong with this row, in words; null when nothing is. */
  public static final String REJECT_DETAIL = "reject_detail";

  /** {@code activity_date} as a date. */
  public static final String ACTIVITY_DAY = "activity_day";

  public static final String ACCEPTED = "accepted";
  public static final String QUARANTINED = "quarantined";
  public static final String DUPLICATE = "duplicate";

  private ValidatedColumns() {}

  /** The column holding the contract code of a coded record column, e.g. {@code code_sex}. */
  public static String code(String column) {
    return "code_" + column;
  }

  /**
   * The column holding where a coded column's code sits in its list, e.g. {@code index_sex}: a
   * small number ({@code Vocabulary#indexOf}), null when the code is blank, prefer_not_to_say or
   * not one of the list's. Counting reads these, not the codes' text.
   */
  public static String index(String column) {
    return "index_" + column;
  }

  /**
   * Each coded column's {@link #index} worked out from its {@link #code}, in place of any there:
   * for rows whose indices were not stored, or were stored under other code lists.
   */
  public static scala.Function1<Dataset<Row>, Dataset<Row>> indicesFromCodes() {
    return df -> {
      Set<String> present = Set.of(df.columns());
      Map<String, Column> indices = new LinkedHashMap<>();
      for (var e : Vocabulary.codedColumns().entrySet()) {
        if (!present.contains(code(e.getKey()))) {
          continue;
        }
        List<Column> kv = new ArrayList<>();
        for (int i = 0; i < e.getValue().size(); i++) {
          kv.add(lit(e.getValue().get(i)));
          kv.add(lit((byte) i));
        }
        indices.put(
            index(e.getKey()), element_at(map(kv.toArray(new Column[0])), col(code(e.getKey()))));
      }
      // One projection for all of them, not one withColumn (and one analysis) per column.
      return df.withColumns(indices);
    };
  }

  /** True for an {@link #index} column's name. */
  public static boolean isIndex(String name) {
    return name.startsWith(index(""));
  }
}
