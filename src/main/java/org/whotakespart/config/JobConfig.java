package org.whotakespart.config;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one report run needs, checked when it is built so that a bad setting fails at start-up
 * rather than an hour into a cluster job. Build it with {@link #builder()}:
 *
 * <pre>{@code
 * JobConfig config = JobConfig.builder()
 *     .records(List.of("sample-data/records"))
 *     .projects("sample-data/projects.csv")
 *     .baselines("sample-data/baselines-census2021.csv")
 *     .period("2025-26 Q2")
 *     .build();
 * }</pre>
 */
public final class JobConfig {
  private final JobSettings settings;
  private final String output;

  private JobConfig(Builder b) {
    this(
        JobSettings.of(b),
        b.output != null
            ? b.output
            : "reports/" + (b.parsedPeriod == null ? "validation" : b.parsedPeriod.folderName()));
  }

  private JobConfig(JobSettings settings, String output) {
    this.settings = settings;
    this.output = output;
  }

  /** The same settings with the report written into {@code folder}. */
  public JobConfig withOutput(String folder) {
    return new JobConfig(settings, folder);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Files, folders or globs of participation records (local paths or Hadoop URIs). */
  public List<String> records() {
    return settings.records();
  }

  public String projects() {
    return settings.projects();
  }

  /** Normalised baseline files; a project names the set it uses in its {@code baseline} column. */
  public List<String> baselines() {
    return settings.baselines();
  }

  public Period period() {
    return settings.period();
  }

  /** The alias table ({@code column,alias,code}), or null for the built-in one. */
  public String aliases() {
    return settings.aliases();
  }

  /** Folder the report is written into; {@code reports/<period>} unless set. */
  public String output() {
    return output;
  }

  public Charset encoding() {
    return settings.encoding();
  }

  /** Roles whose people are compared with the population; the others are reported separately. */
  public Set<String> measuredRoles() {
    return settings.measuredRoles();
  }

  /** Below this ratio a group is (possibly) under-represented; 0.8 unless set. */
  public double bandLow() {
    return settings.bandLow();
  }

  /** Above this ratio a group is (possibly) over-represented; 1.25 unless set. */
  public double bandHigh() {
    return settings.bandHigh();
  }

  /** Board-facing counts from 1 to this minus one are shown as "fewer than N"; 5 unless set. */
  public int suppressionThreshold() {
    return settings.suppressionThreshold();
  }

  /** The largest share of rejected rows a run tolerates before it refuses to publish; 0.05. */
  public double maxRejectedShare() {
    return settings.maxRejectedShare();
  }

  public String sparkMaster() {
    return settings.sparkMaster();
  }

  /** The engine asked for, or null for the default (Comet where it can run). */
  public Engine engine() {
    return settings.engine();
  }

  public boolean charts() {
    return settings.charts();
  }

  /** Whether to write a workbook per commissioner or per project as well. */
  public SplitBy splitBy() {
    return settings.splitBy();
  }

  /** The history store (a folder, local or a Hadoop URI), or null when none is set. */
  public String store() {
    return settings.store();
  }

  /** True when the report reads the history store instead of the record files. */
  public boolean fromStore() {
    return settings.fromStore();
  }

  /** The store version (a number, a date or an instant) the report is made from; null: latest. */
  public String storeAsOf() {
    return settings.storeAsOf();
  }

  /** Days a new store keeps earlier versions reproducible (default about 10 years). */
  public int storeRetentionDays() {
    return settings.storeRetentionDays();
  }

  /** How many quarters before the reported one the trends cover (default 8). */
  public int trendQuarters() {
    return settings.trendQuarters();
  }

  /**
   * Residents by single year of age: the ONS TS009 file (by sex, local authorities) and the TS007
   * file by MSOA (persons), to restrict age and sex baselines to each project's intended
   * population; empty when none is set.
   */
  public List<String> populationByAge() {
    return settings.populationByAge();
  }

  /** The area deprivation table (deprivation-imd2019.csv), or null when none is set. */
  public String deprivation() {
    return settings.deprivation();
  }

  /**
   * True when the warnings that a report may be wrong (an unknown or malformed area code, a
   * baseline set no file has, a catchment without a baseline) stop the run instead.
   */
  public boolean strict() {
    return settings.strict();
  }

  /** Collects settings; {@link #build()} checks them all and names every problem at once. */
  public static final class Builder {
    List<String> records = new ArrayList<>();
    String projects;
    List<String> baselines = new ArrayList<>();
    String period;
    String aliases;
    String output;
    String encoding = (String) Setting.ENCODING.defaultValue();
    Set<String> measuredRoles = new LinkedHashSet<>(Vocabulary.MEASURED_ROLES_DEFAULT);
    double bandLow = (Double) Setting.BAND_LOW.defaultValue();
    double bandHigh = (Double) Setting.BAND_HIGH.defaultValue();
    int suppressionThreshold = (Integer) Setting.SUPPRESSION_THRESHOLD.defaultValue();
    double maxRejectedShare = (Double) Setting.MAX_REJECTED_SHARE.defaultValue();
    String sparkMaster = (String) Setting.SPARK_MASTER.defaultValue();
    Engine engine;
    boolean charts = (Boolean) Setting.CHARTS.defaultValue();
    SplitBy splitBy = SplitBy.NONE;
    String store;
    boolean fromStore;
    String storeAsOf;
    int storeRetentionDays = (Integer) Setting.STORE_RETENTION_DAYS.defaultValue();
    int trendQuarters = (Integer) Setting.TREND_QUARTERS.defaultValue();
    String deprivation;
    List<String> populationByAge = List.of();
    boolean strict;

    Period parsedPeriod;
    Charset parsedEncoding;

    private Builder() {}

    public Builder records(List<String> records) {
      this.records = new ArrayList<>(Objects.requireNonNull(records));
      return this;
    }

    public Builder projects(String projects) {
      this.projects = projects;
      return this;
    }

    public Builder baselines(List<String> baselines) {
      this.baselines = new ArrayList<>(Objects.requireNonNull(baselines));
      return this;
    }

    public Builder baselines(String baselines) {
      return baselines(List.of(baselines));
    }

    public Builder period(String period) {
      this.period = period;
      return this;
    }

    public Builder aliases(String aliases) {
      this.aliases = aliases;
      return this;
    }

    public Builder output(String output) {
      this.output = output;
      return this;
    }

    public Builder encoding(String encoding) {
      this.encoding = encoding;
      return this;
    }

    public Builder measuredRoles(Set<String> roles) {
      this.measuredRoles = new LinkedHashSet<>(Objects.requireNonNull(roles));
      return this;
    }

    public Builder band(double low, double high) {
      return bandLow(low).bandHigh(high);
    }

    public Builder bandLow(double low) {
      this.bandLow = low;
      return this;
    }

    public Builder bandHigh(double high) {
      this.bandHigh = high;
      return this;
    }

    public Builder suppressionThreshold(int threshold) {
      this.suppressionThreshold = threshold;
      return this;
    }

    public Builder maxRejectedShare(double share) {
      this.maxRejectedShare = share;
      return this;
    }

    public Builder sparkMaster(String master) {
      this.sparkMaster = master;
      return this;
    }

    /** The engine, or null for the default. */
    public Builder engine(Engine engine) {
      this.engine = engine;
      return this;
    }

    public Builder charts(boolean charts) {
      this.charts = charts;
      return this;
    }

    public Builder splitBy(SplitBy splitBy) {
      this.splitBy = Objects.requireNonNull(splitBy);
      return this;
    }

    public Builder store(String store) {
      this.store = store;
      return this;
    }

    /** What the job file and flags have named so far, before any check. */
    public NamedSettings named() {
      return new NamedSettings(List.copyOf(records), store, fromStore, engine, sparkMaster);
    }

    /** Read the history store instead of the record files. */
    public Builder fromStore(boolean fromStore) {
      this.fromStore = fromStore;
      return this;
    }

    /** Report the store as it was at a version, a date or an instant (needs fromStore). */
    public Builder storeAsOf(String asOf) {
      this.storeAsOf = asOf;
      return this;
    }

    public Builder storeRetentionDays(int days) {
      this.storeRetentionDays = days;
      return this;
    }

    public Builder trendQuarters(int quarters) {
      this.trendQuarters = quarters;
      return this;
    }

    public Builder populationByAge(String populationByAge) {
      return populationByAge(populationByAge == null ? List.of() : List.of(populationByAge));
    }

    public Builder populationByAge(List<String> populationByAge) {
      this.populationByAge = List.copyOf(populationByAge);
      return this;
    }

    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    public Builder deprivation(String deprivation) {
      this.deprivation = deprivation;
      return this;
    }

    /** Checks every setting and throws one {@link SettingsException} naming each fix. */
    public JobConfig build() {
      return build(true);
    }

    /**
     * For {@code validate}: records and projects are needed, baselines and the period are not (a
     * period given is still checked, and rows in it are counted).
     */
    public JobConfig buildForValidation() {
      return build(false);
    }

    /** For {@code ingest}: records, projects and the store are needed. */
    public JobConfig buildForIngest() {
      if (JobConfigChecks.isBlank(store)) {
        String others = buildProblems(false);
        throw new SettingsException(
            "store: name the history store folder (--store or"
                + " 'store' in the job file)"
                + (others.isEmpty() ? "" : "; " + others));
      }
      return build(false);
    }

    private String buildProblems(boolean forReport) {
      try {
        build(forReport);
        return "";
      } catch (SettingsException e) {
        return e.getMessage();
      }
    }

    /**
     * Every problem at once, in a fixed order: store, inputs, period and encoding, roles, numbers.
     */
    private JobConfig build(boolean forReport) {
      List<String> problems = new ArrayList<>();
      boolean readsStore = forReport && fromStore;
      JobConfigChecks.store(this, problems, forReport, readsStore);
      JobConfigChecks.inputs(this, problems, forReport, readsStore);
      JobConfigChecks.periodAndEncoding(this, problems, forReport);
      JobConfigChecks.roles(this, problems);
      JobConfigChecks.numbers(this, problems);
      if (!problems.isEmpty()) {
        throw new SettingsException(String.join("; ", problems));
      }
      return new JobConfig(this);
    }
  }
}
