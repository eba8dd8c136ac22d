package org.whotakespart.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.whotakespart.config.JobConfig;
import org.whotakespart.job.IngestJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code whotakespart ingest}: add checked records to the history store. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks participation exports and adds their accepted records to the history store, a"
          + " Delta Lake table partitioned by quarter that report --from-store reads.",
      "",
      "Ingesting a file again, or a corrected export, replaces what it sent before; a record id"
          + " sent again replaces its earlier version. Each ingest is one commit (see store"
          + " history); a run that fails leaves the store as it was. For example:",
      "  whotakespart ingest --job jobs/sample-quarterly.properties",
      "  whotakespart ingest --records exports/2025-26-Q3 --projects projects.csv --store history/",
      ""
    })
public final class IngestCommand implements Callable<Integer>, JobCommand {
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
        JobConfig.Builder::buildForIngest,
        config -> "Who Takes Part: ingest into " + config.store(),
        (config, spark, progress) -> {
          IngestJob.Result r = IngestJob.run(config, spark, progress);
          var out = spec.commandLine().getOut();
          var c = r.counts();
          out.printf(
              Locale.UK, "Version %d committed to %s%n", r.after().version(), config.store());
          out.printf(
              Locale.UK,
              "  rows read %,d = accepted %,d + quarantined %,d + duplicates %,d%n",
              c.read(),
              c.accepted(),
              c.quarantined(),
              c.duplicates());
          out.printf(
              Locale.UK,
              "  %,d earlier versions of these records replaced; %,d already stored as sent;"
                  + " %,d records no longer in the files re-sent removed%n",
              r.replaced(),
              r.unchanged(),
              r.deleted());
          out.printf(Locale.UK, "  the store now holds %,d records:%n", r.after().rows());
          r.after().quarters().forEach((q, n) -> out.printf(Locale.UK, "    %-12s %,10d%n", q, n));
          out.println("  rejected rows with their reasons: " + r.quarantine());
          out.flush();
          return 0;
        });
  }
}
