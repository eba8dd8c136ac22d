package org.whotakespart.config;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

/** Every setting of a {@link JobConfig} but where the report is written, as checked and built. */
record JobSettings(
    List<String> records,
    String projects,
    List<String> baselines,
    Period period,
    String aliases,
    Charset encoding,
    Set<String> measuredRoles,
    double bandLow,
    double bandHigh,
    int suppressionThreshold,
    double maxRejectedShare,
    String sparkMaster,
    Engine engine,
    boolean charts,
    SplitBy splitBy,
    String store,
    boolean fromStore,
    String storeAsOf,
    int storeRetentionDays,
    int trendQuarters,
    String deprivation,
    List<String> populationByAge,
    boolean strict) {

  /**
   * The builder's settings, once checked: lists and sets copied, the period and encoding parsed.
   */
  static JobSettings of(JobConfig.Builder b) {
    return new JobSettings(
        List.copyOf(b.records),
        b.projects,
        List.copyOf(b.baselines),
        b.parsedPeriod,
        b.aliases,
        b.parsedEncoding,
        Set.copyOf(b.measuredRoles),
        b.bandLow,
        b.bandHigh,
        b.suppressionThreshold,
        b.maxRejectedShare,
        b.sparkMaster,
        b.engine,
        b.charts,
        b.splitBy,
        b.store,
        b.fromStore,
        b.storeAsOf,
        b.storeRetentionDays,
        b.trendQuarters,
        b.deprivation,
        b.populationByAge,
        b.strict);
  }
}
