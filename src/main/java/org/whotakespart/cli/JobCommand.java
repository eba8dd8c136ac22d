package org.whotakespart.cli;

import org.whotakespart.config.JobConfig;

/** A command that runs a job from a job file and flags: report, ingest and validate. */
interface JobCommand {
  /** The settings every job takes. */
  JobOptions options();

  /** {@code b} with this command's own flags applied (none unless it has its own). */
  default JobConfig.Builder withFlags(JobConfig.Builder b) {
    return b;
  }
}
