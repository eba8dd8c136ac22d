package org.whotakespart.cli;

import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.baseline.CensusImporter;
import org.whotakespart.output.table.BaselinesWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code whotakespart baselines}: population baselines. */
@Command(mixinStandardHelpOptions = true, name = "baselines", description = "Population baselines.",
    subcommands = {BaselinesCommand.Import.class})
public final class BaselinesCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code whotakespart baselines import}. */
  @Command(mixinStandardHelpOptions = true, name = "import", sortOptions = false,
      description = {"Builds the census2021 baseline for every local authority of England and"
          + " Wales from the ONS Census 2021 files.", ""})
  public static final class Import implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--census", defaultValue = "sample-data/census-2021", paramLabel = "FOLDER",
        description = "Folder with the ONS files (default ${DEFAULT-VALUE}).")
    String census;

    @Option(names = "--out", defaultValue = "sample-data/baselines-census2021.csv",
        paramLabel = "FILE", description = "Where to write (default ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--verbose", description = "Show full error details.")
    boolean verbose;

    @Override
    public Integer call() {
      try {
        Configuration conf = new Configuration();
        var rows = CensusImporter.importFolder(census, conf);
        BaselinesWriter.write(rows, out, conf);
        spec.commandLine().getOut().printf("Wrote %,d baseline rows to %s%n", rows.size(), out);
        return 0;
      } catch (RuntimeException e) {
        return Failures.report(e, spec.commandLine().getErr(), verbose);
      }
    }
  }
}
