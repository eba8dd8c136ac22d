package org.whotakespart.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.JobConfig;
import org.whotakespart.ingest.ParticipationReader;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.FileReconciliation;
import org.whotakespart.report.History;
import org.whotakespart.report.ReportModel;
import org.whotakespart.stats.Bands;
import org.whotakespart.stats.CategoryCount;
import org.whotakespart.stats.EquityRow;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.validate.RejectReason;

/** The report's content step: what the workbook and charts show, gathered from the steps before. */
final class ReportContent {
  private ReportContent() {}

  /** What the workbook and charts show, gathered from the steps before. */
  static ReportModel model(
      JobConfig config,
      ReportInputs inputs,
      RecordCheck.Checked checked,
      ReportCount.Counted counted,
      ReportMetrics.Quarters quarters,
      List<EquityRow> equity) {
    List<CategoryCount> categoryCounts = counted.people(config.period());
    return new ReportModel(
        config.period(),
        MetricCalculator.ALL_NAME,
        ReportJob.version(),
        new Bands(config.bandLow(), config.bandHigh()),
        config.suppressionThreshold(),
        config.measuredRoles().stream().sorted().toList(),
        inputs.projects(),
        quarters.metrics(),
        quarters.previous(),
        peopleByProject(categoryCounts),
        counted.byScopeAndRole(),
        dataQuality(
            checked.files(),
            checked.checksums(),
            checked.counts(),
            categoryCounts,
            inputs.catchments().warnings(),
            checked.store()),
        CoverageLines.coverage(inputs.projects(), inputs.catchments().rows(), inputs.baselines()),
        inputs.areaNames(),
        new History(
            quarters.labels(),
            quarters.boardHistory(),
            quarters.trends(),
            equity,
            ScopeType.ALL,
            MetricCalculator.ALL_ID));
  }

  static DataQuality dataQuality(
      List<ParticipationReader.FileInfo> files,
      Map<String, String> checksums,
      RecordCheck.Counts counts,
      List<CategoryCount> categoryCounts,
      List<String> warnings,
      DataQuality.StoreSource store) {
    List<FileReconciliation> perFile = new ArrayList<>();
    String common = commonFolder(files.stream().map(ParticipationReader.FileInfo::path).toList());
    for (ParticipationReader.FileInfo f : files) {
      long[] a = counts.byFile().getOrDefault(f.path(), new long[3]);
      perFile.add(
          new FileReconciliation(
              f.path().substring(common.length()),
              f.bytes(),
              checksums.getOrDefault(f.path(), ""),
              f.empty(),
              f.ignoredColumns(),
              a[0] + a[1] + a[2],
              a[0],
              a[1],
              a[2]));
    }
    Map<String, Long> reasons = new LinkedHashMap<>();
    for (RejectReason r : RejectReason.values()) {
      Long n = counts.byReason().get(r.code());
      if (n != null) {
        reasons.put(r.code(), n);
      }
    }
    Map<String, Long> conflicts = new LinkedHashMap<>();
    for (Characteristic c : Characteristic.values()) {
      conflicts.put(
          c.code(),
          categoryCounts.stream()
              .filter(x -> x.characteristic().equals(c.code()))
              .mapToLong(CategoryCount::conflicts)
              .sum());
    }
    return new DataQuality(
        perFile, reasons, conflicts, counts.inPeriod(), counts.measured(), warnings, store);
  }

  /**
   * The folder all {@code paths} share, with its trailing "/", or "": the workbook names each file
   * from there (sheffield/participation-q2.csv), never by its whole path, which may hold a user's
   * name.
   */
  static String commonFolder(List<String> paths) {
    if (paths.isEmpty()) {
      return "";
    }
    String common = paths.get(0).substring(0, paths.get(0).lastIndexOf('/') + 1);
    for (String p : paths) {
      while (!p.startsWith(common)) {
        common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
      }
    }
    return common;
  }

  static Map<String, Long> peopleByProject(List<CategoryCount> counts) {
    Map<String, Long> m = new TreeMap<>();
    // Every person has exactly one value (known or unknown) per characteristic: count one of them.
    for (CategoryCount c : counts) {
      if (c.characteristic().equals(Characteristic.SEX.code())) {
        m.merge(c.projectId(), c.people(), Long::sum);
      }
    }
    return m;
  }
}
