package org.whotakespart.stats;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Period;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.store.HistoryStore;
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
  private static final int CATEGORY_BITS = 64;
  private static final String PROJECT_INDEX = "project_index";

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
        String q = HistoryStore.quarterValue(quarters.get(i).label());
        values.add(q);
        index = when(col(HistoryStore.QUARTER).equalTo(q), lit(i)).otherwise(index);
      }
      return df.filter(col(HistoryStore.QUARTER).isin(values.toArray()))
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
  private static Column roleIndex() {
    return coalesce(
        col(ValidatedColumns.index(RecordColumns.ROLE)),
        lit(roleIndexOf(Vocabulary.ROLE_LIVED_EXPERIENCE)));
  }

  private static byte roleIndexOf(String role) {
    return knownIndex(RecordColumns.ROLE, role);
  }

  /** A code's index in its column's list, for codes the counting names itself. */
  private static byte knownIndex(String column, String code) {
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
      Column isLast = col(IS_LAST);
      Map<String, Column> earlier = personAggregates(not(isLast));
      List<String> names = new ArrayList<>(earlier.keySet());
      List<Column> aggregates = new ArrayList<>();
      earlier.forEach((name, aggregate) -> aggregates.add(aggregate.as(name)));
      personAggregates(isLast)
          .forEach((name, aggregate) -> aggregates.add(aggregate.as(name + LAST)));
      aggregates.add(recordCount(not(isLast), rolledUp).as(RECORDS));
      aggregates.add(recordCount(isLast, rolledUp).as(RECORDS + LAST));
      List<Column> earlierRow = new ArrayList<>();
      List<Column> laterRow = new ArrayList<>();
      earlierRow.add(col(GROUP).as(CountColumns.PERIOD_INDEX));
      laterRow.add(lit(last).as(CountColumns.PERIOD_INDEX));
      for (String n : names) {
        earlierRow.add(col(n).as(n));
        laterRow.add(col(n + LAST).as(n));
      }
      earlierRow.add(
          col(GROUP)
              .equalTo(lit(last - 1))
              .and(col(RECORDS + LAST).gt(0))
              .as(CountColumns.ACTIVE_NEXT));
      laterRow.add(lit(false).as(CountColumns.ACTIVE_NEXT));
      earlierRow.add(col(RECORDS).as(RECORDS));
      laterRow.add(col(RECORDS + LAST).as(RECORDS));
      List<Column> out =
          new ArrayList<>(
              List.of(col(RecordColumns.PROJECT_ID), col(RecordColumns.PARTICIPANT_ID)));
      out.add(
          inline(
              array(
                  struct(earlierRow.toArray(new Column[0])),
                  struct(laterRow.toArray(new Column[0])))));
      Column period = col(CountColumns.PERIOD_INDEX);
      List<Column> inputs =
          new ArrayList<>(
              List.of(
                  col(RecordColumns.PROJECT_ID),
                  col(RecordColumns.PARTICIPANT_ID),
                  when(period.equalTo(lit(last)), lit(last - 1)).otherwise(period).as(GROUP),
                  period.equalTo(lit(last)).as(IS_LAST)));
      Dataset<Row> values;
      if (rolledUp) {
        for (String n : names) {
          inputs.add(col(n));
        }
        inputs.add(col(CountColumns.RECORDS));
        values = df.select(inputs.toArray(new Column[0]));
      } else {
        values =
            personValues(
                df,
                inputs,
                List.of(RecordColumns.PROJECT_ID, RecordColumns.PARTICIPANT_ID, GROUP, IS_LAST));
      }
      return values
          .groupBy(col(RecordColumns.PROJECT_ID), col(RecordColumns.PARTICIPANT_ID), col(GROUP))
          .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
          .select(out.toArray(new Column[0]))
          .filter(col(RECORDS).gt(0))
          .drop(RECORDS);
    };
  }

  /**
   * The people table's rows: one per project, person, quarter (the store's {@code quarter}
   * partition value, from {@link org.whotakespart.store.HistoryStore#PERIOD}) and role (its index,
   * a blank role as lived experience), from the store's accepted records, holding what {@link
   * #perPerson(int)} aggregates per person in the same packed form (so that rolling these rows up
   * is the same as aggregating the records) and how many records they stand for ({@link
   * CountColumns#RECORDS}).
   */
  public static Function1<Dataset<Row>, Dataset<Row>> perPersonAndRole() {
    return df -> {
      String role = ValidatedColumns.index(RecordColumns.ROLE);
      List<Column> keys =
          new ArrayList<>(
              List.of(
                  col(RecordColumns.PROJECT_ID),
                  col(RecordColumns.PARTICIPANT_ID),
                  regexp_replace(col(HistoryStore.PERIOD), " ", "-").as(HistoryStore.QUARTER),
                  roleIndex().as(role)));
      List<Column> aggregates = new ArrayList<>();
      personAggregates(null).forEach((name, aggregate) -> aggregates.add(aggregate.as(name)));
      aggregates.add(count(lit(1)).as(CountColumns.RECORDS));
      return personValues(
              df,
              keys,
              List.of(
                  RecordColumns.PROJECT_ID,
                  RecordColumns.PARTICIPANT_ID,
                  HistoryStore.QUARTER,
                  role))
          .groupBy(
              col(RecordColumns.PROJECT_ID),
              col(RecordColumns.PARTICIPANT_ID),
              col(HistoryStore.QUARTER),
              col(role))
          .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]));
    };
  }

  /**
   * How many records a person has where {@code keep} holds: counted from records, or the people
   * rows' counts summed ({@code rolledUp}; 0, not null, where there are none).
   */
  private static Column recordCount(Column keep, boolean rolledUp) {
    return rolledUp
        ? coalesce(sum(when(keep, col(CountColumns.RECORDS))), lit(0L))
        : count(when(keep, lit(1)));
  }

  private static final String GROUP = "person_group";
  private static final String IS_LAST = "in_last_quarter";
  private static final String DAY = "day_shifted";
  private static final String RECORDS = "person_records";
  private static final String LAST = "_last";

  /**
   * Each record's values as small numbers, worked out once per record before aggregating (inside
   * the aggregation each would be worked out again for every aggregate using it, four times over
   * with two quarters' columns): the {@code keys} given, then per characteristic its category index
   * packed with the day ({@code day * 64 + index}), the categories of every characteristic as bits
   * ({@link CountColumns#SEEN}), the stage, pay and adjustments as bits and the decile packed with
   * the day, all from the codes' indices ({@link ValidatedColumns#index}), never from the codes'
   * text. Each is named as the aggregate of it ({@link #personAggregates}).
   */
  private static Dataset<Row> personValues(
      Dataset<Row> df, List<Column> keys, List<String> keyNames) {
    List<Column> in = new ArrayList<>(keys);
    in.add(
        unix_date(col(ValidatedColumns.ACTIVITY_DAY)).cast("long").multiply(CATEGORY_BITS).as(DAY));
    for (Characteristic c : Characteristic.values()) {
      in.add(categoryIndex(c).as(indexColumn(c)));
    }
    // Each stage its own bit (the stages' index in their list: design, delivery, evaluation).
    in.add(
        call_function("shiftleft", lit(1), col(ValidatedColumns.index(RecordColumns.STAGE)))
            .as(CountColumns.STAGES));
    Column paid = col(ValidatedColumns.index(RecordColumns.PAID));
    Column requested = col(ValidatedColumns.index(RecordColumns.ADJUSTMENTS_REQUESTED));
    Column met = col(ValidatedColumns.index(RecordColumns.ADJUSTMENTS_MET));
    Column yes = lit(knownIndex(RecordColumns.PAID, "yes"));
    Column no = lit(knownIndex(RecordColumns.PAID, "no"));
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
    Column day = col(DAY);
    for (Characteristic c : Characteristic.values()) {
      out.add(day.plus(col(indexColumn(c))).as(CountColumns.latest(c.code())));
    }
    out.add(seen().as(CountColumns.SEEN));
    out.add(col(CountColumns.STAGES));
    out.add(col(CountColumns.PAID));
    out.add(col(CountColumns.ADJUSTMENTS));
    out.add(day.plus(col(CountColumns.DECILE)).as(CountColumns.DECILE));
    return df.select(in.toArray(new Column[0])).select(out.toArray(new Column[0]));
  }

  /**
   * Where each characteristic's bits start in {@link CountColumns#SEEN}: all the values a person
   * gave, for every characteristic, fit one {@code long} (54 categories), so one {@code bit_or} per
   * person stands for one per characteristic (a third of the aggregates updated per record).
   */
  private static final int[] SEEN_OFFSET = seenOffsets();

  private static int[] seenOffsets() {
    int[] offset = new int[Characteristic.values().length];
    int next = 0;
    for (Characteristic c : Characteristic.values()) {
      offset[c.ordinal()] = next;
      next += c.categoryCodes().size();
    }
    if (next > Long.SIZE) {
      throw new IllegalStateException(
          "the characteristics have "
              + next
              + " categories; the"
              + " values a person gave are kept in one 64-bit set: give CountColumns.SEEN a second one");
    }
    return offset;
  }

  /** The record's category of every characteristic, as bits of {@link CountColumns#SEEN}. */
  private static Column seen() {
    Column seen = lit(0L);
    for (Characteristic c : Characteristic.values()) {
      seen =
          seen.bitwiseOR(
              coalesce(
                  call_function(
                      "shiftleft",
                      lit(1L),
                      col(indexColumn(c)).plus(lit(SEEN_OFFSET[c.ordinal()]))),
                  lit(0L)));
    }
    return seen;
  }

  private static String indexColumn(Characteristic c) {
    return c.code() + "_index";
  }

  /**
   * The per-person aggregates of {@link #personValues} (or of the people rows, which hold the same
   * values already aggregated per role) over the rows for which {@code keep} holds (all when null),
   * by the name of the column each makes: the latest values are maxima of day-packed values, the
   * rest bit sets.
   */
  private static Map<String, Column> personAggregates(Column keep) {
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
      StringBuilder stack = new StringBuilder("stack(").append(Characteristic.values().length);
      for (Characteristic c : Characteristic.values()) {
        stack
            .append(", '")
            .append(c.code())
            .append("', ")
            .append("cast(pmod(")
            .append(CountColumns.latest(c.code()))
            .append(", ")
            .append(CATEGORY_BITS)
            .append(") as int), ")
            .append("bit_count(shiftright(coalesce(")
            .append(CountColumns.SEEN)
            .append(", 0L), ")
            .append(SEEN_OFFSET[c.ordinal()])
            .append(") & ")
            .append((1L << c.categoryCodes().size()) - 1)
            .append("L) > 1");
      }
      stack
          .append(") as (")
          .append(CountColumns.CHARACTERISTIC)
          .append(", ")
          .append(CountColumns.CATEGORY_INDEX)
          .append(", is_conflict)");
      List<Column> sums = new ArrayList<>();
      sums.add(sum(when(col("is_conflict"), 1L).otherwise(0L)).as(CountColumns.CONFLICTS));
      for (ExperienceCount.Flag f : ExperienceCount.Flag.values()) {
        sums.add(sum(when(f.of(), 1L).otherwise(0L)).as(f.column()));
      }
      List<String> select =
          new ArrayList<>(
              List.of(
                  CountColumns.PERIOD_INDEX,
                  RecordColumns.PROJECT_ID,
                  CountColumns.STAGES,
                  CountColumns.PAID,
                  CountColumns.ADJUSTMENTS,
                  CountColumns.DECILE,
                  CountColumns.ACTIVE_NEXT));
      List<Column> keys =
          new ArrayList<>(
              List.of(
                  col(CountColumns.PERIOD_INDEX),
                  col(RecordColumns.PROJECT_ID),
                  col(CountColumns.CHARACTERISTIC),
                  col(CountColumns.CATEGORY_INDEX)));
      if (byAgeAndSex) {
        select.add(
            "cast(pmod("
                + CountColumns.latest(Characteristic.AGE_BAND.code())
                + ", "
                + CATEGORY_BITS
                + ") as int) as "
                + CountColumns.AGE_INDEX);
        select.add(
            "cast(pmod("
                + CountColumns.latest(Characteristic.SEX.code())
                + ", "
                + CATEGORY_BITS
                + ") as int) as "
                + CountColumns.SEX_INDEX);
        keys.add(col(CountColumns.AGE_INDEX));
        keys.add(col(CountColumns.SEX_INDEX));
      }
      select.add(stack.toString());
      return df.selectExpr(select.toArray(new String[0]))
          .groupBy(keys.toArray(new Column[0]))
          .agg(count(lit(1)).as(CountColumns.PEOPLE), sums.toArray(new Column[0]));
    };
  }

  /** Below this many records {@link #peopleByScopeAndRole} takes one query (fewer stages). */
  static final long ONE_QUERY_BELOW = 1_000_000;

  /**
   * Distinct people per scope and role, from records already filtered to the period: each record's
   * role, plus {@link PeopleRow#MEASURED} when the role is measured and {@link PeopleRow#EVERYONE},
   * counted once per person in each scope the project belongs to. Only roles with somebody in them
   * are given. Two ways to the same counts: below {@link #ONE_QUERY_BELOW} records {@link
   * #inOneQuery} (fewest Spark stages, for small inputs), otherwise {@link #fromProjectSums} (least
   * work per record).
   *
   * @param inPeriod accepted records of the period ({@link #filterAcceptedIn(Period)})
   * @param projectScopes one row per project and scope: project_id, scope_type, scope_id (small: it
   *     is brought to the driver)
   * @param records how many records {@code inPeriod} holds, about
   * @return scope_type, scope_id, role, people
   */
  public static Dataset<Row> peopleByScopeAndRole(
      Dataset<Row> inPeriod, Dataset<Row> projectScopes, Set<String> measuredRoles, long records) {
    return records < ONE_QUERY_BELOW
        ? inOneQuery(inPeriod, projectScopes, measuredRoles)
        : fromProjectSums(inPeriod, projectScopes, measuredRoles);
  }

  /** The role groups people are counted in: each role, then measured roles, then everyone. */
  private static List<String> roleGroups() {
    List<String> groups = new ArrayList<>(Vocabulary.ROLES);
    groups.add(PeopleRow.MEASURED);
    groups.add(PeopleRow.EVERYONE);
    return groups;
  }

  /** A record's role groups as bits, in {@link #roleGroups()} order. */
  private static Column roleBits(List<String> groups, Set<String> measuredRoles) {
    // Each role's bit is its index in Vocabulary.ROLES, which begins roleGroups().
    return call_function("shiftleft", lit(1L), roleIndex())
        .bitwiseOR(
            when(isMeasuredRole(measuredRoles), lit(1L << groups.indexOf(PeopleRow.MEASURED)))
                .otherwise(lit(0L)))
        .bitwiseOR(lit(1L << groups.indexOf(PeopleRow.EVERYONE)));
  }

  /** Per role group, the people whose {@code roles} mask has its bit: columns n0, n1, ... */
  private static Column[] roleSums(List<String> groups) {
    Column[] sums = new Column[groups.size()];
    for (int i = 0; i < groups.size(); i++) {
      sums[i] =
          sum(when(col("roles").bitwiseAND(lit(1L << i)).notEqual(lit(0L)), 1L).otherwise(0L))
              .as("n" + i);
    }
    return sums;
  }

  /**
   * One query: each person's roles one bit mask per project, the masks joined with the scopes and
   * or-ed once more per person and scope, and the people with each bit summed.
   */
  static Dataset<Row> inOneQuery(
      Dataset<Row> inPeriod, Dataset<Row> projectScopes, Set<String> measuredRoles) {
    List<String> groups = roleGroups();
    Column[] sums = roleSums(groups);
    StringBuilder stack = new StringBuilder("stack(").append(groups.size());
    for (int i = 0; i < groups.size(); i++) {
      stack.append(", '").append(groups.get(i)).append("', n").append(i);
    }
    stack
        .append(") as (")
        .append(CountColumns.ROLE)
        .append(", ")
        .append(CountColumns.PEOPLE)
        .append(")");
    return inPeriod
        .groupBy(col(RecordColumns.PROJECT_ID), col(RecordColumns.PARTICIPANT_ID))
        .agg(bit_or(roleBits(groups, measuredRoles)).as("roles"))
        .join(broadcast(projectScopes), RecordColumns.PROJECT_ID)
        .groupBy(
            col(CountColumns.SCOPE_TYPE),
            col(CountColumns.SCOPE_ID),
            col(RecordColumns.PARTICIPANT_ID))
        .agg(bit_or(col("roles")).as("roles"))
        .groupBy(col(CountColumns.SCOPE_TYPE), col(CountColumns.SCOPE_ID))
        .agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length))
        .selectExpr(CountColumns.SCOPE_TYPE, CountColumns.SCOPE_ID, stack.toString())
        .filter(col(CountColumns.PEOPLE).gt(0));
  }

  /**
   * Most people take part in one project only, and then every scope of that project sees the same
   * person with the same roles. So each person's roles are first or-ed into one bit mask with the
   * first and last project they were seen in; the people of one project are summed per project (one
   * small aggregation, brought to the driver) and rolled up to the project's scopes. Only if some
   * people were seen in more than one project are their records grouped per scope and person, so
   * that they count once in a scope their projects share. (Grouping every person by scope made 12.7
   * million keys, spilling, for 10 million records.)
   */
  static Dataset<Row> fromProjectSums(
      Dataset<Row> inPeriod, Dataset<Row> projectScopes, Set<String> measuredRoles) {
    List<String> groups = roleGroups();
    Column bits = roleBits(groups, measuredRoles);
    Column[] sums = roleSums(groups);
    Column person = col(RecordColumns.PARTICIPANT_ID);
    Column project = col(PROJECT_INDEX);
    // Projects by a small number (from 1), so that a person's projects are compared as
    // fixed-width values (min and max of strings would take Spark off its hash aggregate).
    SparkSession spark = inPeriod.sparkSession();
    List<Row> scopeRows = projectScopes.collectAsList();
    Map<String, Integer> index = new TreeMap<>();
    scopeRows.forEach(r -> index.putIfAbsent(r.getString(0), 0));
    int next = 1;
    for (Map.Entry<String, Integer> e : index.entrySet()) {
      e.setValue(next++);
    }
    List<List<String>> scopesOfIndex = new ArrayList<>();
    for (int i = 0; i <= index.size(); i++) {
      scopesOfIndex.add(new ArrayList<>());
    }
    List<Row> indexedScopes = new ArrayList<>();
    for (Row r : scopeRows) {
      int i = index.get(r.getString(0));
      scopesOfIndex.get(i).add(r.getString(1) + '\u0000' + r.getString(2));
      indexedScopes.add(RowFactory.create(i, r.getString(1), r.getString(2)));
    }
    Dataset<Row> projectIndex =
        spark.createDataFrame(
            index.entrySet().stream()
                .map(e -> RowFactory.create(e.getKey(), e.getValue()))
                .toList(),
            new StructType()
                .add(RecordColumns.PROJECT_ID, DataTypes.StringType)
                .add(PROJECT_INDEX, DataTypes.IntegerType));
    Dataset<Row> records =
        inPeriod
            .join(broadcast(projectIndex), RecordColumns.PROJECT_ID)
            .select(project, person, bits.as("roles"));
    Dataset<Row> byPerson =
        records
            .groupBy(person)
            .agg(
                min(project).as("first_project"),
                max(project).as("last_project"),
                bit_or(col("roles")).as("roles"));
    // Per project, its people seen in no other project; under index 0, everyone else. Each
    // project's sums count in every scope of the project.
    Map<String, long[]> byScope = new TreeMap<>();
    boolean inSeveral = false;
    for (Row r :
        byPerson
            .groupBy(
                when(col("first_project").equalTo(col("last_project")), col("first_project"))
                    .otherwise(lit(0))
                    .as(PROJECT_INDEX))
            .agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length))
            .collectAsList()) {
      if (r.getInt(0) == 0) {
        inSeveral = true;
        continue;
      }
      for (String scope : scopesOfIndex.get(r.getInt(0))) {
        addCounts(byScope, scope, r, 1);
      }
    }
    if (inSeveral) {
      Dataset<Row> scopesOf =
          broadcast(
              spark.createDataFrame(
                  indexedScopes,
                  new StructType()
                      .add(PROJECT_INDEX, DataTypes.IntegerType)
                      .add(CountColumns.SCOPE_TYPE, DataTypes.StringType)
                      .add(CountColumns.SCOPE_ID, DataTypes.StringType)));
      for (Row r :
          records
              .join(
                  byPerson
                      .filter(col("first_project").notEqual(col("last_project")))
                      .select(person),
                  RecordColumns.PARTICIPANT_ID,
                  "left_semi")
              .join(scopesOf, PROJECT_INDEX)
              .groupBy(col(CountColumns.SCOPE_TYPE), col(CountColumns.SCOPE_ID), person)
              .agg(bit_or(col("roles")).as("roles"))
              .groupBy(col(CountColumns.SCOPE_TYPE), col(CountColumns.SCOPE_ID))
              .agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length))
              .collectAsList()) {
        addCounts(byScope, r.getString(0) + '\u0000' + r.getString(1), r, 2);
      }
    }
    List<Row> out = new ArrayList<>();
    byScope.forEach(
        (scope, n) -> {
          String[] key = scope.split("\u0000", 2);
          for (int i = 0; i < groups.size(); i++) {
            if (n[i] > 0) {
              out.add(RowFactory.create(key[0], key[1], groups.get(i), n[i]));
            }
          }
        });
    return spark.createDataFrame(
        out,
        new StructType()
            .add(CountColumns.SCOPE_TYPE, DataTypes.StringType)
            .add(CountColumns.SCOPE_ID, DataTypes.StringType)
            .add(CountColumns.ROLE, DataTypes.StringType)
            .add(CountColumns.PEOPLE, DataTypes.LongType));
  }

  /** Adds a row's people per role group (its columns from {@code first} on) to a scope's. */
  private static void addCounts(Map<String, long[]> byScope, String scope, Row r, int first) {
    long[] n = byScope.computeIfAbsent(scope, k -> new long[r.size() - first]);
    for (int i = 0; i < n.length; i++) {
      n[i] += r.getLong(first + i);
    }
  }
}
