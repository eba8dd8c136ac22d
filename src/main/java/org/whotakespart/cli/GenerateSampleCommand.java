package org.whotakespart.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.config.Period;
import org.whotakespart.config.SettingsException;
import org.whotakespart.ingest.BaselinesReader;
import org.whotakespart.sample.SampleGenerator;
import org.whotakespart.sample.ScaleGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code whotakespart generate-sample}: the deterministic sample data. */
@Command(
    mixinStandardHelpOptions = true,
    name = "generate-sample",
    sortOptions = false,
    description = {
      "Writes a realistic sample (projects.csv and participation records) drawn from"
          + " the Census populations of real local authorities. The same seed gives the same files.",
      ""
    })
public final class GenerateSampleCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--seed",
      defaultValue = "2025",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--baselines",
      defaultValue = "sample-data/baselines-census2021.csv",
      paramLabel = "FILE",
      description = "Baselines to draw people from (default ${DEFAULT-VALUE}).")
  String baselines;

  @Option(
      names = "--out",
      defaultValue = "sample-data",
      paramLabel = "FOLDER",
      description = "Where to write (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--last-quarter",
      defaultValue = "2025-26 Q2",
      paramLabel = "QUARTER",
      description = "The last quarter of records (default ${DEFAULT-VALUE}).")
  String lastQuarter;

  @Option(
      names = "--quarters",
      defaultValue = "8",
      description = "How many quarters (default ${DEFAULT-VALUE}).")
  int quarters;

  @Option(
      names = "--scale",
      defaultValue = "1",
      description =
          "Multiply every project's people, and so the records (about 20,000 times the"
              + " scale over 8 quarters), to measure speed on larger inputs (default ${DEFAULT-VALUE}).")
  int scale;

  @Option(
      names = "--records",
      paramLabel = "N",
      description =
          "Instead of the sample: N clean records in total for benchmarks, over"
              + " --quarters quarters and --projects projects (all local authorities in turn),"
              + " written as they are made.")
  Long records;

  @Option(
      names = "--projects",
      defaultValue = "2000",
      paramLabel = "N",
      description = "Projects for --records (default ${DEFAULT-VALUE}).")
  int projects;

  @Override
  public Integer call() throws Exception {
    if (quarters < 1 || quarters > 40) {
      throw new SettingsException("--quarters must be from 1 to 40");
    }
    if (scale < 1 || scale > 10_000) {
      throw new SettingsException("--scale must be from 1 to 10000");
    }
    var rows = BaselinesReader.read(baselines, StandardCharsets.UTF_8, new Configuration());
    if (records != null) {
      if (records < 1 || projects < 1 || projects > 100_000) {
        throw new SettingsException(
            "--records must be at least 1 and --projects from 1" + " to 100000");
      }
      long started = System.nanoTime();
      var generator = new ScaleGenerator(seed, rows, Period.parse(lastQuarter), quarters, projects);
      long n = generator.write(out, records);
      spec.commandLine()
          .getOut()
          .printf(
              "Wrote %,d records of %,d projects in %d areas over %d"
                  + " quarters to %s in %.1f s%n",
              n,
              projects,
              Math.min(projects, generator.areas().size()),
              quarters,
              out,
              (System.nanoTime() - started) / 1e9);
      return 0;
    }
    long n = new SampleGenerator(seed, rows, Period.parse(lastQuarter), quarters, scale).write(out);
    spec.commandLine()
        .getOut()
        .printf("Wrote %,d records over %d quarters to %s%n", n, quarters, out);
    return 0;
  }
}
