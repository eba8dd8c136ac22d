package org.whotakespart.stats;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.whotakespart.stats.CountColumns.DAY_SHIFTED;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.validate.ValidatedColumns;

/**
 * A person's values while people are counted ({@link PeopleCounts#perPerson(int)}, {@link
 * PeopleCounts#perPersonAndRole()}): each record's as small numbers, and their aggregates per
 * person, latest values packed with their day ({@link PackedLatest}), the rest bit sets ({@link
 * SeenSets}).
 */
final class PersonValues {
  private PersonValues() {}

  /**
   * How many records a person has where {@code keep} holds: counted from records, or the people
   * rows' counts summed ({@code rolledUp}; 0, not null, where there are none).
   */
  static Column recordCount(Column keep, boolean rolledUp) {
    return rolledUp
        ? coalesce(sum(when(keep, col(CountColumns.RECORDS))), lit(0L))
        : count(when(keep, lit(1)));
  }

  /**
   * Each record's values as small numbers, worked out once per record before aggregating (inside
   * the aggregation each would be worked out again for every aggregate using it, four times over
   * with two quarters' columns): the {@code keys} given, then per characteristic its category index
   * packed with the day ({@code day * 64 + index}), the categories of every characteristic as bits
   * ({@link CountColumns#SEEN}), the stage, pay and adjustments as bits and the decile packed with
   * the day, all from the codes' indices ({@link ValidatedColumns#index}), never from the codes'
   * text. Each is named as the aggregate of it ({@link #aggregates}).
   */
  static Dataset<Row> of(Dataset<Row> df, List<Column> keys, List<String> keyNames) {
    List<Column> in = new ArrayList<>(keys);
    in.add(PackedLatest.shiftedDay().as(DAY_SHIFTED));
    for (Characteristic c : Characteristic.values()) {
      in.add(categoryIndex(c).as(CountColumns.categoryIndexOf(c)));
    }
    // Each stage its own bit (the stages' index in their list: design, delivery, evaluation).
    in.add(
        call_function("shiftleft", lit(1), col(ValidatedColumns.index(RecordColumns.STAGE)))
            .as(CountColumns.STAGES));
    Column paid = col(ValidatedColumns.index(RecordColumns.PAID));
    Column requested = col(ValidatedColumns.index(RecordColumns.ADJUSTMENTS_REQUESTED));
    Column met = col(ValidatedColumns.index(RecordColumns.ADJUSTMENTS_MET));
    Column yes = lit(PeopleCounts.knownIndex(RecordColumns.PAID, "yes"));
    Column no = lit(PeopleCounts.knownIndex(RecordColumns.PAID, "no"));
    in.add(when(paid.equalTo(no), 1).when(paid.equalTo(yes), 2).as(CountColumns.PAID));
    in.add(
        when(requested.equalTo(yes).and(met.equalTo(no)), 1)
            .when(requested.equalTo(yes).and(met.equalTo(yes)), 2)
            .as(CountColumns.ADJUSTMENTS));
    // Deciles 1 to 10 are indices 0 to 9; prefer_not_to_say is unknown, like blank (no index).
    in.add(
        col(ValidatedColumns.index(RecordColumns.IMD_DECILE))
            .cast("int")
            .plus(lit(1))
            .as(CountColumns.DECILE));
    List<Column> out = new ArrayList<>();
    for (String k : keyNames) {
      out.add(col(k));
    }
    Column day = col(DAY_SHIFTED);
    for (Characteristic c : Characteristic.values()) {
      out.add(
          PackedLatest.pack(day, col(CountColumns.categoryIndexOf(c)))
              .as(CountColumns.latest(c.code())));
    }
    out.add(SeenSets.categories().as(CountColumns.SEEN));
    out.add(col(CountColumns.STAGES));
    out.add(col(CountColumns.PAID));
    out.add(col(CountColumns.ADJUSTMENTS));
    out.add(PackedLatest.pack(day, col(CountColumns.DECILE)).as(CountColumns.DECILE));
    return df.select(in.toArray(new Column[0])).select(out.toArray(new Column[0]));
  }

  /**
   * The per-person aggregates of {@link #of} (or of the people rows, which hold the same values
   * already aggregated per role) over the rows for which {@code keep} holds (all when null), by the
   * name of the column each makes: the latest values are maxima of day-packed values, the rest bit
   * sets.
   */
  static Map<String, Column> aggregates(Column keep) {
    Map<String, Column> aggregates = new LinkedHashMap<>();
    Function<String, Column> kept = name -> keep == null ? col(name) : when(keep, col(name));
    for (Characteristic c : Characteristic.values()) {
      String n = CountColumns.latest(c.code());
      aggregates.put(n, max(kept.apply(n)));
    }
    for (String n :
        List.of(
            CountColumns.SEEN, CountColumns.STAGES, CountColumns.PAID, CountColumns.ADJUSTMENTS)) {
      aggregates.put(n, bit_or(kept.apply(n)));
    }
    aggregates.put(CountColumns.DECILE, max(kept.apply(CountColumns.DECILE)));
    return aggregates;
  }

  /**
   * The category's position in report order; null when the value is unknown. A characteristic of
   * the records lists its categories in its code list's order, so its stored index is the position;
   * the broad ethnic group is looked up by the detailed group's index.
   */
  static Column categoryIndex(Characteristic c) {
    if (c != Characteristic.ETHNIC_GROUP_BROAD) {
      return col(ValidatedColumns.index(c.code())).cast("int");
    }
    List<Column> broad = new ArrayList<>();
    for (String code : Characteristic.ETHNIC_GROUP.categoryCodes()) {
      broad.add(lit(c.indexOf(Characteristic.broadEthnicGroupOf(code))));
    }
    return get(
        array(broad.toArray(new Column[0])),
        col(ValidatedColumns.index(Characteristic.ETHNIC_GROUP.code())).cast("int"));
  }
}
