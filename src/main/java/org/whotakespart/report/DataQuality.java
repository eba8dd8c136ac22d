package org.whotakespart.report;

import java.util.List;
import java.util.Map;

/**
 * How complete and clean the inputs were: per-file reconciliation, rejected rows by reason, people
 * whose answers conflicted, and baseline gaps.
 *
 * @param rejectedByReason reason code to rows quarantined for it, in report order
 * @param conflictsByCharacteristic people whose value differed between activities (latest used)
 * @param recordsInPeriod accepted records dated in the reported quarter
 * @param recordsMeasured of those, records of the roles measured against the population
 * @param baselineWarnings gaps in the baselines for the projects' catchments
 * @param store the history store version the records were read from, or null when they were read
 *     from the record files
 */
public record DataQuality(
    List<FileReconciliation> files,
    Map<String, Long> rejectedByReason,
    Map<String, Long> conflictsByCharacteristic,
    long recordsInPeriod,
    long recordsMeasured,
    List<String> baselineWarnings,
    StoreSource store) {

  /**
   * A report's history store: the version read, when it was committed, and what was erased from the
   * store after it (empty when nothing was).
   */
  public record StoreSource(
      String store, long version, String committedAt, boolean latest, String erasedSince) {}

  public DataQuality(
      List<FileReconciliation> files,
      Map<String, Long> rejectedByReason,
      Map<String, Long> conflictsByCharacteristic,
      long recordsInPeriod,
      long recordsMeasured,
      List<String> baselineWarnings) {
    this(
        files,
        rejectedByReason,
        conflictsByCharacteristic,
        recordsInPeriod,
        recordsMeasured,
        baselineWarnings,
        null);
  }

  public long read() {
    return files.stream().mapToLong(FileReconciliation::read).sum();
  }

  public long accepted() {
    return files.stream().mapToLong(FileReconciliation::accepted).sum();
  }

  public long quarantined() {
    return files.stream().mapToLong(FileReconciliation::quarantined).sum();
  }

  public long duplicates() {
    return files.stream().mapToLong(FileReconciliation::duplicates).sum();
  }

  /** Quarantined rows as a share of rows read (0 when nothing was read). */
  public double rejectedShare() {
    return read() == 0 ? 0.0 : (double) quarantined() / read();
  }
}
