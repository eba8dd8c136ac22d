package org.whotakespart.stats;

import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stack;
import static org.apache.spark.sql.functions.when;
import static org.whotakespart.stats.CountColumns.FIRST_PROJECT;
import static org.whotakespart.stats.CountColumns.LAST_PROJECT;
import static org.whotakespart.stats.CountColumns.PROJECT_INDEX;
import static org.whotakespart.stats.CountColumns.ROLES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.ingest.RecordColumns;

/**
 * Distinct people per scope and role ({@link PeopleCounts#peopleByScopeAndRole}), two ways to the
 * same counts: {@link #inOneQuery} (fewest Spark stages, for small inputs) and {@link
 * #fromProjectSums} (least work per record). Each person's roles are a bit mask ({@link
 * SeenSets#roleBits}).
 */
final class PeopleByScope {
  private PeopleByScope() {}

  /** Below this many records {@link PeopleCounts#peopleByScopeAndRole} takes one query. */
  static final long ONE_QUERY_BELOW = 1_000_000;

  /** A scope, by its type's code and its id, in the order of the type, then the id. */
  private record Scope(String type, String id) implements Comparable<Scope> {
    private static final Comparator<Scope> ORDER =
        Comparator.comparing(Scope::type).thenComparing(Scope::id);

    @Override
    public int compareTo(Scope other) {
      return ORDER.compare(this, other);
    }
  }

  /**
   * One query: each person's roles one bit mask per project, the masks joined with the scopes and
   * or-ed once more per person and scope, and the people with each bit summed.
   */
  static Dataset<Row> inOneQuery(
      Dataset<Row> inPeriod, Dataset<Row> projectScopes, Set<String> measuredRoles) {
    List<String> groups = SeenSets.roleGroups();
    Column[] sums = SeenSets.roleSums(groups);
    List<Column> stacked = new ArrayList<>(List.of(lit(groups.size())));
    for (int i = 0; i < groups.size(); i++) {
      stacked.add(lit(groups.get(i)));
      stacked.add(col(CountColumns.roleCount(i)));
    }
    return inPeriod
        .groupBy(col(RecordColumns.PROJECT_ID), col(RecordColumns.PARTICIPANT_ID))
        .agg(bit_or(SeenSets.roleBits(groups, measuredRoles)).as(ROLES))
        .join(broadcast(projectScopes), RecordColumns.PROJECT_ID)
        .groupBy(
            col(CountColumns.SCOPE_TYPE),
            col(CountColumns.SCOPE_ID),
            col(RecordColumns.PARTICIPANT_ID))
        .agg(bit_or(col(ROLES)).as(ROLES))
        .groupBy(col(CountColumns.SCOPE_TYPE), col(CountColumns.SCOPE_ID))
        .agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length))
        .select(
            col(CountColumns.SCOPE_TYPE),
            col(CountColumns.SCOPE_ID),
            stack(stacked.toArray(new Column[0]))
                .as(new String[] {CountColumns.ROLE, CountColumns.PEOPLE}))
        .filter(col(CountColumns.PEOPLE).gt(0));
  }

  /**
   * Projects by a small number (from 1), so that a person's projects are compared as fixed-width
   * values (min and max of strings would take Spark off its hash aggregate): each project's number,
   * the scopes of each number, and the project scopes' rows by number.
   */
  private record ProjectIndex(
      Map<String, Integer> index, List<List<Scope>> scopesOf, List<Row> indexedScopes) {
    static ProjectIndex of(List<Row> scopeRows) {
      Map<String, Integer> index = new TreeMap<>();
      scopeRows.forEach(r -> index.putIfAbsent(r.getString(0), 0));
      int next = 1;
      for (Map.Entry<String, Integer> e : index.entrySet()) {
        e.setValue(next++);
      }
      List<List<Scope>> scopesOf = new ArrayList<>();
      for (int i = 0; i <= index.size(); i++) {
        scopesOf.add(new ArrayList<>());
      }
      List<Row> indexedScopes = new ArrayList<>();
      for (Row r : scopeRows) {
        int i = index.get(r.getString(0));
        scopesOf.get(i).add(new Scope(r.getString(1), r.getString(2)));
        indexedScopes.add(RowFactory.create(i, r.getString(1), r.getString(2)));
      }
      return new ProjectIndex(index, scopesOf, indexedScopes);
    }

    Dataset<Row> frame(SparkSession spark) {
      return spark.createDataFrame(
          index.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList(),
          new StructType()
              .add(RecordColumns.PROJECT_ID, DataTypes.StringType)
              .add(PROJECT_INDEX, DataTypes.IntegerType));
    }

    Dataset<Row> scopesFrame(SparkSession spark) {
      return spark.createDataFrame(
          indexedScopes,
          new StructType()
              .add(PROJECT_INDEX, DataTypes.IntegerType)
              .add(CountColumns.SCOPE_TYPE, DataTypes.StringType)
              .add(CountColumns.SCOPE_ID, DataTypes.StringType));
    }
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
    List<String> groups = SeenSets.roleGroups();
    Column[] sums = SeenSets.roleSums(groups);
    Column person = col(RecordColumns.PARTICIPANT_ID);
    Column project = col(PROJECT_INDEX);
    SparkSession spark = inPeriod.sparkSession();
    ProjectIndex index = ProjectIndex.of(projectScopes.collectAsList());
    Dataset<Row> records =
        inPeriod
            .join(broadcast(index.frame(spark)), RecordColumns.PROJECT_ID)
            .select(project, person, SeenSets.roleBits(groups, measuredRoles).as(ROLES));
    Dataset<Row> byPerson =
        records
            .groupBy(person)
            .agg(
                min(project).as(FIRST_PROJECT),
                max(project).as(LAST_PROJECT),
                bit_or(col(ROLES)).as(ROLES));
    Map<Scope, long[]> byScope = new TreeMap<>();
    boolean inSeveral = addProjectSums(byScope, byPerson, sums, index);
    if (inSeveral) {
      for (Row r :
          records
              .join(
                  byPerson.filter(col(FIRST_PROJECT).notEqual(col(LAST_PROJECT))).select(person),
                  RecordColumns.PARTICIPANT_ID,
                  "left_semi")
              .join(broadcast(index.scopesFrame(spark)), PROJECT_INDEX)
              .groupBy(col(CountColumns.SCOPE_TYPE), col(CountColumns.SCOPE_ID), person)
              .agg(bit_or(col(ROLES)).as(ROLES))
              .groupBy(col(CountColumns.SCOPE_TYPE), col(CountColumns.SCOPE_ID))
              .agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length))
              .collectAsList()) {
        addCounts(byScope, new Scope(r.getString(0), r.getString(1)), r, 2);
      }
    }
    return rows(spark, byScope, groups);
  }

  /**
   * Adds, per project, its people seen in no other project to each scope of the project; says
   * whether anybody was seen in several (summed under index 0, left for the caller).
   */
  private static boolean addProjectSums(
      Map<Scope, long[]> byScope, Dataset<Row> byPerson, Column[] sums, ProjectIndex index) {
    boolean inSeveral = false;
    for (Row r :
        byPerson
            .groupBy(
                when(col(FIRST_PROJECT).equalTo(col(LAST_PROJECT)), col(FIRST_PROJECT))
                    .otherwise(lit(0))
                    .as(PROJECT_INDEX))
            .agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length))
            .collectAsList()) {
      if (r.getInt(0) == 0) {
        inSeveral = true;
        continue;
      }
      for (Scope scope : index.scopesOf().get(r.getInt(0))) {
        addCounts(byScope, scope, r, 1);
      }
    }
    return inSeveral;
  }

  /** The scopes' people per role group, where there are any: scope_type, scope_id, role, people. */
  private static Dataset<Row> rows(
      SparkSession spark, Map<Scope, long[]> byScope, List<String> groups) {
    List<Row> out = new ArrayList<>();
    byScope.forEach(
        (scope, n) -> {
          for (int i = 0; i < groups.size(); i++) {
            if (n[i] > 0) {
              out.add(RowFactory.create(scope.type(), scope.id(), groups.get(i), n[i]));
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
  private static void addCounts(Map<Scope, long[]> byScope, Scope scope, Row r, int first) {
    long[] n = byScope.computeIfAbsent(scope, k -> new long[r.size() - first]);
    for (int i = 0; i < n.length; i++) {
      n[i] += r.getLong(first + i);
    }
  }
}
