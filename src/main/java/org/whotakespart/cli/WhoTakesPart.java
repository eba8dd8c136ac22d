package org.whotakespart.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code whotakespart}: which groups of people are missing from co-production projects.
 *
 * <pre>
 * whotakespart report --job jobs/sample-quarterly.properties --period "2025-26 Q2"
 * whotakespart generate-sample --seed 2025
 * whotakespart baselines import
 * </pre>
 */
@Command(
    name = "whotakespart",
    mixinStandardHelpOptions = true,
    versionProvider = WhoTakesPart.Version.class,
    description = {
      "Who Takes Part compares the people taking part in co-production projects with the"
          + " people who live in each project's area, and reports which groups are missing,"
          + " by how many people, with the uncertainty stated honestly.",
      ""
    },
    subcommands = {
      ReportCommand.class,
      IngestCommand.class,
      StoreCommand.class,
      ValidateCommand.class,
      GenerateSampleCommand.class,
      BaselinesCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 done; 1 a problem with the input files (the message says which"
          + " file, where, and how to fix it); 2 a problem with the command or job settings;"
          + " 3 the output cannot be written (the folder is a file or cannot be written, or the"
          + " disk is full); 70 an unexpected error."
    })
public final class WhoTakesPart implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Declared once here; every command inherits it (read with {@link Failures#verbose}). */
  @CommandLine.Option(
      names = Failures.VERBOSE,
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show full error details.")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute(args)} on it. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new WhoTakesPart());
    cl.setUsageHelpWidth(100);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine()
              .getErr()
              .println("whotakespart: " + ex.getMessage() + " (see --help)");
          return Failures.USAGE;
        });
    cl.setExitCodeExceptionMapper(Failures::exitCode);
    cl.setExecutionExceptionHandler(Failures.handler());
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = WhoTakesPart.class.getPackage().getImplementationVersion();
      return new String[] {"Who Takes Part " + (v == null ? "development build" : v)};
    }
  }
}
