package org.whotakespart.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every setting a job file can hold, in one table: its key, the flag that overrides it, what it
 * takes, its default, the rule its value must keep, and where it goes in the {@link
 * JobConfig.Builder}. {@link JobFile} reads job files with it, {@link JobConfig.Builder} takes its
 * defaults and checks its rules from it, and the README's settings table is tested against it. A
 * new setting is one line here plus its use.
 */
public enum Setting {
  RECORDS(
      "records",
      "--records",
      Type.PATHS,
      null,
      "participation records: files, folders (every" + " participation*.csv inside) or globs",
      (b, v) -> b.records(paths(v))),
  PROJECTS(
      "projects",
      "--projects",
      Type.PATH,
      null,
      "the projects file",
      (b, v) -> b.projects((String) v)),
  BASELINES(
      "baselines",
      "--baselines",
      Type.PATHS,
      null,
      "population baseline files",
      (b, v) -> b.baselines(paths(v))),
  POPULATION_BY_AGE(
      "population_by_age",
      null,
      Type.PATHS,
      null,
      "residents by single year of age: by sex"
          + " (Census 2021 TS009, local authorities) and by MSOA (TS007), to restrict baselines"
          + " to each project's ages and sex",
      (b, v) -> b.populationByAge(paths(v))),
  PERIOD(
      "period",
      "--period",
      Type.TEXT,
      null,
      "the quarter, e.g. 2025-26 Q2 or 2025 Q3",
      (b, v) -> b.period((String) v)),
  ALIASES(
      "aliases",
      "--aliases",
      Type.PATH,
      null,
      "the alias table (default: the built-in one)",
      (b, v) -> b.aliases((String) v)),
  OUTPUT(
      "output",
      "--output",
      Type.PATH,
      null,
      "where the report is written (default: a folder" + " for the quarter under reports/)",
      (b, v) -> b.output((String) v)),
  ENCODING(
      "encoding",
      "--encoding",
      Type.TEXT,
      "UTF-8",
      "text encoding of the input files",
      (b, v) -> b.encoding((String) v)),
  MEASURED_ROLES(
      "measured_roles",
      null,
      Type.LIST,
      String.join(", ", Vocabulary.MEASURED_ROLES_DEFAULT),
      "roles compared with the population",
      (b, v) -> b.measuredRoles(new LinkedHashSet<>(paths(v)))),
  BAND_LOW(
      "band_low",
      null,
      Type.NUMBER,
      "0.8",
      "below this ratio a group is (possibly)" + " under-represented",
      (b, v) -> b.bandLow((Double) v),
      new Rule(x -> x > 0 && x < 1, "must be between 0 and 1", "0.8 is usual")),
  BAND_HIGH(
      "band_high",
      null,
      Type.NUMBER,
      "1.25",
      "above this ratio a group is (possibly)" + " over-represented",
      (b, v) -> b.bandHigh((Double) v),
      new Rule(x -> x > 1, "must be above 1", "1.25 is usual")),
  SUPPRESSION_THRESHOLD(
      "suppression_threshold",
      null,
      Type.WHOLE,
      "5",
      "board-facing counts from" + " 1 to this minus one are shown as \"fewer than\" it",
      (b, v) -> b.suppressionThreshold((Integer) v),
      new Rule(x -> x >= 2 && x <= 100, "must be from 2 to 100", "5 is usual")),
  MAX_REJECTED_SHARE(
      "max_rejected_share",
      null,
      Type.NUMBER,
      "0.05",
      "the largest share of" + " rejected rows a report tolerates",
      (b, v) -> b.maxRejectedShare((Double) v),
      new Rule(x -> x >= 0 && x <= 1, "must be from 0 to 1", "0.05 means 5%")),
  SPARK_MASTER(
      "spark_master",
      "--master",
      Type.TEXT,
      "local[*]",
      "the Spark master",
      (b, v) -> b.sparkMaster((String) v)),
  ENGINE(
      "engine",
      "--engine",
      Type.TEXT,
      null,
      "what runs the Spark plans: comet (the default" + " where its native library loads) or spark",
      (b, v) -> b.engine(Engine.parse((String) v))),
  CHARTS(
      "charts",
      "--no-charts",
      Type.BOOLEAN,
      "true",
      "whether to draw the charts",
      (b, v) -> b.charts((Boolean) v)),
  SPLIT_BY(
      "split_by",
      "--split-by",
      Type.TEXT,
      "none",
      "also one workbook per commissioner or" + " project: none, commissioner or project",
      (b, v) -> b.splitBy(SplitBy.parse((String) v))),
  STORE(
      "store",
      "--store",
      Type.PATH,
      null,
      "the history store folder (or a Hadoop URI)",
      (b, v) -> b.store((String) v)),
  STORE_RETENTION_DAYS(
      "store_retention_days",
      null,
      Type.WHOLE,
      "3653",
      "days a new store keeps" + " earlier versions reproducible",
      (b, v) -> b.storeRetentionDays((Integer) v),
      new Rule(x -> x >= 0, "must be 0 or more", "3653 is about ten years")),
  READ_FROM(
      "read_from",
      "--from-store",
      Type.TEXT,
      "records",
      "records (the CSV exports) or store" + " (the history store)",
      Setting::readFrom),
  TREND_QUARTERS(
      "trend_quarters",
      "--trend-quarters",
      Type.WHOLE,
      "8",
      "quarters before the" + " reported one that the trends cover",
      (b, v) -> b.trendQuarters((Integer) v),
      new Rule(
          x -> x >= 0 && x <= 40,
          "must be from 0 to 40",
          "8 is usual: two years before the reported quarter")),
  DEPRIVATION(
      "deprivation",
      "--deprivation",
      Type.PATH,
      null,
      "each area's deprivation (IoD" + " 2019)",
      (b, v) -> b.deprivation((String) v));

  /** What a setting's value is, and how a job file's text becomes it. */
  public enum Type {
    /** A path, read from the job file's folder unless absolute or a URI. */
    PATH("path"),
    /** Paths separated by commas. */
    PATHS("paths, separated by commas"),
    /** Words separated by commas. */
    LIST("words, separated by commas"),
    TEXT("text"),
    NUMBER("number"),
    WHOLE("whole number"),
    BOOLEAN("true or false");

    private final String plain;

    Type(String plain) {
      this.plain = plain;
    }

    /** How the README's settings table names it. */
    public String plain() {
      return plain;
    }
  }

  /** A rule a numeric setting's value keeps, and how a value that breaks it is reported. */
  public record Rule(DoublePredicate holds, String text, String hint) {}

  private final String key;
  private final String flag;
  private final Type type;
  private final String defaultText;
  private final String meaning;
  private final BiConsumer<JobConfig.Builder, Object> apply;
  private final Rule rule;

  Setting(
      String key,
      String flag,
      Type type,
      String defaultText,
      String meaning,
      BiConsumer<JobConfig.Builder, Object> apply) {
    this(key, flag, type, defaultText, meaning, apply, null);
  }

  Setting(
      String key,
      String flag,
      Type type,
      String defaultText,
      String meaning,
      BiConsumer<JobConfig.Builder, Object> apply,
      Rule rule) {
    this.key = key;
    this.flag = flag;
    this.type = type;
    this.defaultText = defaultText;
    this.meaning = meaning;
    this.apply = apply;
    this.rule = rule;
  }

  private static final Map<String, Setting> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toMap(Setting::key, Function.identity()));

  /** The job file's name for it. */
  public String key() {
    return key;
  }

  /** The command-line flag that overrides it, if any. */
  public Optional<String> flag() {
    return Optional.ofNullable(flag);
  }

  public Type type() {
    return type;
  }

  /** The default as a job file would write it, if there is one. */
  public Optional<String> defaultText() {
    return Optional.ofNullable(defaultText);
  }

  /** What it sets, in a few words. */
  public String meaning() {
    return meaning;
  }

  /** The rule its value keeps, if any. */
  public Optional<Rule> rule() {
    return Optional.ofNullable(rule);
  }

  /** The setting a job file names {@code key}, if any. */
  public static Optional<Setting> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** Every key, sorted, as error messages list them. */
  public static List<String> keys() {
    return BY_KEY.keySet().stream().sorted().toList();
  }

  /** The default value, parsed as a job file's value would be. */
  Object defaultValue() {
    if (defaultText == null) {
      throw new IllegalStateException(key + " has no default");
    }
    return parse(defaultText, Path.of(""));
  }

  /** A job file's text for it, parsed; {@code base} is the job file's folder. */
  Object parse(String text, Path base) {
    String v = text.trim();
    return switch (type) {
      case PATH -> JobFile.resolve(base, v);
      case PATHS -> items(v).stream().map(s -> JobFile.resolve(base, s)).toList();
      case LIST -> items(v);
      case TEXT -> v;
      case NUMBER -> number(v);
      case WHOLE -> whole(v);
      case BOOLEAN -> bool(v);
    };
  }

  /** Puts a job file's text for it into {@code builder}. */
  void applyTo(JobConfig.Builder builder, String text, Path base) {
    apply.accept(builder, parse(text, base));
  }

  /** The rule's complaint about {@code value}, or null when it keeps the rule. */
  String problem(double value) {
    if (rule == null || rule.holds().test(value)) {
      return null;
    }
    String shown = type == Type.WHOLE ? String.valueOf((long) value) : String.valueOf(value);
    return key + " " + rule.text() + " (it is " + shown + "; " + rule.hint() + ")";
  }

  private static List<String> items(String v) {
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> paths(Object v) {
    return (List<String>) v;
  }

  private double number(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new SettingsException(
          key + " = '" + v + "' is not a number (e.g. " + defaultText + ")");
    }
  }

  private int whole(String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new SettingsException(
          key + " = '" + v + "' is not a whole number" + " (e.g. " + defaultText + ")");
    }
  }

  private boolean bool(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new SettingsException(key + " = '" + v + "' should be true" + " or false");
    };
  }

  private static void readFrom(JobConfig.Builder b, Object v) {
    switch ((String) v) {
      case "store" -> b.fromStore(true);
      case "records" -> b.fromStore(false);
      default ->
          throw new SettingsException(
              "read_from = '"
                  + v
                  + "' should be records (the CSV"
                  + " exports) or store (the history store)");
    }
  }
}
