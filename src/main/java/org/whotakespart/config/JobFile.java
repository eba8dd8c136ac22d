package org.whotakespart.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A job file: the settings of a run in Java properties form, kept in {@code jobs/}. Relative paths in
 * it are read from the job file's own folder, so a job file works from any working directory.
 *
 * <pre>
 * records = ../sample-data/records
 * projects = ../sample-data/projects.csv
 * baselines = ../sample-data/baselines-census2021.csv
 * period = 2025-26 Q2
 * </pre>
 */
public final class JobFile {
  public static final Set<String> KEYS = new TreeSet<>(List.of("records", "projects", "baselines",
      "period", "aliases", "output", "encoding", "measured_roles", "band_low", "band_high",
      "suppression_threshold", "max_rejected_share", "spark_master", "engine", "charts", "split_by", "store",
      "store_retention_days", "read_from", "trend_quarters", "deprivation", "population_by_age"));

  private JobFile() {}

  /** Reads the file into {@code builder}; flags applied afterwards override it. */
  public static void applyTo(Path jobFile, JobConfig.Builder builder) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(jobFile, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read job file " + jobFile + ": " + e.getMessage()
          + " (check the path; job files live in jobs/)");
    }
    Path base = jobFile.toAbsolutePath().getParent();
    for (String key : p.stringPropertyNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("job file " + jobFile + ": unknown setting '" + key + "'"
            + Suggestions.didYouMean(key, KEYS) + "; the settings are " + KEYS);
      }
    }
    String v;
    if ((v = p.getProperty("records")) != null) {
      builder.records(Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
          .map(s -> resolve(base, s)).toList());
    }
    if ((v = p.getProperty("projects")) != null) {
      builder.projects(resolve(base, v.trim()));
    }
    if ((v = p.getProperty("baselines")) != null) {
      builder.baselines(Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
          .map(s -> resolve(base, s)).toList());
    }
    if ((v = p.getProperty("aliases")) != null) {
      builder.aliases(resolve(base, v.trim()));
    }
    if ((v = p.getProperty("output")) != null) {
      builder.output(resolve(base, v.trim()));
    }
    if ((v = p.getProperty("period")) != null) {
      builder.period(v.trim());
    }
    if ((v = p.getProperty("encoding")) != null) {
      builder.encoding(v.trim());
    }
    if ((v = p.getProperty("measured_roles")) != null) {
      builder.measuredRoles(new LinkedHashSet<>(Arrays.stream(v.split(",")).map(String::trim)
          .filter(s -> !s.isEmpty()).toList()));
    }
    double low = number(p, "band_low", 0.8, jobFile);
    double high = number(p, "band_high", 1.25, jobFile);
    builder.band(low, high);
    if ((v = p.getProperty("suppression_threshold")) != null) {
      builder.suppressionThreshold((int) number(p, "suppression_threshold", 5, jobFile));
    }
    if ((v = p.getProperty("max_rejected_share")) != null) {
      builder.maxRejectedShare(number(p, "max_rejected_share", 0.05, jobFile));
    }
    if ((v = p.getProperty("spark_master")) != null) {
      builder.sparkMaster(v.trim());
    }
    if ((v = p.getProperty("engine")) != null) {
      builder.engine(Engine.parse(v));
    }
    if ((v = p.getProperty("split_by")) != null) {
      builder.splitBy(SplitBy.parse(v));
    }
    if ((v = p.getProperty("store")) != null) {
      builder.store(resolve(base, v.trim()));
    }
    if ((v = p.getProperty("store_retention_days")) != null) {
      builder.storeRetentionDays((int) number(p, "store_retention_days", 3653, jobFile));
    }
    if ((v = p.getProperty("read_from")) != null) {
      switch (v.trim()) {
        case "store" -> builder.fromStore(true);
        case "records" -> builder.fromStore(false);
        default -> throw new IllegalArgumentException("job file " + jobFile + ": read_from = '"
            + v.trim() + "' should be records (the CSV exports) or store (the history store)");
      }
    }
    if ((v = p.getProperty("trend_quarters")) != null) {
      builder.trendQuarters((int) number(p, "trend_quarters", 8, jobFile));
    }
    if ((v = p.getProperty("population_by_age")) != null) {
      builder.populationByAge(resolve(base, v.trim()));
    }
    if ((v = p.getProperty("deprivation")) != null) {
      builder.deprivation(resolve(base, v.trim()));
    }
    if ((v = p.getProperty("charts")) != null) {
      builder.charts(Boolean.parseBoolean(v.trim()));
    }
  }

  /** Leaves URIs with a scheme (hdfs://, s3a://, file:) and absolute paths as they are. */
  static String resolve(Path base, String path) {
    if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || Path.of(path).isAbsolute()) {
      return path;
    }
    return base.resolve(path).normalize().toString();
  }

  private static double number(Properties p, String key, double fallback, Path jobFile) {
    String v = p.getProperty(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("job file " + jobFile + ": " + key + " = '" + v.trim()
          + "' is not a number (e.g. " + fallback + ")");
    }
  }
}
