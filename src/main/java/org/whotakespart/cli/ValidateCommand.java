package org.whotakespart.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.whotakespart.config.JobConfig;
import org.whotakespart.job.RecordCheck;
import org.whotakespart.job.ValidateJob;
import org.whotakespart.validate.RejectReason;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code whotakespart validate}: check exports without making a report. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks participation exports as the report would, without making a report.",
      "",
      "Columns, rows, codes, duplicates, and that no direct identifier is present; writes"
          + " quarantine.csv with every rejected row and its reason. For people preparing an"
          + " export:",
      "  whotakespart validate --records exports/ --projects projects.csv",
      ""
    })
public final class ValidateCommand implements Callable<Integer>, JobCommand {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin JobOptions options;

  @Override
  public JobOptions options() {
    return options;
  }

  @Override
  public Integer call() throws Exception {
    return Spark.run(
        spec,
        options,
        JobConfig.Builder::buildForValidation,
        config -> "Who Takes Part: checking exports",
        (config, spark, progress) -> {
          RecordCheck.Checked checked = ValidateJob.run(config, spark, progress);
          var out = spec.commandLine().getOut();
          printFiles(out, checked);
          printReasons(out, checked.counts());
          out.println("Rejected rows with their reasons: " + checked.quarantine());
          out.println("  " + RecordCheck.QUARANTINE_WARNING);
          out.flush();
          if (checked.rejectedShare() > config.maxRejectedShare()) {
            spec.commandLine()
                .getErr()
                .printf(
                    Locale.UK,
                    "whotakespart: %.1f%% of rows were"
                        + " rejected, more than the %.1f%% a report allows; see %s%n",
                    100 * checked.rejectedShare(),
                    100 * config.maxRejectedShare(),
                    checked.quarantine());
            return Failures.INPUT;
          }
          return 0;
        });
  }

  /** One line per file: rows read, accepted, quarantined and duplicates, and what was ignored. */
  private static void printFiles(PrintWriter out, RecordCheck.Checked checked) {
    out.printf(
        Locale.UK,
        "%-70s %10s %10s %11s %10s%n",
        "file",
        "read",
        "accepted",
        "quarantined",
        "duplicates");
    checked
        .files()
        .forEach(
            f -> {
              long[] a = checked.counts().byFile().getOrDefault(f.path(), new long[3]);
              out.printf(
                  Locale.UK,
                  "%-70s %,10d %,10d %,11d %,10d%s%n",
                  f.path(),
                  a[0] + a[1] + a[2],
                  a[0],
                  a[1],
                  a[2],
                  f.empty()
                      ? "  (empty file)"
                      : f.ignoredColumns().isEmpty()
                          ? ""
                          : "  ignored columns: " + String.join(", ", f.ignoredColumns()));
            });
  }

  /** The rows reconciled, then how many were rejected for each reason. */
  private static void printReasons(PrintWriter out, RecordCheck.Counts c) {
    out.println(c.reconciliation());
    for (RejectReason r : RejectReason.values()) {
      Long n = c.byReason().get(r.code());
      if (n != null) {
        out.printf(Locale.UK, "  %,8d %s: %s%n", n, r.code(), r.plain());
      }
    }
  }
}
