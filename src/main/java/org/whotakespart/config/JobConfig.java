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
  private final List<String> records;
  private final String projects;
  private final List<String> baselines;
  private final Period period;
  private final String aliases;
  private final String output;
  private final Charset encoding;
  private final Set<String> measuredRoles;
  private final double bandLow;
  private final double bandHigh;
  private final int suppressionThreshold;
  private final double maxRejectedShare;
  private final String sparkMaster;
  private final Engine engine;
  private final boolean charts;
  private final SplitBy splitBy;
  private final String store;
  private final boolean fromStore;
  private final String storeAsOf;
  private final int storeRetentionDays;
  private final int trendQuarters;
  private final String deprivation;
  private final List<String> populationByAge;
  private final boolean strict;

  private JobConfig(Builder b) {
    this.records = List.copyOf(b.records);
    this.projects = b.projects;
    this.baselines = List.copyOf(b.baselines);
    this.period = b.parsedPeriod;
    this.aliases = b.aliases;
    this.output =
        b.output != null
            ? b.output
            : "reports/" + (b.parsedPeriod == null ? "validation" : b.parsedPeriod.folderName());
    this.encoding = b.parsedEncoding;
    this.measuredRoles = Set.copyOf(b.measuredRoles);
    this.bandLow = b.bandLow;
    this.bandHigh = b.bandHigh;
    this.suppressionThreshold = b.suppressionThreshold;
    this.maxRejectedShare = b.maxRejectedShare;
    this.sparkMaster = b.sparkMaster;
    this.engine = b.engine;
    this.charts = b.charts;
    this.splitBy = b.splitBy;
    this.store = b.store;
    this.fromStore = b.fromStore;
    this.storeAsOf = b.storeAsOf;
    this.storeRetentionDays = b.storeRetentionDays;
    this.trendQuarters = b.trendQuarters;
    this.deprivation = b.deprivation;
    this.populationByAge = b.populationByAge;
    this.strict = b.strict;
  }

  private JobConfig(JobConfig c, String output) {
    this.records = c.records;
    this.projects = c.projects;
    this.baselines = c.baselines;
    this.period = c.period;
    this.aliases = c.aliases;
    this.output = output;
    this.encoding = c.encoding;
    this.measuredRoles = c.measuredRoles;
    this.bandLow = c.bandLow;
    this.bandHigh = c.bandHigh;
    this.suppressionThreshold = c.suppressionThreshold;
    this.maxRejectedShare = c.maxRejectedShare;
    this.sparkMaster = c.sparkMaster;
    this.engine = c.engine;
    this.charts = c.charts;
    this.splitBy = c.splitBy;
    this.store = c.store;
    this.fromStore = c.fromStore;
    this.storeAsOf = c.storeAsOf;
    this.storeRetentionDays = c.storeRetentionDays;
    this.trendQuarters = c.trendQuarters;
    this.deprivation = c.deprivation;
    this.populationByAge = c.populationByAge;
    this.strict = c.strict;
  }

  /** The same settings with the report written into {@code folder}. */
  public JobConfig withOutput(String folder) {
    return new JobConfig(this, folder);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Files, folders or globs of participation records (local paths or Hadoop URIs). */
  public List<String> records() {
    return records;
  }

  public String projects() {
    return projects;
  }

  /** Normalised baseline files; a project names the set it uses in its {@code baseline} column. */
  public List<String> baselines() {
    return baselines;
  }

  public Period period() {
    return period;
  }

  /** The alias table ({@code column,alias,code}), or null for the built-in one. */
  public String aliases() {
    return aliases;
  }

  /** Folder the report is written into; {@code reports/<period>} unless set. */
  public String output() {
    return output;
  }

  public Charset encoding() {
    return encoding;
  }

  /** Roles whose people are compared with the population; the others are reported separately. */
  public Set<String> measuredRoles() {
    return measuredRoles;
  }

  /** Below this ratio a group is (possibly) under-represented; 0.8 unless set. */
  public double bandLow() {
    return bandLow;
  }

  /** Above this ratio a group is (possibly) over-represented; 1.25 unless set. */
  public double bandHigh() {
    return bandHigh;
  }

  /** Board-facing counts from 1 to this minus one are shown as "fewer than N"; 5 unless set. */
  public int suppressionThreshold() {
    return suppressionThreshold;
  }

  /** The largest share of rejected rows a run tolerates before it refuses to publish; 0.05. */
  public double maxRejectedShare() {
    return maxRejectedShare;
  }

  public String sparkMaster() {
    return sparkMaster;
  }

  /** The engine asked for, or null for the default (Comet where it can run). */
  public Engine engine() {
    return engine;
  }

  public boolean charts() {
    return charts;
  }

  /** Whether to write a workbook per commissioner or per project as well. */
  public SplitBy splitBy() {
    return splitBy;
  }

  /** The history store (a folder, local or a Hadoop URI), or null when none is set. */
  public String store() {
    return store;
  }

  /** True when the report reads the history store instead of the record files. */
  public boolean fromStore() {
    return fromStore;
  }

  /** The store version (a number, a date or an instant) the report is made from; null: latest. */
  public String storeAsOf() {
    return storeAsOf;
  }

  /** Days a new store keeps earlier versions reproducible (default about 10 years). */
  public int storeRetentionDays() {
    return storeRetentionDays;
  }

  /** How many quarters before the reported one the trends cover (default 8). */
  public int trendQuarters() {
    return trendQuarters;
  }

  /**
   * Residents by single year of age: the ONS TS009 file (by sex, local authorities) and the TS007
   * file by MSOA (persons), to restrict age and sex baselines to each project's intended
   * population; empty when none is set.
   */
  public List<String> populationByAge() {
    return populationByAge;
  }

  /** The area deprivation table (deprivation-imd2019.csv), or null when none is set. */
  public String deprivation() {
    return deprivation;
  }

  /**
   * True when the warnings that a report may be wrong (an unknown or malformed area code, a
   * baseline set no file has, a catchment without a baseline) stop the run instead.
   */
  public boolean strict() {
    return strict;
  }

  /** Collects settings; {@link #build()} checks them all and names every problem at once. */
  public static final class Builder {
    private List<String> records = new ArrayList<>();
    private String projects;
    private List<String> baselines = new ArrayList<>();
    private String period;
    private String aliases;
    private String output;
    private String encoding = (String) Setting.ENCODING.defaultValue();
    private Set<String> measuredRoles = new LinkedHashSet<>(Vocabulary.MEASURED_ROLES_DEFAULT);
    private double bandLow = (Double) Setting.BAND_LOW.defaultValue();
    private double bandHigh = (Double) Setting.BAND_HIGH.defaultValue();
    private int suppressionThreshold = (Integer) Setting.SUPPRESSION_THRESHOLD.defaultValue();
    private double maxRejectedShare = (Double) Setting.MAX_REJECTED_SHARE.defaultValue();
    private String sparkMaster = (String) Setting.SPARK_MASTER.defaultValue();
    private Engine engine;
    private boolean charts = (Boolean) Setting.CHARTS.defaultValue();
    private SplitBy splitBy = SplitBy.NONE;
    private String store;
    private boolean fromStore;
    private String storeAsOf;
    private int storeRetentionDays = (Integer) Setting.STORE_RETENTION_DAYS.defaultValue();
    private int trendQuarters = (Integer) Setting.TREND_QUARTERS.defaultValue();
    private String deprivation;
    private List<String> populationByAge = List.of();
    private boolean strict;

    private Period parsedPeriod;
    private Charset parsedEncoding;

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

    /** The store named so far (job file or flag), or null. */
    public String storeSetting() {
      return store;
    }

    /** The records named so far (job file or flags). */
    public List<String> recordsSetting() {
      return List.copyOf(records);
    }

    /** Whether a report was asked so far to read the store. */
    public boolean fromStoreSetting() {
      return fromStore;
    }

    /** The engine named so far, or null for the default. */
    public Engine engineSetting() {
      return engine;
    }

    /** The Spark master named so far. */
    public String sparkMasterSetting() {
      return sparkMaster;
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
      if (isBlank(store)) {
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
      checkStore(problems, forReport, readsStore);
      checkInputs(problems, forReport, readsStore);
      checkPeriodAndEncoding(problems, forReport);
      checkRoles(problems);
      checkNumbers(problems);
      if (!problems.isEmpty()) {
        throw new SettingsException(String.join("; ", problems));
      }
      return new JobConfig(this);
    }

    private void checkStore(List<String> problems, boolean forReport, boolean readsStore) {
      if (readsStore && isBlank(store)) {
        problems.add(
            "store: the report was asked to read the history store but none is named"
                + " (--store or 'store' in the job file)");
      }
      if (forReport && !fromStore && storeAsOf != null) {
        problems.add("--as-of reports the history store as it was: give --from-store too");
      }
      addProblem(problems, Setting.STORE_RETENTION_DAYS, storeRetentionDays);
    }

    /** Records (unless read from the store), projects, and baselines for a report. */
    private void checkInputs(List<String> problems, boolean forReport, boolean readsStore) {
      if (readsStore) {
        // The records were checked when they were ingested.
      } else if (records.isEmpty() || records.stream().anyMatch(r -> r == null || r.isBlank())) {
        problems.add(
            "records: name at least one file, folder or glob of participation records"
                + " (--records or 'records' in the job file)");
      }
      if (isBlank(projects)) {
        problems.add("projects: name the projects file (--projects or 'projects' in the job file)");
      }
      if (forReport && (baselines.isEmpty() || baselines.stream().anyMatch(Builder::isBlank))) {
        problems.add(
            "baselines: name the baselines file or files (--baselines or 'baselines' in the"
                + " job file)");
      }
    }

    /** Parses the period (needed for a report) and the encoding, keeping what parses. */
    private void checkPeriodAndEncoding(List<String> problems, boolean forReport) {
      if (isBlank(period)) {
        if (forReport) {
          problems.add("period: name the quarter to report, e.g. --period \"2025-26 Q2\"");
        }
      } else {
        try {
          parsedPeriod = Period.parse(period);
        } catch (SettingsException e) {
          problems.add(e.getMessage());
        }
      }
      try {
        parsedEncoding = Charset.forName(encoding);
      } catch (IllegalArgumentException e) {
        problems.add(
            "encoding '"
                + encoding
                + "' is not one Java knows: use UTF-8 (the default) or"
                + " windows-1252 for files saved by Excel");
      }
    }

    private void checkRoles(List<String> problems) {
      for (String role : measuredRoles) {
        if (!Vocabulary.ROLES.contains(role)) {
          problems.add(
              "measured_roles: '" + role + "' is not a role; choose from " + Vocabulary.ROLES);
        }
      }
      if (measuredRoles.isEmpty()) {
        problems.add("measured_roles: name at least one role to compare with the population");
      }
    }

    /** The bands, threshold, rejected share and trend quarters by their rules; the Spark master. */
    private void checkNumbers(List<String> problems) {
      addProblem(problems, Setting.BAND_LOW, bandLow);
      addProblem(problems, Setting.BAND_HIGH, bandHigh);
      addProblem(problems, Setting.SUPPRESSION_THRESHOLD, suppressionThreshold);
      addProblem(problems, Setting.MAX_REJECTED_SHARE, maxRejectedShare);
      addProblem(problems, Setting.TREND_QUARTERS, trendQuarters);
      if (isBlank(sparkMaster)) {
        problems.add("spark_master: give a Spark master such as local[*]");
      }
    }

    private static void addProblem(List<String> problems, Setting setting, double value) {
      String problem = setting.problem(value);
      if (problem != null) {
        problems.add(problem);
      }
    }

    private static boolean isBlank(String s) {
      return s == null || s.isBlank();
    }
  }
}
