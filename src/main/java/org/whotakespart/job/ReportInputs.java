package org.whotakespart.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.baseline.AgeSexTable;
import org.whotakespart.baseline.CatchmentBaselines;
import org.whotakespart.baseline.CatchmentOverlap;
import org.whotakespart.config.JobConfig;
import org.whotakespart.ingest.AreaCodes;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.BaselinesReader;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.Project;
import org.whotakespart.ingest.ProjectsReader;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.ScopeType;

/**
 * What a report reads before its records: the projects, the baselines, each catchment's; what was
 * corrected on the way ({@code notes}, such as a lower-case area code), and the warnings that the
 * report may be wrong (an area code malformed or in no baseline, a baseline set no file has, a
 * catchment without a baseline), which {@code --strict} makes errors.
 */
record ReportInputs(
    List<Project> projects,
    List<BaselineRow> baselines,
    CatchmentBaselines.Result catchments,
    List<String> notes,
    List<String> warnings,
    Map<String, String> areaNames) {

  /** The scopes each project rolls up into: its commissioner, its areas, all projects. */
  Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> rollups() {
    Map<ScopeType, Map<String, List<MetricCalculator.Scope>>> rollups = new LinkedHashMap<>();
    for (ScopeType t : ReportMetrics.ROLLUPS) {
      rollups.put(t, MetricCalculator.scopes(t, projects, areaNames));
    }
    return rollups;
  }

  /** Reads the projects and baselines the job names, and works out each catchment's baseline. */
  static ReportInputs read(JobConfig config, Configuration conf) {
    List<String> notes = new ArrayList<>();
    List<Project> projects = ProjectsReader.read(config.projects(), config.encoding(), conf, notes);
    List<BaselineRow> baselines =
        BaselinesReader.readAll(config.baselines(), config.encoding(), conf);
    AgeSexTable ageSex = AgeSexTable.readAll(config.populationByAge(), conf);
    CatchmentOverlap.check(projects, config.projects(), CatchmentBaselines.areaNames(baselines));
    CatchmentBaselines.Result computed = CatchmentBaselines.compute(projects, baselines, ageSex);
    List<String> warnings = warnings(projects, baselines, computed);
    List<String> shown = new ArrayList<>(notes);
    shown.addAll(warnings);
    return new ReportInputs(
        projects,
        baselines,
        new CatchmentBaselines.Result(computed.rows(), List.copyOf(shown)),
        List.copyOf(notes),
        List.copyOf(warnings),
        CatchmentBaselines.areaNames(baselines));
  }

  /** The area codes' warnings, then the catchments'. */
  private static List<String> warnings(
      List<Project> projects, List<BaselineRow> baselines, CatchmentBaselines.Result computed) {
    List<String> warnings =
        new ArrayList<>(
            AreaCodes.check(
                projects,
                baselines.stream().map(BaselineRow::areaCode).collect(Collectors.toSet())));
    warnings.addAll(computed.warnings());
    return warnings;
  }

  /**
   * Says the notes and warnings on the console, each with its fix; with {@code strict}, the first
   * warning stops the run.
   */
  void sayOrStop(boolean strict, Progress progress) {
    notes.forEach(n -> progress.step("Note: " + n));
    if (warnings.isEmpty()) {
      return;
    }
    if (strict) {
      throw new InputException(
          warnings.get(0)
              + (warnings.size() > 1 ? " (and " + (warnings.size() - 1) + " more warnings)" : "")
              + "; --strict makes this an error."
              + " No report was published.");
    }
    sayWarnings(progress);
  }

  /** The first warnings, how many more the workbook lists, and how to act on them. */
  private void sayWarnings(Progress progress) {
    int shownAtMost = 8;
    warnings.stream().limit(shownAtMost).forEach(w -> progress.step("Warning: " + w));
    if (warnings.size() > shownAtMost) {
      progress.step(
          "Warning: ... and "
              + (warnings.size() - shownAtMost)
              + " more, all in the"
              + " workbook's Data quality sheet");
    }
    progress.step(
        "The report is incomplete where these apply; fix them, or run with --strict"
            + " to make them stop the run.");
  }
}
