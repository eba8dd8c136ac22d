package org.whotakespart.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.Project;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.stats.CategoryCount;
import org.whotakespart.stats.CountColumns;
import org.whotakespart.stats.ExperienceCount;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.PeopleCounts;
import org.whotakespart.stats.PeopleRow;
import org.whotakespart.stats.ScopeKey;
import org.whotakespart.stats.ScopeType;

/**
 * The report's counting step: distinct people per project and group in every quarter of the trend
 * window, in one pass, with their experience, and per scope and role in the reported quarter.
 */
final class ReportCount {
  private ReportCount() {}

  /** Counts people in every quarter of the trend window in one pass, and by scope and role. */
  static Counted count(
      JobConfig config,
      SparkSession spark,
      ReportInputs inputs,
      RecordCheck.Checked checked,
      Progress progress) {
    List<Period> quarters = ReportJob.quarters(config);
    Counted counted = countQuarters(checked, quarters, config);
    progress.step(
        String.format(
            Locale.ROOT,
            "Counted people in %s to %s: %,d records of" + " measured roles in %s",
            quarters.get(0).label(),
            config.period().label(),
            checked.counts().measured(),
            config.period().label()));
    List<PeopleRow> people =
        people(
            spark,
            checked.people() == null
                ? checked.validated().transform(PeopleCounts.filterAcceptedIn(config.period()))
                : checked.people().transform(PeopleCounts.ofQuarters(List.of(config.period()))),
            config,
            inputs.projects(),
            inputs.areaNames(),
            checked.counts().inPeriod());
    progress.step("Counted distinct people per scope and role");
    return counted.withPeople(people);
  }

  /**
   * People per project and group for each quarter counted; experience for the last two; distinct
   * people per scope and role in the reported quarter.
   */
  record Counted(
      Map<String, List<CategoryCount>> people,
      Map<String, List<ExperienceCount>> experience,
      List<PeopleRow> byScopeAndRole) {
    Counted withPeople(List<PeopleRow> rows) {
      return new Counted(people, experience, rows);
    }

    List<CategoryCount> people(Period p) {
      return people.getOrDefault(p.label(), List.of());
    }

    List<ExperienceCount> experience(Period p) {
      return experience.getOrDefault(p.label(), List.of());
    }
  }

  /**
   * People per project, characteristic and category in each of {@code quarters}, with their
   * experience: from the people table where the records came with one (the store), else from the
   * checked records.
   */
  static Counted countQuarters(
      RecordCheck.Checked checked, List<Period> quarters, JobConfig config) {
    Period previous = config.period().previous();
    return checked.people() == null
        ? countQuarters(checked.validated(), quarters, config, previous)
        : countPerPerson(
            checked
                .people()
                .transform(PeopleCounts.ofQuarters(quarters))
                .transform(PeopleCounts.filterMeasuredRoles(config.measuredRoles()))
                .transform(PeopleCounts.perPersonFromPeople(quarters.size())),
            quarters,
            config,
            previous);
  }

  /**
   * People per project, characteristic and category for each quarter, with their experience, in one
   * aggregation (retention included: {@link PeopleCounts#perPerson(int)}).
   */
  static Counted countQuarters(
      Dataset<Row> validated, List<Period> quarters, JobConfig config, Period previous) {
    return countPerPerson(
        validated
            .transform(PeopleCounts.filterAcceptedIn(quarters))
            .transform(PeopleCounts.filterMeasuredRoles(config.measuredRoles()))
            .transform(PeopleCounts.perPerson(quarters.size())),
        quarters,
        config,
        previous);
  }

  /**
   * People per project, characteristic and category for each quarter, with their experience, from
   * per-person rows ({@link PeopleCounts#perPerson(int)} or {@link
   * PeopleCounts#perPersonFromPeople(int)}).
   */
  static Counted countPerPerson(
      Dataset<Row> perPerson, List<Period> quarters, JobConfig config, Period previous) {
    Set<String> withExperience = Set.of(config.period().label(), previous.label());
    Map<String, List<CategoryCount>> people = new TreeMap<>();
    List<byte[]> parts = GroupCounts.collect(perPerson.transform(PeopleCounts.perCategory(true)));
    // Experience is counted per group: the rows split by age band and sex are added up.
    Map<String, Map<Group, ExperienceCount>> byGroup = new TreeMap<>();
    // Millions of rows name a few thousand projects: each id is kept once, not once a row (at 8 M
    // records the copies alone filled most of a 2 GB driver).
    Map<String, String> names = new HashMap<>();
    GroupCounts.forEach(
        parts,
        g -> {
          String period = quarters.get(g.period()).label();
          String project = names.computeIfAbsent(g.project(), k -> k);
          String characteristic = names.computeIfAbsent(g.characteristic(), k -> k);
          people
              .computeIfAbsent(period, k -> new ArrayList<>())
              .add(
                  new CategoryCount(
                      project,
                      characteristic,
                      g.category(),
                      g.people(),
                      g.conflicts(),
                      g.age(),
                      g.sex()));
          if (withExperience.contains(period)) {
            byGroup
                .computeIfAbsent(period, k -> new LinkedHashMap<>())
                .merge(
                    new Group(project, characteristic, g.category()),
                    new ExperienceCount(
                        project, characteristic, g.category(), g.people(), g.flags()),
                    ReportCount::addUp);
          }
        });
    Map<String, List<ExperienceCount>> experience = new TreeMap<>();
    byGroup.forEach((period, groups) -> experience.put(period, new ArrayList<>(groups.values())));
    return new Counted(people, experience, List.of());
  }

  /** A project's group of people: a characteristic's category (null: unknown). */
  private record Group(String project, String characteristic, Integer index) {}

  /** Two rows of one group (split by age band and sex) added up. */
  private static ExperienceCount addUp(ExperienceCount a, ExperienceCount b) {
    long[] sum = a.counts().clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += b.counts()[i];
    }
    return new ExperienceCount(
        a.projectId(), a.characteristic(), a.categoryIndex(), a.people() + b.people(), sum);
  }

  /**
   * Distinct people per scope and role in the period, every role included, from the period's
   * accepted records or its people table rows (either has each row's role index).
   */
  static List<PeopleRow> people(
      SparkSession spark,
      Dataset<Row> inPeriod,
      JobConfig config,
      List<Project> projects,
      Map<String, String> areaNames,
      long recordsInPeriod) {
    List<Row> scopeRows = new ArrayList<>();
    Map<ScopeKey, String> names = new HashMap<>();
    for (ScopeType t : ScopeType.values()) {
      MetricCalculator.scopes(t, projects, areaNames)
          .forEach(
              (project, scopes) -> {
                for (MetricCalculator.Scope s : scopes) {
                  scopeRows.add(RowFactory.create(project, t.code(), s.id()));
                  names.put(new ScopeKey(t, s.id()), s.name());
                }
              });
    }
    Dataset<Row> projectScopes =
        spark.createDataFrame(
            scopeRows,
            new StructType()
                .add(RecordColumns.PROJECT_ID, "string")
                .add(CountColumns.SCOPE_TYPE, "string")
                .add(CountColumns.SCOPE_ID, "string"));
    List<PeopleRow> rows = new ArrayList<>();
    for (Row r :
        PeopleCounts.peopleByScopeAndRole(
                inPeriod, projectScopes, config.measuredRoles(), recordsInPeriod)
            .collectAsList()) {
      var scope =
          new ScopeKey(
              ScopeType.fromCode(r.getAs(CountColumns.SCOPE_TYPE)), r.getAs(CountColumns.SCOPE_ID));
      rows.add(
          new PeopleRow(
              config.period().label(),
              scope.type(),
              scope.id(),
              names.get(scope),
              r.getAs(CountColumns.ROLE),
              r.<Long>getAs(CountColumns.PEOPLE)));
    }
    rows.sort(
        Comparator.comparing((PeopleRow p) -> p.scopeType().ordinal())
            .thenComparing(PeopleRow::scopeId)
            .thenComparing(PeopleRow::role));
    return rows;
  }
}
