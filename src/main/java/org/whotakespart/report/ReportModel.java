package org.whotakespart.report;

import java.util.List;
import java.util.Map;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.Project;
import org.whotakespart.stats.Bands;
import org.whotakespart.stats.MetricRow;

/**
 * Everything the board-facing outputs show, as plain Java values: no Spark past this point, so the
 * workbook and charts are built and tested from small in-memory data.
 *
 * @param metrics every metrics row (exact counts; disclosure control is applied when shown)
 * @param peopleByProject distinct people per project in the period (measured roles)
 * @param coverage per baseline set and characteristic, the ages and sources of the figures
 * @param areaNames local-authority code to name
 */
public record ReportModel(Period period, String softwareVersion, Bands bands,
    int suppressionThreshold, List<String> measuredRoles, List<Project> projects,
    List<MetricRow> metrics, Map<String, Long> peopleByProject, DataQuality dataQuality,
    List<BaselineCoverage> coverage, Map<String, String> areaNames) {}
