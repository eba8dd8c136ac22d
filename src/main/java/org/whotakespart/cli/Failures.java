package org.whotakespart.cli;

import java.io.PrintWriter;
import org.whotakespart.ingest.InputException;
import org.whotakespart.output.OutputException;

/** Turns a failure into the one-line reason a user reads, and the exit code scripts check. */
final class Failures {
  /** Bad input data: a file, a row, a value. */
  static final int INPUT = 1;
  /** Bad arguments or job settings (picocli uses 2 for usage errors too). */
  static final int USAGE = 2;
  /** The output cannot be written: the folder is a file or read-only, or the disk is full. */
  static final int OUTPUT = 3;
  /** Something went wrong that is not the user's doing. */
  static final int INTERNAL = 70;

  private Failures() {}

  static int report(Throwable e, PrintWriter err, boolean verbose) {
    InputException input = find(e, InputException.class);
    OutputException output = find(e, OutputException.class);
    String disk = OutputException.diskProblem(e);
    int code;
    org.whotakespart.report.DisclosureException disclosure =
        find(e, org.whotakespart.report.DisclosureException.class);
    if (disclosure != null) {
      err.println("whotakespart: " + disclosure.getMessage());
      code = INTERNAL;
    } else if (input != null) {
      err.println("whotakespart: " + input.getMessage());
      code = INPUT;
    } else if (output != null) {
      err.println("whotakespart: " + output.getMessage());
      code = OUTPUT;
    } else if (disk != null) {
      err.println("whotakespart: cannot write the output (" + disk + "); "
          + (disk.equals("the disk is full") ? "free some space, or choose an --output folder on"
              + " another disk" : "choose an --output folder you can write to")
          + (verbose ? "" : " (run again with --verbose for the details)"));
      code = OUTPUT;
    } else if (e instanceof IllegalArgumentException) {
      err.println("whotakespart: " + e.getMessage());
      code = USAGE;
    } else {
      err.println("whotakespart: unexpected error: " + e
          + (verbose ? "" : " (run again with --verbose for the details)"));
      code = INTERNAL;
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** Runs a command's body; any failure becomes the one-line reason and the exit code. */
  static int guarded(picocli.CommandLine.Model.CommandSpec spec, boolean verbose,
      java.util.function.IntSupplier body) {
    try {
      return body.getAsInt();
    } catch (Exception | org.apache.hadoop.fs.FSError e) {
      // SparkException is checked, and thrown unchecked by Scala code; a failed local write is an
      // FSError
      return report(e, spec.commandLine().getErr(), verbose);
    }
  }

  /**
   * The first cause of the given type; Spark wraps executor failures several layers deep, and
   * keeps all but the first of several failures of a stage as suppressed exceptions.
   */
  static <T extends Throwable> T find(Throwable e, Class<T> type) {
    return find(e, type, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type,
      java.util.Set<Throwable> seen) {
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
