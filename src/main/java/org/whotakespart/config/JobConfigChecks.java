package org.whotakespart.config;

import java.nio.charset.Charset;
import java.util.List;

/**
 * The rules {@link JobConfig.Builder} checks before it builds, one group of settings at a time;
 * each adds what is wrong to {@code problems}, so that every problem is named at once.
 */
final class JobConfigChecks {
  private JobConfigChecks() {}

  static void store(
      JobConfig.Builder b, List<String> problems, boolean forReport, boolean readsStore) {
    if (readsStore && isBlank(b.store)) {
      problems.add(
          "store: the report was asked to read the history store but none is named"
              + " (--store or 'store' in the job file)");
    }
    if (forReport && !b.fromStore && b.storeAsOf != null) {
      problems.add("--as-of reports the history store as it was: give --from-store too");
    }
    addProblem(problems, Setting.STORE_RETENTION_DAYS, b.storeRetentionDays);
  }

  /** Records (unless read from the store), projects, and baselines for a report. */
  static void inputs(
      JobConfig.Builder b, List<String> problems, boolean forReport, boolean readsStore) {
    if (readsStore) {
      // The records were checked when they were ingested.
    } else if (b.records.isEmpty() || b.records.stream().anyMatch(r -> r == null || r.isBlank())) {
      problems.add(
          "records: name at least one file, folder or glob of participation records"
              + " (--records or 'records' in the job file)");
    }
    if (isBlank(b.projects)) {
      problems.add("projects: name the projects file (--projects or 'projects' in the job file)");
    }
    if (forReport
        && (b.baselines.isEmpty() || b.baselines.stream().anyMatch(JobConfigChecks::isBlank))) {
      problems.add(
          "baselines: name the baselines file or files (--baselines or 'baselines' in the"
              + " job file)");
    }
  }

  /**
   * Parses the period (needed for a report) and the encoding into the builder, keeping what parses.
   */
  static void periodAndEncoding(JobConfig.Builder b, List<String> problems, boolean forReport) {
    if (isBlank(b.period)) {
      if (forReport) {
        problems.add("period: name the quarter to report, e.g. --period \"2025-26 Q2\"");
      }
    } else {
      try {
        b.parsedPeriod = Period.parse(b.period);
      } catch (SettingsException e) {
        problems.add(e.getMessage());
      }
    }
    try {
      b.parsedEncoding = Charset.forName(b.encoding);
    } catch (IllegalArgumentException e) {
      problems.add(
          "encoding '"
              + b.encoding
              + "' is not one Java knows: use UTF-8 (the default) or"
              + " windows-1252 for files saved by Excel");
    }
  }

  static void roles(JobConfig.Builder b, List<String> problems) {
    for (String role : b.measuredRoles) {
      if (!Vocabulary.ROLES.contains(role)) {
        problems.add(
            "measured_roles: '" + role + "' is not a role; choose from " + Vocabulary.ROLES);
      }
    }
    if (b.measuredRoles.isEmpty()) {
      problems.add("measured_roles: name at least one role to compare with the population");
    }
  }

  /** The bands, threshold, rejected share and trend quarters by their rules; the Spark master. */
  static void numbers(JobConfig.Builder b, List<String> problems) {
    addProblem(problems, Setting.BAND_LOW, b.bandLow);
    addProblem(problems, Setting.BAND_HIGH, b.bandHigh);
    addProblem(problems, Setting.SUPPRESSION_THRESHOLD, b.suppressionThreshold);
    addProblem(problems, Setting.MAX_REJECTED_SHARE, b.maxRejectedShare);
    addProblem(problems, Setting.TREND_QUARTERS, b.trendQuarters);
    if (isBlank(b.sparkMaster)) {
      problems.add("spark_master: give a Spark master such as local[*]");
    }
  }

  private static void addProblem(List<String> problems, Setting setting, double value) {
    String problem = setting.problem(value);
    if (problem != null) {
      problems.add(problem);
    }
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
