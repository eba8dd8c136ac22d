package org.whotakespart.job;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.JobConfig;
import org.whotakespart.ingest.Project;
import org.whotakespart.ingest.ProjectsReader;

/**
 * {@code validate}: everything the report does to the inputs (headers, rows, aliases, duplicates,
 * the anonymisation guard, the quarantine) without making a report, for people preparing an export.
 */
public final class ValidateJob {
  private ValidateJob() {}

  public static RecordCheck.Checked run(JobConfig config, SparkSession spark, Progress progress) {
    List<Project> projects =
        ProjectsReader.read(
            config.projects(), config.encoding(), spark.sparkContext().hadoopConfiguration());
    RecordCheck.Checked checked = RecordCheck.check(config, spark, progress, projects);
    checked.close();
    return checked;
  }
}
