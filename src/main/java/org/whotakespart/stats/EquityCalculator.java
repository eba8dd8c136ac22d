package org.whotakespart.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.whotakespart.config.Category;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Coded;
import org.whotakespart.ingest.Project;

/**
 * Equity of experience: per scope, group and measure, the share of the group's people with the
 * experience, its Wilson 95% interval, and everyone in the scope beside it. Rollups count a person
 * once per project, as the representation rollups do, by summing the projects' counts.
 *
 * <pre>{@code
 * List<EquityRow> rows = new EquityCalculator("2025-26 Q2")
 *     .rows(projects, thisQuarter, previousQuarter, areaShares, scopes);
 * }</pre>
 */
public final class EquityCalculator {
  /** What is measured: which people have it, and among whom. */
  public enum Measure implements Coded {
    STAGE_DESIGN(
        "stage_design",
        "took part in design",
        ExperienceCount.Flag.DESIGN,
        ExperienceCount.Flag.STAGE_KNOWN),
    STAGE_DELIVERY(
        "stage_delivery",
        "took part in delivery",
        ExperienceCount.Flag.DELIVERY,
        ExperienceCount.Flag.STAGE_KNOWN),
    STAGE_EVALUATION(
        "stage_evaluation",
        "took part in evaluation",
        ExperienceCount.Flag.EVALUATION,
        ExperienceCount.Flag.STAGE_KNOWN),
    PAID("paid", "paid or reimbursed", ExperienceCount.Flag.PAID, ExperienceCount.Flag.PAID_KNOWN),
    ADJUSTMENTS_MET(
        "adjustments_met",
        "adjustments asked for were met",
        ExperienceCount.Flag.MET,
        ExperienceCount.Flag.MET_KNOWN),
    RETAINED(
        "retained",
        "of last quarter's people, took part again",
        ExperienceCount.Flag.RETAINED,
        null),
    MOST_DEPRIVED_20(
        "most_deprived_20",
        "live in the most deprived 20% of areas",
        ExperienceCount.Flag.MOST_DEPRIVED_20,
        ExperienceCount.Flag.DECILE_KNOWN),
    MOST_DEPRIVED_10(
        "most_deprived_10",
        "live in the most deprived 10% of areas",
        ExperienceCount.Flag.MOST_DEPRIVED_10,
        ExperienceCount.Flag.DECILE_KNOWN);

    private final String code;
    private final String words;
    private final ExperienceCount.Flag with;
    private final ExperienceCount.Flag among;

    Measure(String code, String words, ExperienceCount.Flag with, ExperienceCount.Flag among) {
      this.code = code;
      this.words = words;
      this.with = with;
      this.among = among;
    }

    @Override
    public String code() {
      return code;
    }

    public String words() {
      return words;
    }

    /** Retention is counted among the previous quarter's people; the rest in this quarter. */
    boolean fromPrevious() {
      return among == null;
    }
  }

  private final String period;

  public EquityCalculator(String period) {
    this.period = period;
  }

  /**
   * @param current this quarter's counts
   * @param previous the quarter before's counts (for retention; empty when not counted)
   * @param areaShares per project, the catchment's share of small areas in the most deprived 10%
   *     (absent where unknown)
   * @param scopes per scope type other than project, each project's scopes
   */
  public List<EquityRow> rows(
      List<Project> projects,
      List<ExperienceCount> current,
      List<ExperienceCount> previous,
      Map<String, Double> areaShares,
      Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> scopes) {
    List<EquityRow> rows = new ArrayList<>();
    rows(projects, current, previous, areaShares, scopes, rows::add);
    return rows;
  }

  /**
   * As {@link #rows(List, List, List, Map, Map)}, each row handed to {@code sink} as it is made, in
   * order: scope type, scope id, characteristic, measure, category.
   */
  public void rows(
      List<Project> projects,
      List<ExperienceCount> current,
      List<ExperienceCount> previous,
      Map<String, Double> areaShares,
      Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> scopes,
      Consumer<EquityRow> sink) {
    Map<ScopeKey, long[]> sums = new HashMap<>();
    add(sums, projects, current, false, scopes);
    add(sums, projects, previous, true, scopes);
    Map<ScopeKey, double[]> area = areaWeights(projects, current, areaShares, scopes);
    Map<ScopeKey, String> scopeList = new TreeMap<>(ScopeKey.ORDER);
    for (Project p : projects) {
      scopesOf(p, scopes).forEach(scopeList::putIfAbsent);
    }
    for (var s : scopeList.entrySet()) {
      double[] a = area.get(s.getKey());
      Double areaShare = a == null ? null : a[1] > 0 ? a[0] / a[1] : a[2] / a[3];
      long[] cells = sums.getOrDefault(s.getKey(), Cells.NONE);
      scopeRows(s.getKey(), s.getValue(), cells, areaShare, sink);
    }
  }

  /**
   * The catchment's deprivation, weighted over a rollup's projects by their people with a decile
   * recorded (an unweighted mean where none has one): per scope, the weighted sum, the weights, the
   * plain sum and the number of projects.
   */
  private static Map<ScopeKey, double[]> areaWeights(
      List<Project> projects,
      List<ExperienceCount> current,
      Map<String, Double> areaShares,
      Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> scopes) {
    Map<String, Long> decileKnown = new HashMap<>();
    for (ExperienceCount c : current) {
      if (c.characteristic().equals(Characteristic.SEX.code())) {
        decileKnown.merge(c.projectId(), c.get(ExperienceCount.Flag.DECILE_KNOWN), Long::sum);
      }
    }
    Map<ScopeKey, double[]> area = new HashMap<>();
    for (Project p : projects) {
      Double s = areaShares.get(p.projectId());
      if (s == null) {
        continue;
      }
      long n = decileKnown.getOrDefault(p.projectId(), 0L);
      for (ScopeKey scope : scopesOf(p, scopes).keySet()) {
        double[] a = area.computeIfAbsent(scope, k -> new double[4]);
        a[0] += n * s;
        a[1] += n;
        a[2] += s;
        a[3] += 1;
      }
    }
    return area;
  }

  /** One scope's rows: by characteristic, measure and category. */
  private void scopeRows(
      ScopeKey scope, String name, long[] cells, Double areaShare, Consumer<EquityRow> sink) {
    for (Characteristic c : Characteristic.values()) {
      List<Category> categories = c.categories();
      for (Measure m : Measure.values()) {
        int all = Cells.at(c, Cells.EVERYONE, m);
        long allWith = cells[all];
        long allAmong = cells[all + 1];
        Double everyoneShare = allAmong == 0 ? null : (double) allWith / allAmong;
        for (int i = 0; i < categories.size(); i++) {
          Category k = categories.get(i);
          int at = Cells.at(c, i, m);
          long with = cells[at];
          long among = cells[at + 1];
          Double share = among == 0 ? null : (double) with / among;
          Interval ci = among == 0 ? null : Wilson.interval(with, among, Wilson.Z95);
          sink.accept(
              new EquityRow(
                  period,
                  scope.type(),
                  scope.id(),
                  name,
                  c.code(),
                  k.code(),
                  m.code(),
                  with,
                  among,
                  share,
                  ci,
                  allWith,
                  allAmong,
                  everyoneShare,
                  share == null || everyoneShare == null ? null : share - everyoneShare,
                  EquityStatus.of(among, ci, everyoneShare),
                  m == Measure.MOST_DEPRIVED_10 ? areaShare : null));
        }
      }
    }
  }

  private static void add(
      Map<ScopeKey, long[]> sums,
      List<Project> projects,
      List<ExperienceCount> counts,
      boolean previous,
      Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> scopes) {
    Map<String, Set<ScopeKey>> scopesOfProject = new HashMap<>();
    projects.forEach(p -> scopesOfProject.put(p.projectId(), scopesOf(p, scopes).keySet()));
    for (ExperienceCount c : counts) {
      Set<ScopeKey> projectScopes = scopesOfProject.get(c.projectId());
      if (projectScopes == null) {
        continue;
      }
      Characteristic ch = Characteristic.fromCode(c.characteristic()).orElseThrow();
      Integer category = c.categoryIndex();
      for (ScopeKey scope : projectScopes) {
        long[] cells = sums.computeIfAbsent(scope, k -> new long[Cells.SIZE]);
        for (Measure m : Measure.values()) {
          if (m.fromPrevious() != previous) {
            continue;
          }
          long with = c.get(m.with);
          long among = m.among == null ? c.people() : c.get(m.among);
          addTo(cells, Cells.at(ch, Cells.EVERYONE, m), with, among);
          if (category != null) {
            addTo(cells, Cells.at(ch, category, m), with, among);
          }
        }
      }
    }
  }

  private static void addTo(long[] cells, int at, long with, long among) {
    cells[at] += with;
    cells[at + 1] += among;
  }

  /**
   * One scope's sums as one array: for each characteristic, everyone and then each category, for
   * each measure, the people with the experience and the people it is counted among. (A map keyed
   * by scope, characteristic, category and measure spent most of this step building and hashing its
   * keys: 2 million of them for 2,000 projects.)
   */
  private static final class Cells {
    static final int EVERYONE = -1;
    private static final int MEASURES = Measure.values().length;

    /** Per characteristic, the first of its rows (everyone); its categories follow. */
    private static final int[] FIRST = new int[Characteristic.values().length];

    static final int SIZE;

    static {
      int rows = 0;
      for (Characteristic c : Characteristic.values()) {
        FIRST[c.ordinal()] = rows;
        rows += 1 + c.categories().size();
      }
      SIZE = rows * MEASURES * 2;
    }

    static final long[] NONE = new long[SIZE];

    /** Where "with" sits (and "among" after it) for a category index, or {@link #EVERYONE}. */
    static int at(Characteristic c, int category, Measure m) {
      return ((FIRST[c.ordinal()] + 1 + category) * MEASURES + m.ordinal()) * 2;
    }
  }

  /** Every scope the project belongs to (its own first), with the scope's name. */
  private static Map<ScopeKey, String> scopesOf(
      Project p, Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> scopes) {
    Map<ScopeKey, String> m = new LinkedHashMap<>();
    m.put(new ScopeKey(ScopeType.PROJECT, p.projectId()), p.projectName());
    for (var t : scopes.entrySet()) {
      for (MetricCalculator.Scope s : t.getValue().getOrDefault(p.projectId(), List.of())) {
        m.put(new ScopeKey(t.getKey(), s.id()), s.name());
      }
    }
    return m;
  }
}
