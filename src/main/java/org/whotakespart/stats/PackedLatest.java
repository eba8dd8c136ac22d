package org.whotakespart.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.unix_date;

import org.apache.spark.sql.Column;
import org.whotakespart.validate.ValidatedColumns;

/**
 * A person's latest value packed with its day into one {@code long}, {@code day * 64 + index}, so
 * that "most recent" is a plain {@code max} and Spark stays on its fast hash aggregate (ties on a
 * day go to the larger index). An index is below 64: a characteristic's category, or a decile.
 */
final class PackedLatest {
  private PackedLatest() {}

  /** Room left below each day for an index. */
  static final int CATEGORY_BITS = 64;

  /** The record's activity day, shifted to make room for an index: {@code day * 64}. */
  static Column shiftedDay() {
    return unix_date(col(ValidatedColumns.ACTIVITY_DAY)).cast("long").multiply(CATEGORY_BITS);
  }

  /** An index packed with its day; null when the index is (unknown). */
  static Column pack(Column shiftedDay, Column index) {
    return shiftedDay.plus(index);
  }

  /** The index of a packed value in {@code column}, as an int; null when unknown. */
  static Column index(String column) {
    return pmod(col(column), lit(CATEGORY_BITS)).cast("int");
  }
}
