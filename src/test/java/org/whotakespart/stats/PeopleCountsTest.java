package org.whotakespart.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.testing.StartsSpark;
import org.whotakespart.testing.TestSpark;
import org.whotakespart.validate.ValidatedColumns;

@StartsSpark
class PeopleCountsTest {
  private static final StructType SCHEMA = schema();

  private static StructType schema() {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField(ValidatedColumns.ROW_STATUS, DataTypes.StringType, false));
    f.add(DataTypes.createStructField(RecordColumns.PROJECT_ID, DataTypes.StringType, false));
    f.add(DataTypes.createStructField(RecordColumns.PARTICIPANT_ID, DataTypes.StringType, false));
    f.add(DataTypes.createStructField(ValidatedColumns.ACTIVITY_DAY, DataTypes.DateType, true));
    for (String c :
        List.of(
            "role",
            "sex",
            "ethnic_group",
            "age_band",
            "gender_identity",
            "sexual_orientation",
            "religion",
            "disability",
            "unpaid_carer",
            "stage",
            "paid",
            "adjustments_requested",
            "adjustments_met",
            "imd_decile")) {
      f.add(DataTypes.createStructField(ValidatedColumns.code(c), DataTypes.StringType, true));
    }
    return DataTypes.createStructType(f);
  }

  /**
   * Checked records: the coded columns' codes as given, with their indices worked out as a store
   * written before indices were kept has them worked out.
   */
  private static Dataset<Row> frame(List<Row> rows) {
    return TestSpark.session()
        .createDataFrame(rows, SCHEMA)
        .transform(ValidatedColumns.indicesFromCodes());
  }

  /** A validated record with a role, sex and ethnic group; the rest unknown. */
  private static Row record(
      String status,
      String project,
      String person,
      String day,
      String role,
      String sex,
      String ethnic) {
    return RowFactory.create(
        status,
        project,
        person,
        Date.valueOf(day),
        role,
        sex,
        ethnic,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** An accepted activity of project A with its experience columns. */
  private static Row activity(
      String person,
      String day,
      String sex,
      String stage,
      String paid,
      String requested,
      String met,
      String decile) {
    return RowFactory.create(
        "accepted",
        "A",
        person,
        Date.valueOf(day),
        null,
        sex,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        stage,
        paid,
        requested,
        met,
        decile);
  }

  /** (project, characteristic, category or "unknown") to people. */
  private static Map<String, Long> counts(List<Row> records, Set<String> roles) {
    Dataset<Row> df = frame(records);
    Map<String, Long> out = new TreeMap<>();
    for (Row r :
        df.transform(PeopleCounts.filterAcceptedIn(Period.parse("2025-26 Q2")))
            .transform(PeopleCounts.filterMeasuredRoles(roles))
            .transform(PeopleCounts.perPerson(1))
            .transform(PeopleCounts.perCategory())
            .collectAsList()) {
      String characteristic = r.getAs(CountColumns.CHARACTERISTIC);
      Integer index = r.getAs(CountColumns.CATEGORY_INDEX);
      String category =
          index == null
              ? "unknown"
              : Characteristic.fromCode(characteristic).orElseThrow().categoryCodes().get(index);
      out.put(
          r.getAs(CountColumns.PROJECT_ID) + "/" + characteristic + "/" + category,
          r.<Long>getAs(CountColumns.PEOPLE));
      if (r.<Long>getAs(CountColumns.CONFLICTS) > 0) {
        out.put(
            r.getAs(CountColumns.PROJECT_ID) + "/" + characteristic + "/" + category + "/conflicts",
            r.<Long>getAs(CountColumns.CONFLICTS));
      }
    }
    return out;
  }

  @Test
  void countsSplitByAgeAndSexAddUpToTheGroupsAndKeepEachPersonsSex() {
    List<Row> rows =
        List.of(
            record("accepted", "A", "p1", "2025-07-01", null, "female", "white_british"),
            record("accepted", "A", "p2", "2025-08-01", null, "male", "black_african"),
            record("accepted", "A", "p3", "2025-08-01", null, "female", "black_african"),
            record("accepted", "A", "p3", "2025-09-01", null, "female", "black_african"));
    Map<String, Long> split = new TreeMap<>();
    for (Row r :
        frame(rows)
            .transform(PeopleCounts.filterAcceptedIn(Period.parse("2025-26 Q2")))
            .transform(PeopleCounts.filterMeasuredRoles(Set.of("lived_experience")))
            .transform(PeopleCounts.perPerson(1))
            .transform(PeopleCounts.perCategory(true))
            .collectAsList()) {
      String characteristic = r.getAs(CountColumns.CHARACTERISTIC);
      Integer index = r.getAs(CountColumns.CATEGORY_INDEX);
      Integer sex = r.getAs(CountColumns.SEX_INDEX);
      String category =
          index == null
              ? "unknown"
              : Characteristic.fromCode(characteristic).orElseThrow().categoryCodes().get(index);
      split.merge(
          characteristic
              + "/"
              + category
              + "/"
              + (sex == null ? "?" : Characteristic.SEX.categoryCodes().get(sex))
              + "/age "
              + r.getAs(CountColumns.AGE_INDEX),
          r.<Long>getAs(CountColumns.PEOPLE),
          Long::sum);
    }
    // Black African: p2 a man, p3 a woman (once, though she came twice); nobody's age is known.
    assertEquals(1L, split.get("ethnic_group/black_african/male/age null"));
    assertEquals(1L, split.get("ethnic_group/black_african/female/age null"));
    assertEquals(1L, split.get("ethnic_group/white_british/female/age null"));
    assertEquals(2L, split.get("sex/female/female/age null"));
    // Added up, the same as the plain counts.
    Map<String, Long> plain = counts(rows, Set.of("lived_experience"));
    Map<String, Long> added = new TreeMap<>();
    split.forEach(
        (k, v) ->
            added.merge("A/" + k.substring(0, k.indexOf('/', k.indexOf('/') + 1)), v, Long::sum));
    plain.keySet().removeIf(k -> k.endsWith("/conflicts"));
    assertEquals(plain, added);
  }

  @Test
  void aPersonWhoCameManyTimesIsCountedOncePerProject() {
    List<Row> rows =
        List.of(
            record("accepted", "A", "p1", "2025-07-01", null, "female", "white_british"),
            record("accepted", "A", "p1", "2025-08-01", null, "female", "white_british"),
            record("accepted", "A", "p1", "2025-09-30", null, "female", "white_british"),
            record("accepted", "B", "p1", "2025-08-01", null, "female", "white_british"),
            record("accepted", "A", "p2", "2025-08-01", null, "male", "black_african"));
    Map<String, Long> c = counts(rows, Set.of("lived_experience"));
    assertEquals(1L, c.get("A/sex/female"));
    assertEquals(1L, c.get("A/sex/male"));
    assertEquals(1L, c.get("B/sex/female"));
    assertEquals(1L, c.get("A/ethnic_group_broad/black"));
    assertEquals(1L, c.get("A/ethnic_group_broad/white"));
  }

  @Test
  void theMostRecentKnownValueWinsAndTheConflictIsCounted() {
    List<Row> rows =
        List.of(
            record("accepted", "A", "p1", "2025-07-01", null, "male", "asian_indian"),
            record("accepted", "A", "p1", "2025-09-01", null, "female", null),
            record("accepted", "A", "p1", "2025-09-15", null, null, null));
    Map<String, Long> c = counts(rows, Set.of("lived_experience"));
    assertEquals(1L, c.get("A/sex/female"), "latest known, not latest record");
    assertEquals(1L, c.get("A/sex/female/conflicts"));
    assertEquals(1L, c.get("A/ethnic_group/asian_indian"), "the one known value");
    assertEquals(null, c.get("A/ethnic_group/asian_indian/conflicts"));
  }

  /** An accepted record of project A whose coded columns are given by name; the rest unknown. */
  private static Row coded(String person, String day, Map<String, String> codes) {
    Object[] v = new Object[SCHEMA.size()];
    v[0] = "accepted";
    v[1] = "A";
    v[2] = person;
    v[3] = Date.valueOf(day);
    codes.forEach((column, code) -> v[SCHEMA.fieldIndex(ValidatedColumns.code(column))] = code);
    return RowFactory.create(v);
  }

  @Test
  void eachCharacteristicsConflictsAreItsOwn() {
    // The values a person gave are kept as one set of bits for every characteristic: the last
    // category of one characteristic sits next to the first of the next.
    List<Row> rows =
        List.of(
            coded(
                "p1",
                "2025-07-01",
                Map.of(
                    "ethnic_group",
                    "other_any_other",
                    "age_band",
                    "85_plus",
                    "unpaid_carer",
                    "yes",
                    "sex",
                    "female")),
            coded(
                "p1",
                "2025-08-01",
                Map.of(
                    "ethnic_group",
                    "other_arab",
                    "age_band",
                    "85_plus",
                    "unpaid_carer",
                    "no",
                    "sex",
                    "female")),
            coded(
                "p2",
                "2025-07-01",
                Map.of(
                    "ethnic_group",
                    "white_british",
                    "age_band",
                    "under_16",
                    "disability",
                    "limited_a_lot")),
            coded(
                "p2",
                "2025-08-01",
                Map.of(
                    "ethnic_group",
                    "white_british",
                    "age_band",
                    "under_16",
                    "disability",
                    "not_disabled")));
    Map<String, Long> c = counts(rows, Set.of("lived_experience"));
    assertEquals(1L, c.get("A/ethnic_group/other_arab"));
    assertEquals(1L, c.get("A/ethnic_group/other_arab/conflicts"));
    assertEquals(1L, c.get("A/ethnic_group_broad/other"));
    assertEquals(null, c.get("A/ethnic_group_broad/other/conflicts"), "both answers are 'other'");
    assertEquals(1L, c.get("A/age_band/85_plus"));
    assertEquals(null, c.get("A/age_band/85_plus/conflicts"));
    assertEquals(null, c.get("A/age_band/under_16/conflicts"));
    assertEquals(1L, c.get("A/unpaid_carer/no/conflicts"));
    assertEquals(null, c.get("A/sex/female/conflicts"));
    assertEquals(1L, c.get("A/disability/not_disabled/conflicts"));
    assertEquals(null, c.get("A/ethnic_group/white_british/conflicts"));
    assertEquals(2L, c.get("A/religion/unknown"));
    assertEquals(null, c.get("A/religion/unknown/conflicts"));
    long conflicts =
        c.entrySet().stream()
            .filter(e -> e.getKey().endsWith("/conflicts"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertEquals(3L, conflicts, "ethnic group and carer of p1, disability of p2: " + c);
  }

  @Test
  void unknownValuesAreCountedAsUnknownNotDropped() {
    List<Row> rows =
        List.of(
            record("accepted", "A", "p1", "2025-07-01", null, "prefer_not_to_say", null),
            record("accepted", "A", "p2", "2025-07-01", null, null, "white_irish"),
            record("accepted", "A", "p3", "2025-07-01", null, "male", null));
    Map<String, Long> c = counts(rows, Set.of("lived_experience"));
    assertEquals(2L, c.get("A/sex/unknown"));
    assertEquals(1L, c.get("A/sex/male"));
    assertEquals(2L, c.get("A/ethnic_group/unknown"));
    assertEquals(3L, c.get("A/religion/unknown"));
  }

  @Test
  void onlyAcceptedRecordsOfThePeriodAndMeasuredRolesCount() {
    List<Row> rows =
        List.of(
            record("accepted", "A", "p1", "2025-06-30", null, "male", null), // Q1
            record("accepted", "A", "p2", "2025-10-01", null, "male", null), // Q3
            record("quarantined", "A", "p3", "2025-07-01", null, "male", null),
            record("duplicate", "A", "p4", "2025-07-01", null, "male", null),
            record("accepted", "A", "p5", "2025-07-01", "professional", "male", null),
            record("accepted", "A", "p6", "2025-07-01", "carer", "female", null),
            record("accepted", "A", "p7", "2025-09-30", null, "female", null));
    Map<String, Long> c = counts(rows, Set.of("lived_experience", "carer", "community_member"));
    assertEquals(2L, c.get("A/sex/female"));
    assertEquals(null, c.get("A/sex/male"));
    Map<String, Long> professionals = counts(rows, Set.of("professional"));
    assertEquals(1L, professionals.get("A/sex/male"));
  }

  @Test
  void peopleByRoleCountEachPersonOncePerScopeWhateverTheirProjects() {
    List<Row> rows =
        List.of(
            record("accepted", "A", "p1", "2025-07-01", null, "female", null),
            record("accepted", "B", "p1", "2025-08-01", null, "female", null),
            record("accepted", "A", "p2", "2025-07-01", "professional", "male", null),
            record("accepted", "B", "p3", "2025-07-02", "carer", null, null),
            record("accepted", "B", "p3", "2025-07-03", "professional", null, null),
            record("accepted", "A", "p4", "2025-06-01", null, "male", null));
    var spark = TestSpark.session();
    Dataset<Row> scopes =
        spark.createDataFrame(
            List.of(
                RowFactory.create("A", "project", "A"), RowFactory.create("B", "project", "B"),
                RowFactory.create("A", "all", "all"), RowFactory.create("B", "all", "all")),
            new StructType()
                .add("project_id", "string")
                .add("scope_type", "string")
                .add("scope_id", "string"));
    Map<String, Long> people = new TreeMap<>();
    for (Row r :
        PeopleCounts.peopleByScopeAndRole(
                frame(rows).transform(PeopleCounts.filterAcceptedIn(Period.parse("2025-26 Q2"))),
                scopes,
                Set.of("lived_experience", "carer"),
                rows.size())
            .collectAsList()) {
      people.put(r.getAs("scope_id") + "/" + r.getAs("role"), r.<Long>getAs("people"));
    }
    assertEquals(2L, people.get("all/measured_roles"), "p1 once although in two projects; p3");
    assertEquals(3L, people.get("all/everyone"), "p4 is in another quarter");
    assertEquals(2L, people.get("all/professional"), "p2, and p3 in their other role");
    assertEquals(1L, people.get("A/measured_roles"));
    assertEquals(2L, people.get("B/measured_roles"));
    assertEquals(1L, people.get("B/carer"));
  }

  /**
   * People per scope and role from {@code records}, by Spark, and by a plain count of the distinct
   * (scope, person) pairs with each role group; both as "type/id/role" to people.
   */
  private static Map<String, Long>[] peopleBothWays(
      List<Row> records, List<Row> scopeRows, Set<String> measured, boolean fromProjectSums) {
    var spark = TestSpark.session();
    Dataset<Row> scopes =
        spark.createDataFrame(
            scopeRows,
            new StructType()
                .add("project_id", "string")
                .add("scope_type", "string")
                .add("scope_id", "string"));
    Map<String, Long> bySpark = new TreeMap<>();
    Dataset<Row> inPeriod =
        frame(records).transform(PeopleCounts.filterAcceptedIn(Period.parse("2025-26 Q2")));
    for (Row r :
        (fromProjectSums
                ? PeopleByScope.fromProjectSums(inPeriod, scopes, measured)
                : PeopleByScope.inOneQuery(inPeriod, scopes, measured))
            .collectAsList()) {
      bySpark.put(
          r.getAs("scope_type") + "/" + r.getAs("scope_id") + "/" + r.getAs("role"),
          r.<Long>getAs("people"));
    }
    Map<String, Set<String>> pairs = new TreeMap<>();
    for (Row rec : records) {
      String role = rec.getString(4) == null ? "lived_experience" : rec.getString(4);
      for (Row s : scopeRows) {
        if (!s.getString(0).equals(rec.getString(1))) {
          continue;
        }
        String scope = s.getString(1) + "/" + s.getString(2) + "/";
        List<String> groups = new ArrayList<>(List.of(role, PeopleRow.EVERYONE));
        if (measured.contains(role)) {
          groups.add(PeopleRow.MEASURED);
        }
        for (String g : groups) {
          pairs.computeIfAbsent(scope + g, k -> new java.util.TreeSet<>()).add(rec.getString(2));
        }
      }
    }
    Map<String, Long> byHand = new TreeMap<>();
    pairs.forEach((k, v) -> byHand.put(k, (long) v.size()));
    @SuppressWarnings("unchecked")
    Map<String, Long>[] both = new Map[] {bySpark, byHand};
    return both;
  }

  /** Projects P0..P(n-1): each its own scope, commissioners by pairs, overlapping areas, all. */
  private static List<Row> scopesOf(int projects) {
    List<Row> rows = new ArrayList<>();
    for (int p = 0; p < projects; p++) {
      String id = "P" + p;
      rows.add(RowFactory.create(id, "project", id));
      rows.add(RowFactory.create(id, "commissioner", "C" + p / 2));
      rows.add(RowFactory.create(id, "area", "L" + p % 3));
      if (p % 2 == 0) {
        rows.add(RowFactory.create(id, "area", "L" + (p + 1) % 3));
      }
      rows.add(RowFactory.create(id, "all", "all"));
    }
    return rows;
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "from project sums: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void peopleInSeveralProjectsAndScopesCountOnceEachAsAPlainCountSays(boolean fromProjectSums) {
    java.util.Random random = new java.util.Random(20261124);
    List<String> roles =
        java.util.Arrays.asList(
            "lived_experience", "carer", "professional", "community_member", null);
    List<Row> records = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      // 60 people over 7 projects: most in one or two, some in three or more.
      int person = random.nextInt(60);
      int project = (person + (random.nextInt(4) == 0 ? random.nextInt(7) : 0)) % 7;
      records.add(
          record(
              "accepted",
              "P" + project,
              "p" + person,
              "2025-0" + (7 + random.nextInt(3)) + "-1" + random.nextInt(10),
              roles.get(random.nextInt(roles.size())),
              null,
              null));
    }
    Set<String> measured = Set.of("lived_experience", "carer");
    Map<String, Long>[] both = peopleBothWays(records, scopesOf(7), measured, fromProjectSums);
    assertEquals(both[1], both[0]);
    assertEquals(true, both[0].size() > 60, "every scope type and role is there: " + both[0]);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "from project sums: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void whenEveryPersonIsInOneProjectTheProjectSumsRollUpToEveryScope(boolean fromProjectSums) {
    java.util.Random random = new java.util.Random(7);
    List<Row> records = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int person = random.nextInt(80);
      records.add(
          record(
              "accepted",
              "P" + person % 5,
              "p" + person,
              "2025-08-0" + (1 + random.nextInt(9)),
              random.nextBoolean() ? "carer" : "professional",
              null,
              null));
    }
    Map<String, Long>[] both =
        peopleBothWays(records, scopesOf(5), Set.of("carer"), fromProjectSums);
    assertEquals(both[1], both[0]);
    assertEquals(true, both[0].containsKey("area/L1/professional"));
  }

  @Test
  void twoQuartersAreCountedApartInOnePass() {
    List<Row> rows =
        List.of(
            record("accepted", "A", "p1", "2025-06-30", null, "male", null), // 2025-26 Q1
            record("accepted", "A", "p1", "2025-07-01", null, "female", null), // 2025-26 Q2
            record("accepted", "A", "p2", "2025-07-02", null, "female", null));
    Map<String, Long> people = new TreeMap<>();
    List<String> labels = List.of("2025-26 Q2", "2025-26 Q1");
    for (Row r :
        frame(rows)
            .transform(PeopleCounts.filterAcceptedIn(labels.stream().map(Period::parse).toList()))
            .transform(PeopleCounts.filterMeasuredRoles(Set.of("lived_experience")))
            .transform(PeopleCounts.perPerson(labels.size()))
            .transform(PeopleCounts.perCategory())
            .collectAsList()) {
      if (r.getAs(CountColumns.CHARACTERISTIC).equals("sex")) {
        people.put(
            labels.get(r.getAs(CountColumns.PERIOD_INDEX))
                + "/"
                + r.getAs(CountColumns.CATEGORY_INDEX),
            r.<Long>getAs(CountColumns.PEOPLE));
      }
    }
    // sex: index 0 female, 1 male. p1 is male in Q1 and female in Q2: each quarter its own answer.
    assertEquals(Map.of("2025-26 Q1/1", 1L, "2025-26 Q2/0", 2L), people);
  }

  @Test
  void experienceIsReadPerPersonAndRetentionLooksAQuarterAhead() {
    List<Row> rows =
        List.of(
            // p1: Q1 design, paid, decile 1; Q2 delivery unpaid and evaluation paid, one adjustment
            // met and one not, decile 2 (the latest).
            activity("p1", "2025-05-01", "female", "design", "yes", null, null, "1"),
            activity("p1", "2025-07-01", "female", "delivery", "no", "yes", "yes", null),
            activity("p1", "2025-08-01", "female", "evaluation", "yes", "yes", "no", "2"),
            // p2: Q1 only, so not retained.
            activity("p2", "2025-05-02", "male", "delivery", null, "no", null, "5"),
            // p3: Q2 only; nothing recorded but an adjustment met; the decile withheld.
            activity("p3", "2025-09-01", "female", null, null, "yes", "yes", "prefer_not_to_say"));
    Map<String, Long> n = new TreeMap<>();
    for (Row r :
        frame(rows)
            .transform(
                PeopleCounts.filterAcceptedIn(
                    List.of(Period.parse("2025-26 Q1"), Period.parse("2025-26 Q2"))))
            .transform(PeopleCounts.filterMeasuredRoles(Set.of("lived_experience")))
            .transform(PeopleCounts.perPerson(2))
            .transform(PeopleCounts.perCategory())
            .collectAsList()) {
      if (r.getAs(CountColumns.CHARACTERISTIC).equals("sex")) {
        String at =
            List.of("2025-26 Q1", "2025-26 Q2").get(r.getAs(CountColumns.PERIOD_INDEX))
                + "/"
                + r.getAs(CountColumns.CATEGORY_INDEX)
                + "/";
        n.put(at + "people", r.<Long>getAs(CountColumns.PEOPLE));
        for (ExperienceCount.Flag f : ExperienceCount.Flag.values()) {
          n.put(at + f.column(), r.<Long>getAs(f.column()));
        }
      }
    }
    // Q2 women (p1, p3): p1 delivery + evaluation, paid on one activity, adjustments not all met,
    // decile 2; p3 an adjustment met, decile unknown.
    String w2 = "2025-26 Q2/0/";
    assertEquals(2L, n.get(w2 + "people"));
    assertEquals(0L, n.get(w2 + "n_design"));
    assertEquals(1L, n.get(w2 + "n_delivery"));
    assertEquals(1L, n.get(w2 + "n_evaluation"));
    assertEquals(1L, n.get(w2 + "n_stage_known"));
    assertEquals(1L, n.get(w2 + "n_paid"));
    assertEquals(1L, n.get(w2 + "n_paid_known"));
    assertEquals(1L, n.get(w2 + "n_met"));
    assertEquals(2L, n.get(w2 + "n_met_known"));
    assertEquals(1L, n.get(w2 + "n_most_deprived_20"));
    assertEquals(0L, n.get(w2 + "n_most_deprived_10"));
    assertEquals(1L, n.get(w2 + "n_decile_known"));
    assertEquals(0L, n.get(w2 + "n_retained"), "no quarter after Q2 was counted");
    // Q1: p1 (woman) came back in Q2, p2 (man) did not; p2 asked for nothing, so met is unknown.
    assertEquals(1L, n.get("2025-26 Q1/0/n_retained"));
    assertEquals(1L, n.get("2025-26 Q1/0/n_most_deprived_10"));
    assertEquals(0L, n.get("2025-26 Q1/1/n_retained"));
    assertEquals(1L, n.get("2025-26 Q1/1/people"));
    assertEquals(0L, n.get("2025-26 Q1/1/n_met_known"));
    assertEquals(0L, n.get("2025-26 Q1/1/n_paid_known"));
  }

  @Test
  void retentionOfTheQuarterBeforeTheLastWithOlderQuartersCountedToo() {
    // Q4 (2024-25), Q1 and Q2 (2025-26), oldest first. a takes part in all three, b in Q1 only,
    // c in Q2 only, d in Q4 only, e in Q1 and in Q2 of another project only.
    List<Period> quarters =
        List.of(Period.parse("2024-25 Q4"), Period.parse("2025-26 Q1"), Period.parse("2025-26 Q2"));
    List<Row> rows =
        List.of(
            record("accepted", "A", "a", "2025-03-01", null, "female", null),
            record("accepted", "A", "a", "2025-05-01", null, "female", null),
            record("accepted", "A", "a", "2025-08-01", null, "male", null),
            record("accepted", "A", "b", "2025-06-01", null, "male", null),
            record("accepted", "A", "c", "2025-09-30", null, "female", null),
            record("accepted", "A", "d", "2025-01-15", null, null, null),
            record("accepted", "A", "e", "2025-04-01", null, "female", null),
            record("accepted", "B", "e", "2025-07-01", null, "female", null));
    Map<String, Long> n = new TreeMap<>();
    for (Row r :
        frame(rows)
            .transform(PeopleCounts.filterAcceptedIn(quarters))
            .transform(PeopleCounts.filterMeasuredRoles(Set.of("lived_experience")))
            .transform(PeopleCounts.perPerson(quarters.size()))
            .transform(PeopleCounts.perCategory())
            .collectAsList()) {
      if (r.getAs(CountColumns.CHARACTERISTIC).equals("sex")) {
        String at =
            quarters.get(r.<Integer>getAs(CountColumns.PERIOD_INDEX)).label()
                + "/"
                + r.getAs(CountColumns.PROJECT_ID)
                + "/"
                + r.getAs(CountColumns.CATEGORY_INDEX);
        n.put(at, r.<Long>getAs(CountColumns.PEOPLE));
        n.put(at + "/retained", r.<Long>getAs(ExperienceCount.Flag.RETAINED.column()));
      }
    }
    // sex: index 0 female, 1 male, null unknown. Retention is counted for Q1 only (the quarter
    // before the last): of A's Q1 women (a, e) a came back to A; e went to B instead. b did not.
    Map<String, Long> expected = new TreeMap<>();
    expected.put("2024-25 Q4/A/0", 1L);
    expected.put("2024-25 Q4/A/0/retained", 0L);
    expected.put("2024-25 Q4/A/null", 1L);
    expected.put("2024-25 Q4/A/null/retained", 0L);
    expected.put("2025-26 Q1/A/0", 2L);
    expected.put("2025-26 Q1/A/0/retained", 1L);
    expected.put("2025-26 Q1/A/1", 1L);
    expected.put("2025-26 Q1/A/1/retained", 0L);
    expected.put("2025-26 Q2/A/0", 1L);
    expected.put("2025-26 Q2/A/0/retained", 0L);
    expected.put("2025-26 Q2/A/1", 1L);
    expected.put("2025-26 Q2/A/1/retained", 0L);
    expected.put("2025-26 Q2/B/0", 1L);
    expected.put("2025-26 Q2/B/0/retained", 0L);
    assertEquals(expected, n);
  }

  /**
   * The people table's rows: one per project, person, quarter and role, each characteristic's
   * latest known value (a later blank does not hide an earlier answer), and how many records each
   * stands for; rolled up per person they give the same rows as the records.
   */
  @Test
  void peopleRowsKeepTheLatestKnownValuePerQuarterAndRole() {
    List<Row> rows =
        List.of(
            // p1, 2025-26 Q1: female and white British, then a blank sex and asian Pakistani.
            record(
                "accepted", "A", "p1", "2025-05-01", "lived_experience", "female", "white_british"),
            record(
                "accepted", "A", "p1", "2025-05-20", "lived_experience", null, "asian_pakistani"),
            // p1, 2025-26 Q2, in two roles: male as lived experience, female a day later as carer.
            record("accepted", "A", "p1", "2025-08-03", "lived_experience", "male", null),
            record("accepted", "A", "p1", "2025-08-04", "carer", "female", null),
            // p2, Q2, a blank role (lived experience).
            record("accepted", "A", "p2", "2025-08-05", null, "female", null));
    Dataset<Row> records =
        frame(rows)
            .withColumn(
                org.whotakespart.store.HistoryStore.PERIOD,
                org.whotakespart.store.HistoryStore.financialQuarter());
    Map<String, String> got = new TreeMap<>();
    String sex = CountColumns.latest("sex");
    String ethnic = CountColumns.latest("ethnic_group");
    for (Row r : records.transform(PeopleCounts.perPersonAndRole()).collectAsList()) {
      String key =
          r.getAs(RecordColumns.PARTICIPANT_ID)
              + " "
              + r.getAs(org.whotakespart.store.HistoryStore.QUARTER)
              + " "
              + org.whotakespart.config.Vocabulary.ROLES.get(
                  r.<Byte>getAs(ValidatedColumns.index(RecordColumns.ROLE)));
      got.put(
          key,
          r.<Long>getAs(CountColumns.RECORDS)
              + " records, sex "
              + decode(r.getAs(sex), Characteristic.SEX)
              + ", ethnic "
              + decode(r.getAs(ethnic), Characteristic.ETHNIC_GROUP));
    }
    assertEquals(
        Map.of(
            "p1 2025-26-Q1 lived_experience",
                "2 records, sex female on 2025-05-01, ethnic asian_pakistani on 2025-05-20",
            "p1 2025-26-Q2 lived_experience", "1 records, sex male on 2025-08-03, ethnic unknown",
            "p1 2025-26-Q2 carer", "1 records, sex female on 2025-08-04, ethnic unknown",
            "p2 2025-26-Q2 lived_experience",
                "1 records, sex female on 2025-08-05, ethnic unknown"),
        got);

    // Rolled up per person (both roles measured), as the report counts from the table: p1 is
    // female in Q2 (the carer's record is the later), and came back after Q1.
    List<Period> quarters = List.of(Period.parse("2025-26 Q1"), Period.parse("2025-26 Q2"));
    Dataset<Row> fromPeople =
        records
            .transform(PeopleCounts.perPersonAndRole())
            .transform(PeopleCounts.ofQuarters(quarters))
            .transform(PeopleCounts.filterMeasuredRoles(Set.of("lived_experience", "carer")))
            .transform(PeopleCounts.perPersonFromPeople(2));
    Dataset<Row> fromRecords =
        records
            .transform(PeopleCounts.filterAcceptedIn(quarters))
            .transform(PeopleCounts.filterMeasuredRoles(Set.of("lived_experience", "carer")))
            .transform(PeopleCounts.perPerson(2));
    Map<String, String> byPerson = new TreeMap<>();
    for (Row r : fromPeople.collectAsList()) {
      byPerson.put(
          r.getAs(RecordColumns.PARTICIPANT_ID) + " " + r.getAs(CountColumns.PERIOD_INDEX),
          "sex "
              + decode(r.getAs(sex), Characteristic.SEX)
              + ", retained "
              + r.getAs(CountColumns.ACTIVE_NEXT));
    }
    assertEquals(
        Map.of(
            "p1 0", "sex female on 2025-05-01, retained true",
            "p1 1", "sex female on 2025-08-04, retained false",
            "p2 1", "sex female on 2025-08-05, retained false"),
        byPerson);
    assertEquals(
        new java.util.HashSet<>(fromRecords.collectAsList()),
        new java.util.HashSet<>(
            fromPeople
                .select(
                    fromRecords.columns()[0],
                    java.util.Arrays.copyOfRange(
                        fromRecords.columns(), 1, fromRecords.columns().length))
                .collectAsList()));
  }

  /** A packed latest value ({@code day * 64 + index}) as "code on date", or "unknown". */
  private static String decode(Long packed, Characteristic c) {
    if (packed == null) {
      return "unknown";
    }
    return c.categoryCodes().get((int) (packed % 64))
        + " on "
        + java.time.LocalDate.ofEpochDay(packed / 64);
  }
}
