package org.whotakespart.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A job file: the settings of a run in Java properties form, kept in {@code jobs/}. Relative paths
 * in it are read from the job file's own folder, so a job file works from any working directory.
 *
 * <pre>
 * records = ../sample-data/records
 * projects = ../sample-data/projects.csv
 * baselines = ../sample-data/baselines-census2021.csv
 * period = 2025-26 Q2
 * </pre>
 */
public final class JobFile {
  /** Every key a job file may hold (the {@link Setting} table). */
  public static final List<String> KEYS = Setting.keys();

  private JobFile() {}

  /** Reads the file into {@code builder}; flags applied afterwards override it. */
  public static void applyTo(Path jobFile, JobConfig.Builder builder) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(jobFile, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new SettingsException(
          "cannot read job file "
              + jobFile
              + ": "
              + e.getMessage()
              + " (check the path; job files live in jobs/)");
    }
    for (String key : p.stringPropertyNames()) {
      if (Setting.byKey(key).isEmpty()) {
        throw new SettingsException(
            "job file "
                + jobFile
                + ": unknown setting '"
                + key
                + "'"
                + Suggestions.didYouMean(key, KEYS)
                + "; the settings are "
                + KEYS);
      }
    }
    Path base = jobFile.toAbsolutePath().getParent();
    for (Setting s : Setting.values()) {
      String v = p.getProperty(s.key());
      if (v != null) {
        try {
          s.applyTo(builder, v, base);
        } catch (SettingsException e) {
          throw new SettingsException("job file " + jobFile + ": " + e.getMessage());
        }
      }
    }
  }

  /** Leaves URIs with a scheme (hdfs://, s3a://, file:) and absolute paths as they are. */
  static String resolve(Path base, String path) {
    if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || Path.of(path).isAbsolute()) {
      return path;
    }
    return base.resolve(path).normalize().toString();
  }
}
