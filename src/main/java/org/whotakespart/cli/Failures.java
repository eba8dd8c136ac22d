package org.whotakespart.cli;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.whotakespart.config.SettingsException;
import org.whotakespart.ingest.InputException;
import org.whotakespart.output.OutputException;
import org.whotakespart.report.DisclosureException;
import picocli.CommandLine;

/**
 * Turns a failure into the one-line reason a user reads and the exit code scripts check. Commands
 * throw; picocli hands what they throw to {@link #handler()}, whose code comes from {@link
 * #exitCode(Throwable)}, the command line's exit-code mapper.
 */
final class Failures {
  /** Bad input data: a file, a row, a value. */
  static final int INPUT = 1;

  /** Bad arguments or job settings (picocli uses 2 for usage errors too). */
  static final int USAGE = 2;

  /** The output cannot be written: the folder is a file or read-only, or the disk is full. */
  static final int OUTPUT = 3;

  /** Something went wrong that is not the user's doing. */
  static final int INTERNAL = 70;

  /** The option every command inherits from {@code whotakespart}. */
  static final String VERBOSE = "--verbose";

  private static final String DETAILS = " (run again with --verbose for the details)";

  private Failures() {}

  /** The exit code for what a command threw. */
  static int exitCode(Throwable e) {
    if (find(e, DisclosureException.class) != null) {
      return INTERNAL;
    }
    if (find(e, InputException.class) != null) {
      return INPUT;
    }
    if (find(e, OutputException.class) != null || OutputException.diskProblem(e) != null) {
      return OUTPUT;
    }
    return find(e, SettingsException.class) != null ? USAGE : INTERNAL;
  }

  /** The one line that says what went wrong and how to fix it. */
  static String reason(Throwable e, boolean verbose) {
    Throwable known =
        first(e, DisclosureException.class, InputException.class, OutputException.class);
    if (known != null) {
      return known.getMessage();
    }
    String disk = OutputException.diskProblem(e);
    if (disk != null) {
      return "cannot write the output ("
          + disk
          + "); "
          + (disk.equals("the disk is full")
              ? "free some space, or choose an --output folder on" + " another disk"
              : "choose an --output folder you can write to")
          + (verbose ? "" : DETAILS);
    }
    SettingsException settings = find(e, SettingsException.class);
    if (settings != null) {
      return settings.getMessage();
    }
    return "unexpected error: " + e + (verbose ? "" : DETAILS);
  }

  /** Prints the reason (and with --verbose the trace) and returns the exit code. */
  static int report(Throwable e, PrintWriter err, boolean verbose) {
    err.println("whotakespart: " + reason(e, verbose));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode(e);
  }

  /** What picocli calls when a command throws. */
  static CommandLine.IExecutionExceptionHandler handler() {
    return (e, commandLine, parsed) -> report(e, commandLine.getErr(), verbose(parsed));
  }

  /** Whether --verbose was given to the command that ran (or to {@code whotakespart} before it). */
  static boolean verbose(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed;
        p != null;
        p = p.hasSubcommand() ? p.subcommand() : null) {
      if (p.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }

  /** Whether --verbose was given, seen from a running command. */
  static boolean verbose(CommandLine.Model.CommandSpec spec) {
    CommandLine root = spec.commandLine();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root.getParseResult() != null && verbose(root.getParseResult());
  }

  @SafeVarargs
  private static Throwable first(Throwable e, Class<? extends Throwable>... types) {
    for (Class<? extends Throwable> type : types) {
      Throwable t = find(e, type);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /**
   * The first cause of the given type; Spark wraps executor failures several layers deep, and keeps
   * all but the first of several failures of a stage as suppressed exceptions.
   */
  static <T extends Throwable> T find(Throwable e, Class<T> type) {
    return find(e, type, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type, Set<Throwable> seen) {
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      for (Throwable s : t.getSuppressed()) {
        T found = find(s, type, seen);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
