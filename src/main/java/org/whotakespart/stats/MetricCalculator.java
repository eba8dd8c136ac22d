package org.whotakespart.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.whotakespart.baseline.CatchmentOverlap;
import org.whotakespart.baseline.IntendedPopulation;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.config.Category;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.Project;

/**
 * Turns people counts and baselines into metrics rows (statistics.md): shares with Wilson
 * intervals, expected counts, shortfalls, ratios and statuses, for each project and for rollups.
 * Runs on the driver over aggregates only (one row per project and category).
 *
 * <p>Every project gets a row for every category, so a group nobody came from shows as 0 (and
 * absent) rather than disappearing; a project with nobody this period shows as no_data.
 */
public final class MetricCalculator {
  /** Rollup id and name of the scope that covers every project. */
  public static final String ALL_ID = "all";

  public static final String ALL_NAME = "All projects";

  /** Commissioner scope for projects whose commissioner is blank. */
  public static final String NO_COMMISSIONER = "(no commissioner)";

  private final String period;
  private final Bands bands;

  public MetricCalculator(String period, Bands bands) {
    this.period = period;
    this.bands = bands;
  }

  /** One group's figures from x of n people against population share p0 (null: no baseline). */
  public MetricRow metric(
      ScopeType scopeType,
      String scopeId,
      String scopeName,
      String characteristic,
      String category,
      long x,
      long n,
      long unknown,
      Double p0) {
    return metric(
        scopeType, scopeId, scopeName, characteristic, category, x, n, unknown, p0, false);
  }

  /**
   * As above; a group outside the scope's intended population ({@code notCompared}) keeps its
   * counts and share but gets no population share, expected count, ratio or shortfall, and the
   * status {@code not_compared}.
   */
  public MetricRow metric(
      ScopeType scopeType,
      String scopeId,
      String scopeName,
      String characteristic,
      String category,
      long x,
      long n,
      long unknown,
      Double p0,
      boolean notCompared) {
    if (notCompared) {
      p0 = null;
    }
    Double share = n == 0 ? null : (double) x / n;
    Interval ci95 = Wilson.interval(x, n, Wilson.Z95);
    Interval ci998 = Wilson.interval(x, n, Wilson.Z998);
    Double expected = p0 == null ? null : n * p0;
    Double shortfall = expected == null ? null : expected - x;
    boolean comparable = share != null && p0 != null && p0 > 0;
    Double ratio = comparable ? share / p0 : null;
    Interval ratioCi = comparable ? ci95.dividedBy(p0) : null;
    Status status =
        notCompared
            ? Status.NOT_COMPARED
            : Status.of(n, p0, comparable ? ratio : Double.NaN, ci95, bands.low(), bands.high());
    return new MetricRow(
        period,
        scopeType,
        scopeId,
        scopeName,
        characteristic,
        category,
        x,
        n,
        unknown,
        share,
        ci95,
        ci998,
        p0,
        expected,
        shortfall,
        ratio,
        ratioCi,
        status);
  }

  /** Project rows: every project × characteristic × category. */
  public List<MetricRow> projectMetrics(
      List<Project> projects, List<CategoryCount> counts, List<ProjectBaseline> baselines) {
    Tally tally = Tally.of(counts);
    Map<GroupKey, Double> p0 = new HashMap<>();
    for (ProjectBaseline b : baselines) {
      p0.put(new GroupKey(b.projectId(), b.characteristic(), b.category()), b.populationShare());
    }
    Map<Group, Long> outside = outside(counts, baselines);
    List<MetricRow> rows = new ArrayList<>();
    for (Project p : projects) {
      for (Characteristic c : Characteristic.values()) {
        projectRows(p, c, tally, outside, p0, rows);
      }
    }
    return rows;
  }

  /** Each project's people in each group, and those who answered and did not, by characteristic. */
  private record Tally(Map<Group, Long> people, Map<Group, Long> known, Map<Group, Long> unknown) {
    static Tally of(List<CategoryCount> counts) {
      Map<Group, Long> people = new HashMap<>();
      Map<Group, Long> known = new HashMap<>();
      Map<Group, Long> unknown = new HashMap<>();
      for (CategoryCount c : counts) {
        Group group = new Group(c.projectId(), c.characteristic(), -1);
        if (c.categoryIndex() == null) {
          unknown.merge(group, c.people(), Long::sum);
        } else {
          known.merge(group, c.people(), Long::sum);
          people.merge(group.category(c.categoryIndex()), c.people(), Long::sum);
        }
      }
      return new Tally(people, known, unknown);
    }
  }

  /**
   * People whose age band or sex the characteristic's baseline does not count (a 14-year-old
   * against residents aged 16 and over, a man against women only): outside its population.
   */
  private static Map<Group, Long> outside(
      List<CategoryCount> counts, List<ProjectBaseline> baselines) {
    Map<Group, ProjectBaseline> coverage = new HashMap<>();
    for (ProjectBaseline b : baselines) {
      coverage.putIfAbsent(new Group(b.projectId(), b.characteristic(), -1), b);
    }
    Map<Group, Long> outside = new HashMap<>();
    List<String> ages = Characteristic.AGE_BAND.categoryCodes();
    List<String> sexes = Characteristic.SEX.categoryCodes();
    for (CategoryCount c : counts) {
      Group group = new Group(c.projectId(), c.characteristic(), -1);
      ProjectBaseline b = coverage.get(group);
      if (c.categoryIndex() != null
          && b != null
          && b.excludes(
              c.ageIndex() == null ? null : ages.get(c.ageIndex()),
              c.sexIndex() == null ? null : sexes.get(c.sexIndex()))) {
        outside.merge(group.category(c.categoryIndex()), c.people(), Long::sum);
      }
    }
    return outside;
  }

  /** One project's rows of one characteristic, added to {@code rows}. */
  private void projectRows(
      Project p,
      Characteristic c,
      Tally tally,
      Map<Group, Long> outside,
      Map<GroupKey, Double> p0,
      List<MetricRow> rows) {
    Group group = new Group(p.projectId(), c.code(), -1);
    long n = tally.known().getOrDefault(group, 0L);
    long u = tally.unknown().getOrDefault(group, 0L);
    Map<Group, Long> people = tally.people();
    List<Category> categories = c.categories();
    // People in an age band or of a sex the project is not for are outside its intended
    // population: the compared groups' shares are of the people inside it (statistics.md).
    // So are people the characteristic's baseline does not count: left out of its compared
    // groups and of their known (they are counted in Data quality).
    long inside = n;
    if (!p.isNotCompared(c.code())) {
      for (int i = 0; i < categories.size(); i++) {
        inside -=
            IntendedPopulation.isNotCompared(p, c.code(), categories.get(i).code())
                ? people.getOrDefault(group.category(i), 0L)
                : outside.getOrDefault(group.category(i), 0L);
      }
    }
    for (int i = 0; i < categories.size(); i++) {
      String category = categories.get(i).code();
      boolean notCompared = IntendedPopulation.isNotCompared(p, c.code(), category);
      long x =
          people.getOrDefault(group.category(i), 0L)
              - (notCompared ? 0 : outside.getOrDefault(group.category(i), 0L));
      rows.add(
          metric(
              ScopeType.PROJECT,
              p.projectId(),
              p.projectName(),
              c.code(),
              category,
              x,
              notCompared ? n : inside,
              u,
              p0.get(new GroupKey(p.projectId(), c.code(), category)),
              notCompared));
    }
  }

  /** A project's characteristic (index -1: all its categories) or one category by index. */
  private record Group(String projectId, String characteristic, int index) {
    Group category(int i) {
      return new Group(projectId, characteristic, i);
    }
  }

  /**
   * Rollups over projects (statistics.md): a person counts once per project they take part in;
   * expected is the sum of the projects' expected counts and p0 = expected / known, so each rollup
   * is judged against its own projects' areas. Projects without a baseline for a group add their
   * people to the share but not to p0, which is taken over the projects that have one; with nobody
   * known in the rollup there is no p0 (the status is no_data).
   *
   * @param scopesOfProject the rollup scopes (id, name) each project belongs to
   */
  public List<MetricRow> rollup(
      ScopeType scopeType, List<MetricRow> projectRows, Map<String, List<Scope>> scopesOfProject) {
    Map<GroupKey, Accumulator> groups = new LinkedHashMap<>();
    for (MetricRow r : projectRows) {
      for (Scope s : scopesOfProject.getOrDefault(r.scopeId(), List.of())) {
        GroupKey key = new GroupKey(s.id(), r.characteristic(), r.category());
        groups
            .computeIfAbsent(key, k -> new Accumulator(s, r.characteristic(), r.category()))
            .add(r);
      }
    }
    List<MetricRow> out = new ArrayList<>();
    for (Accumulator a : groups.values()) {
      // With nobody known there is nothing to weight the projects' shares by: no p0 (no_data).
      Double p0 = a.knownWithBaseline > 0 ? a.expected / a.knownWithBaseline : null;
      // A group no project of the rollup compares (a split workbook of one maternity project,
      // say) is not compared in the rollup either.
      out.add(
          metric(
              scopeType,
              a.scope.id(),
              a.scope.name(),
              a.characteristic,
              a.category,
              a.participants,
              a.known,
              a.unknown,
              p0,
              a.compared == 0));
    }
    return out;
  }

  /** A rollup scope a project belongs to. */
  public record Scope(String id, String name) {}

  private static final class Accumulator {
    final Scope scope;
    final String characteristic;
    final String category;
    long participants;
    long known;
    long unknown;
    long knownWithBaseline;
    long compared;
    double expected;

    Accumulator(Scope scope, String characteristic, String category) {
      this.scope = scope;
      this.characteristic = characteristic;
      this.category = category;
    }

    void add(MetricRow r) {
      participants += r.participants();
      known += r.known();
      unknown += r.unknown();
      if (r.status() != Status.NOT_COMPARED) {
        compared++;
      }
      if (r.status() == Status.NOT_COMPARED) {
        // A project's group outside its intended population counts in a rollup as exactly as
        // expected: it neither makes nor hides a gap of the projects that compare it.
        knownWithBaseline += r.known();
        expected += r.participants();
      } else if (r.populationShare() != null) {
        knownWithBaseline += r.known();
        expected += r.expected();
      }
    }
  }

  /**
   * Metrics in a stable order: scope type, scope id, characteristic and category in report order.
   */
  public static final Comparator<MetricRow> ORDER =
      Comparator.comparing(MetricRow::period)
          .thenComparing(r -> r.scopeType().ordinal())
          .thenComparing(MetricRow::scopeId)
          .thenComparing(r -> Characteristic.fromCode(r.characteristic()).orElseThrow().ordinal())
          .thenComparing(
              r -> Characteristic.fromCode(r.characteristic()).orElseThrow().indexOf(r.category()));

  /** Each project's rollup scopes of one kind. */
  public static Map<String, List<Scope>> scopes(
      ScopeType type, List<Project> projects, Map<String, String> areaNames) {
    Map<String, List<Scope>> m = new TreeMap<>();
    // A neighbourhood (MSOA) rolls up into the authority it lies in: one area scope per
    // authority, not a scope per neighbourhood repeating its project.
    Map<String, String> authorityOf =
        type == ScopeType.AREA ? CatchmentOverlap.authorities(areaNames) : Map.of();
    for (Project p : projects) {
      List<Scope> s =
          switch (type) {
            case ALL -> List.of(new Scope(ALL_ID, ALL_NAME));
            case COMMISSIONER -> {
              String c = p.commissioner().isEmpty() ? NO_COMMISSIONER : p.commissioner();
              yield List.of(new Scope(c, c));
            }
            case AREA ->
                p.catchment().stream()
                    .map(a -> authorityOf.getOrDefault(a, a))
                    .distinct()
                    .map(a -> new Scope(a, areaNames.getOrDefault(a, a)))
                    .toList();
            case PROJECT -> List.of(new Scope(p.projectId(), p.projectName()));
          };
      m.put(p.projectId(), s);
    }
    return m;
  }
}
