package org.whotakespart.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.baseline.BaselineSummary;
import org.whotakespart.baseline.CensusImporter;
import org.whotakespart.baseline.Deprivation;
import org.whotakespart.baseline.MsoaImporter;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.BaselinesReader;
import org.whotakespart.ingest.ProjectsReader;
import org.whotakespart.output.table.BaselinesWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code whotakespart baselines}: population baselines. */
@Command(
    mixinStandardHelpOptions = true,
    name = "baselines",
    description = "Population baselines.",
    subcommands = {BaselinesCommand.Import.class, BaselinesCommand.Check.class})
public final class BaselinesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code whotakespart baselines import}. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "import",
      sortOptions = false,
      description = {
        "Builds the census2021 baseline for every local authority of England and"
            + " Wales from the ONS Census 2021 files.",
        ""
      })
  public static final class Import implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--census",
        defaultValue = "sample-data/census-2021",
        paramLabel = "FOLDER",
        description = "Folder with the ONS files (default ${DEFAULT-VALUE}).")
    String census;

    @Option(
        names = "--out",
        defaultValue = "sample-data/baselines-census2021.csv",
        paramLabel = "FILE",
        description = "Where to write (default ${DEFAULT-VALUE}).")
    String out;

    @Option(
        names = "--deprivation-out",
        defaultValue = "sample-data/deprivation-imd2019.csv",
        paramLabel = "FILE",
        description =
            "Where to write each area's deprivation from the"
                + " English Indices of Deprivation 2019 File 10 in the census folder (default"
                + " ${DEFAULT-VALUE}).")
    String deprivationOut;

    @Option(
        names = "--small-area",
        defaultValue = "sample-data/census-2021/small-area",
        paramLabel = "FOLDER",
        description =
            "Folder with the Census 2021 small-area files: each"
                + " MSOA's ethnic group, sex, age, religion, disability and unpaid care are added"
                + " from the files it holds (its SOURCES.md; default ${DEFAULT-VALUE}).")
    String smallArea;

    @Override
    public Integer call() throws Exception {
      Configuration conf = new Configuration();
      Path file10 =
          Path.of(
              census, "File_10_-_IoD2019_Local_Authority_District_Summaries__lower-tier__.xlsx");
      if (Files.exists(file10)) {
        var areas = Deprivation.importFile10(file10);
        Deprivation.write(areas, Path.of(deprivationOut));
        spec.commandLine()
            .getOut()
            .printf(
                "Wrote the deprivation of %d areas (IoD 2019, 2019" + " boundaries) to %s%n",
                areas.size(), deprivationOut);
      }
      var imported = CensusImporter.importWithReport(census, conf);
      List<BaselineRow> rows = new ArrayList<>(imported.rows());
      int msoaRows = 0;
      String msoaKinds = "";
      if (Files.isDirectory(Path.of(smallArea))) {
        var msoa = MsoaImporter.importFolder(smallArea, conf);
        rows.addAll(msoa.rows());
        msoaRows = msoa.rows().size();
        msoaKinds = String.join(", ", msoa.rowsByCharacteristic().keySet());
      }
      BaselinesWriter.write(rows, out, conf);
      var w = spec.commandLine().getOut();
      w.printf(
          "Wrote %,d baseline rows to %s%s%n",
          rows.size(),
          out,
          msoaRows == 0
              ? ""
              : String.format(
                  Locale.UK,
                  " (%,d of them neighbourhoods': %s)",
                  msoaRows,
                  msoaKinds.replace('_', ' ')));
      w.println(
          "Left out of the denominators (England and Wales): 'Not answered', and areas with suppressed cells:");
      imported.notAnswered().forEach((table, n) -> w.printf("  %-32s %,d%n", table, n));
      return 0;
    }
  }

  /** {@code whotakespart baselines check}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Checks baseline files and prints, per baseline set, its areas,"
            + " characteristics, categories and totals; with --projects, warns where a project's"
            + " catchment or characteristic has no baseline.",
        ""
      })
  public static final class Check implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--baselines",
        split = ",",
        paramLabel = "FILE",
        defaultValue = "sample-data/baselines-census2021.csv",
        description = "Baseline files (default ${DEFAULT-VALUE}).")
    List<String> baselines;

    @Option(
        names = "--projects",
        paramLabel = "FILE",
        description = "A projects file to check against.")
    String projects;

    @Override
    public Integer call() throws Exception {
      Configuration conf = new Configuration();
      var rows = BaselinesReader.readAll(baselines, StandardCharsets.UTF_8, conf);
      var out = spec.commandLine().getOut();
      BaselineSummary.describe(rows).forEach(out::println);
      if (projects != null) {
        var ps = ProjectsReader.read(projects, StandardCharsets.UTF_8, conf);
        var warnings = BaselineSummary.warnings(ps, rows);
        out.println(
            warnings.isEmpty()
                ? "Every project has a baseline for every characteristic."
                : "Warnings:");
        warnings.forEach(w -> out.println("  " + w));
      }
      out.flush();
      return 0;
    }
  }
}
