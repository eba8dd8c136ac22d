package org.whotakespart.stats;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.stack;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.whotakespart.stats.CountColumns.IN_LAST_QUARTER;
import static org.whotakespart.stats.CountColumns.IS_CONFLICT;
import static org.whotakespart.stats.CountColumns.LAST_SUFFIX;
import static org.whotakespart.stats.CountColumns.PERSON_GROUP;
import static org.whotakespart.stats.CountColumns.PERSON_RECORDS;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Period;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.validate.ValidatedColumns;
import scala.Function1;

/**
 * Distinct people per project, characteristic and category, in one pass over the records.
 *
 * <p>A person counts once per project. Where their recorded value differs between activities the
 * most recent known value is used (ties on a day go to the later category in report order, so runs
 * repeat exactly), and the disagreement is counted as a conflict. To keep Spark on its fast hash
 * aggregate, each value is coded as a small integer and packed with its day into one {@code long}
 * ({@code day * 64 + category}), so "most recent" is a plain {@code max} (docs/spark.md: measured
 * this plan at 28 s against 45 s for {@code max_by} over strings on 10 M records). The
 * characteristics are then unpivoted and counted in a single {@code groupBy}.
 *
 * <pre>{@code
 * Dataset<Row> counts = validated
 *     .transform(PeopleCounts.filterAcceptedIn(period))
 *     .transform(PeopleCounts.filterMeasuredRoles(Set.of("lived_experience", "carer")))
 *     .transform(PeopleCounts.perPerson(1))
 *     .transform(PeopleCounts.perCategory());
 * }</pre>
 */
public final class PeopleCounts {
  private PeopleCounts() {}

  /** Keeps accepted records whose activity_date falls in the period, labelled with it. */
  public static Function1<Dataset<Row>, Dataset<Row>> filterAcceptedIn(Period period) {
    return filterAcceptedIn(List.of(period));
  }

  /**
   * Keeps accepted records dated in any of the periods, each labelled with its period ({@link
   * CountColumns#PERIOD}), so that several quarters are counted in one pass.
   */
  public static Function1<Dataset<Row>, Dataset<Row>> filterAcceptedIn(List<Period> periods) {
    return df -> {
      Column inAny = lit(false);
      Column label = lit(null).cast("string");
      Column index = lit(null).cast("int");
      for (int i = 0; i < periods.size(); i++) {
        Period p = periods.get(i);
        inAny = inAny.or(isAcceptedIn(p));
        label = when(isAcceptedIn(p), lit(p.label())).otherwise(label);
        index = when(isAcceptedIn(p), lit(i)).otherwise(index);
      }
      return df.filter(inAny)
          .withColumn(CountColumns.PERIOD, label)
          .withColumn(CountColumns.PERIOD_INDEX, index);
    };
  }

  /**
   * The people table's rows of {@code quarters}, each labelled with its quarter's index in the list
   * ({@link CountColumns#PERIOD_INDEX}), as {@link #filterAcceptedIn(List)} labels records.
   */
  public static Function1<Dataset<Row>, Dataset<Row>> ofQuarters(List<Period> quarters) {
    return df -> {
      Column index = lit(null).cast("int");
      List<String> values = new ArrayList<>();
      for (int i = 0; i < quarters.size(); i++) {
        String q = RecordColumns.quarterValue(quarters.get(i).label());
        values.add(q);
        index = when(col(RecordColumns.QUARTER).equalTo(q), lit(i)).otherwise(index);
      }
      return df.filter(col(RecordColumns.QUARTER).isin(values.toArray()))
          .withColumn(CountColumns.PERIOD_INDEX, index);
    };
  }

  /**
   * Keeps records of the roles measured against the population (a blank role is lived experience).
   */
  public static Function1<Dataset<Row>, Dataset<Row>> filterMeasuredRoles(Set<String> roles) {
    return df -> df.filter(isMeasuredRole(roles));
  }

  /** True for an accepted record dated in the period. */
  public static Column isAcceptedIn(Period period) {
    return col(ValidatedColumns.ROW_STATUS)
        .equalTo(lit(ValidatedColumns.ACCEPTED))
        .and(col(ValidatedColumns.ACTIVITY_DAY).geq(lit(Date.valueOf(period.start()))))
        .and(col(ValidatedColumns.ACTIVITY_DAY).lt(lit(Date.valueOf(period.endExclusive()))));
  }

  /** True for a record whose role is measured against the population. */
  public static Column isMeasuredRole(Set<String> roles) {
    return roleIndex().isin(roles.stream().map(PeopleCounts::roleIndexOf).sorted().toArray());
  }

  /**
   * The record's role as its index in {@code Vocabulary.ROLES}; a blank role is lived experience.
   */
  static Column roleIndex() {
    return coalesce(
        col(ValidatedColumns.index(RecordColumns.ROLE)),
        lit(roleIndexOf(Vocabulary.ROLE_LIVED_EXPERIENCE)));
  }

  private static byte roleIndexOf(String role) {
    return knownIndex(RecordColumns.ROLE, role);
  }

  /** A code's index in its column's list, for codes the counting names itself. */
  static byte knownIndex(String column, String code) {
    Integer i = Vocabulary.indexOf(column, code);
    if (i == null) {
      throw new IllegalArgumentException(
          "'"
              + code
              + "' is not a code of "
              + column
              + ": use one"
              + " of "
              + Vocabulary.codedColumns().get(column));
    }
    return i.byteValue();
  }

  /**
   * One row per project, person and period (by index): per characteristic the packed latest value,
   * the values seen of every characteristic as one bit set, what the person's activities say of
   * their experience (the stages they took part in, whether they were paid, whether adjustments
   * they asked for were met, their latest deprivation decile: {@link ExperienceCount} says how each
   * is read), and, in the quarter before the last, whether they took part in the same project in
   * the last quarter ({@code active_next}, for retention; false in the other quarters).
   *
   * <p>Retention needs no join: a person's records of the last two quarters are aggregated into one
   * group (project, person, the quarter before the last) with two sets of columns, one per quarter,
   * which are then split into a row per quarter; the earlier quarter's row is retained when the
   * later set holds any record. (A join of every person with themselves a quarter later sorted 6
   * million wide rows and spilled at 10 M records.)
   *
   * @param periods how many quarters {@link #filterAcceptedIn(List)} was given, oldest first
   */
  public static Function1<Dataset<Row>, Dataset<Row>> perPerson(int periods) {
    return perPerson(periods, false);
  }

  /**
   * As {@link #perPerson(int)}, from the people table's rows ({@link #perPersonAndRole()}) of the
   * measured roles, labelled with their {@link CountColumns#PERIOD_INDEX}, instead of records: the
   * same aggregation rolls the per-role rows up into per-person ones (a maximum of maxima, a bit
   * set of bit sets, a sum of record counts), so the two give the same rows.
   */
  public static Function1<Dataset<Row>, Dataset<Row>> perPersonFromPeople(int periods) {
    return perPerson(periods, true);
  }

  private static Function1<Dataset<Row>, Dataset<Row>> perPerson(int periods, boolean rolledUp) {
    return df -> {
      int last = periods - 1;
      Column isLast = col(IN_LAST_QUARTER);
      Map<String, Column> earlier = PersonValues.aggregates(not(isLast));
      List<String> names = new ArrayList<>(earlier.keySet());
      List<Column> aggregates = new ArrayList<>();
      earlier.forEach((name, aggregate) -> aggregates.add(aggregate.as(name)));
      PersonValues.aggregates(isLast)
          .forEach((name, aggregate) -> aggregates.add(aggregate.as(name + LAST_SUFFIX)));
      aggregates.add(PersonValues.recordCount(not(isLast), rolledUp).as(PERSON_RECORDS));
      aggregates.add(PersonValues.recordCount(isLast, rolledUp).as(PERSON_RECORDS + LAST_SUFFIX));
      Column period = col(CountColumns.PERIOD_INDEX);
      List<Column> inputs =
          new ArrayList<>(
              List.of(
                  col(RecordColumns.PROJECT_ID),
                  col(RecordColumns.PARTICIPANT_ID),
                  when(period.equalTo(lit(last)), lit(last - 1)).otherwise(period).as(PERSON_GROUP),
                  period.equalTo(lit(last)).as(IN_LAST_QUARTER)));
      Dataset<Row> values;
      if (rolledUp) {
        for (String n : names) {
          inputs.add(col(n));
        }
        inputs.add(col(CountColumns.RECORDS));
        values = df.select(inputs.toArray(new Column[0]));
      } else {
        values =
            PersonValues.of(
                df,
                inputs,
                List.of(
                    RecordColumns.PROJECT_ID,
                    RecordColumns.PARTICIPANT_ID,
                    PERSON_GROUP,
                    IN_LAST_QUARTER));
      }
      return values
          .groupBy(
              col(RecordColumns.PROJECT_ID), col(RecordColumns.PARTICIPANT_ID), col(PERSON_GROUP))
          .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
          .select(
              col(RecordColumns.PROJECT_ID),
              col(RecordColumns.PARTICIPANT_ID),
              inline(array(earlierRow(names, last), laterRow(names, last))))
          .filter(col(PERSON_RECORDS).gt(0))
          .drop(PERSON_RECORDS);
    };
  }

  /**
   * A group's row of its own quarter (the earlier one when it holds the last's records too), with
   * whether the person came back in the last quarter.
   */
  private static Column earlierRow(List<String> names, int last) {
    List<Column> row = new ArrayList<>();
    row.add(col(PERSON_GROUP).as(CountColumns.PERIOD_INDEX));
    for (String n : names) {
      row.add(col(n).as(n));
    }
    row.add(
        col(PERSON_GROUP)
            .equalTo(lit(last - 1))
            .and(col(PERSON_RECORDS + LAST_SUFFIX).gt(0))
            .as(CountColumns.ACTIVE_NEXT));
    row.add(col(PERSON_RECORDS).as(PERSON_RECORDS));
    return struct(row.toArray(new Column[0]));
  }

  /** A group's row of the last quarter, from its columns ending in {@code _last}. */
  private static Column laterRow(List<String> names, int last) {
    List<Column> row = new ArrayList<>();
    row.add(lit(last).as(CountColumns.PERIOD_INDEX));
    for (String n : names) {
      row.add(col(n + LAST_SUFFIX).as(n));
    }
    row.add(lit(false).as(CountColumns.ACTIVE_NEXT));
    row.add(col(PERSON_RECORDS + LAST_SUFFIX).as(PERSON_RECORDS));
    return struct(row.toArray(new Column[0]));
  }

  /**
   * The people table's rows: one per project, person, quarter (the store's {@code quarter}
   * partition value, from {@link RecordColumns#PERIOD}) and role (its index, a blank role as lived
   * experience), from the store's accepted records, holding what {@link #perPerson(int)} aggregates
   * per person in the same packed form (so that rolling these rows up is the same as aggregating
   * the records) and how many records they stand for ({@link CountColumns#RECORDS}).
   */
  public static Function1<Dataset<Row>, Dataset<Row>> perPersonAndRole() {
    return df -> {
      String role = ValidatedColumns.index(RecordColumns.ROLE);
      List<Column> keys =
          new ArrayList<>(
              List.of(
                  col(RecordColumns.PROJECT_ID),
                  col(RecordColumns.PARTICIPANT_ID),
                  regexp_replace(col(RecordColumns.PERIOD), " ", "-").as(RecordColumns.QUARTER),
                  roleIndex().as(role)));
      List<Column> aggregates = new ArrayList<>();
      PersonValues.aggregates(null)
          .forEach((name, aggregate) -> aggregates.add(aggregate.as(name)));
      aggregates.add(count(lit(1)).as(CountColumns.RECORDS));
      return PersonValues.of(
              df,
              keys,
              List.of(
                  RecordColumns.PROJECT_ID,
                  RecordColumns.PARTICIPANT_ID,
                  RecordColumns.QUARTER,
                  role))
          .groupBy(
              col(RecordColumns.PROJECT_ID),
              col(RecordColumns.PARTICIPANT_ID),
              col(RecordColumns.QUARTER),
              col(role))
          .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]));
    };
  }

  /**
   * Unpivots the per-person values and counts distinct people per period (by its {@link
   * CountColumns#PERIOD_INDEX} in the list given to {@link #filterAcceptedIn(List)}), project,
   * characteristic and category (a null category index is "unknown"), with the conflicts among
   * them.
   */
  public static Function1<Dataset<Row>, Dataset<Row>> perCategory() {
    return perCategory(false);
  }

  /**
   * As {@link #perCategory()}; with {@code byAgeAndSex}, also by each person's age band and sex
   * (their indices, {@link CountColumns#AGE_INDEX} and {@link CountColumns#SEX_INDEX}, null when
   * not known), so that people outside a baseline's ages or sex can be told apart (a few times more
   * rows; add them up for the plain counts).
   */
  public static Function1<Dataset<Row>, Dataset<Row>> perCategory(boolean byAgeAndSex) {
    return df -> {
      // Each person's experience is worked out once, as 0 or 1, before the person is fanned out
      // to a row per characteristic, and the characteristic travels as its index: the group count
      // hashes and shuffles a number, not a name (its code is put back on the counted rows).
      List<Column> select = new ArrayList<>();
      select.add(col(CountColumns.PERIOD_INDEX));
      select.add(col(RecordColumns.PROJECT_ID));
      List<Column> sums = new ArrayList<>();
      sums.add(sum(when(col(IS_CONFLICT), 1L).otherwise(0L)).as(CountColumns.CONFLICTS));
      for (ExperienceCount.Flag f : ExperienceCount.Flag.values()) {
        select.add(when(f.of(), 1L).otherwise(0L).as(f.column()));
        sums.add(sum(col(f.column())).as(f.column()));
      }
      List<Column> keys =
          new ArrayList<>(
              List.of(
                  col(CountColumns.PERIOD_INDEX),
                  col(RecordColumns.PROJECT_ID),
                  col(CHARACTERISTIC_INDEX),
                  col(CountColumns.CATEGORY_INDEX)));
      List<Column> out =
          new ArrayList<>(
              List.of(
                  col(CountColumns.PERIOD_INDEX),
                  col(RecordColumns.PROJECT_ID),
                  characteristicCode().as(CountColumns.CHARACTERISTIC),
                  col(CountColumns.CATEGORY_INDEX)));
      if (byAgeAndSex) {
        select.add(
            PackedLatest.index(CountColumns.latest(Characteristic.AGE_BAND.code()))
                .as(CountColumns.AGE_INDEX));
        select.add(
            PackedLatest.index(CountColumns.latest(Characteristic.SEX.code()))
                .as(CountColumns.SEX_INDEX));
        for (String c : List.of(CountColumns.AGE_INDEX, CountColumns.SEX_INDEX)) {
          keys.add(col(c));
          out.add(col(c));
        }
      }
      select.add(perCharacteristic());
      out.add(col(CountColumns.PEOPLE));
      out.add(col(CountColumns.CONFLICTS));
      for (ExperienceCount.Flag f : ExperienceCount.Flag.values()) {
        out.add(col(f.column()));
      }
      return df.select(select.toArray(new Column[0]))
          .groupBy(keys.toArray(new Column[0]))
          .agg(count(lit(1)).as(CountColumns.PEOPLE), sums.toArray(new Column[0]))
          .select(out.toArray(new Column[0]));
    };
  }

  /** A characteristic's position in {@link Characteristic#values()}, while people are counted. */
  private static final String CHARACTERISTIC_INDEX = "characteristic_index";

  /** The characteristic's code, from its {@link #CHARACTERISTIC_INDEX}. */
  private static Column characteristicCode() {
    Column code = lit(null).cast("string");
    for (Characteristic c : Characteristic.values()) {
      code =
          when(col(CHARACTERISTIC_INDEX).equalTo(lit(c.ordinal())), lit(c.code())).otherwise(code);
    }
    return code;
  }

  /**
   * The per-person row unpivoted into one row per characteristic: its index ({@link
   * #CHARACTERISTIC_INDEX}), its latest category's index ({@link CountColumns#CATEGORY_INDEX}) and
   * whether the person gave more than one.
   */
  private static Column perCharacteristic() {
    List<Column> stacked = new ArrayList<>(List.of(lit(Characteristic.values().length)));
    for (Characteristic c : Characteristic.values()) {
      stacked.add(lit(c.ordinal()));
      stacked.add(PackedLatest.index(CountColumns.latest(c.code())));
      stacked.add(SeenSets.isConflict(c));
    }
    return stack(stacked.toArray(new Column[0]))
        .as(new String[] {CHARACTERISTIC_INDEX, CountColumns.CATEGORY_INDEX, IS_CONFLICT});
  }

  /**
   * Distinct people per scope and role, from records already filtered to the period: each record's
   * role, plus {@link PeopleRow#MEASURED} when the role is measured and {@link PeopleRow#EVERYONE},
   * counted once per person in each scope the project belongs to. Only roles with somebody in them
   * are given. Two ways to the same counts ({@link PeopleByScope}): below {@link
   * PeopleByScope#ONE_QUERY_BELOW} records one query (fewest Spark stages, for small inputs),
   * otherwise per project sums (least work per record).
   *
   * @param inPeriod accepted records of the period ({@link #filterAcceptedIn(Period)})
   * @param projectScopes one row per project and scope: project_id, scope_type, scope_id (small: it
   *     is brought to the driver)
   * @param records how many records {@code inPeriod} holds, about
   * @return scope_type, scope_id, role, people
   */
  public static Dataset<Row> peopleByScopeAndRole(
      Dataset<Row> inPeriod, Dataset<Row> projectScopes, Set<String> measuredRoles, long records) {
    return records < PeopleByScope.ONE_QUERY_BELOW
        ? PeopleByScope.inOneQuery(inPeriod, projectScopes, measuredRoles)
        : PeopleByScope.fromProjectSums(inPeriod, projectScopes, measuredRoles);
  }
}
