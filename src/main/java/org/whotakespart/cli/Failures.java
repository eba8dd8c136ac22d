package org.whotakespart.cli;

import java.io.PrintWriter;
import org.whotakespart.ingest.InputException;

/** Turns a failure into the one-line reason a user reads, and the exit code scripts check. */
final class Failures {
  /** Bad input data: a file, a row, a value. */
  static final int INPUT = 1;
  /** Bad arguments or job settings (picocli uses 2 for usage errors too). */
  static final int USAGE = 2;
  /** Something went wrong that is not the user's doing. */
  static final int INTERNAL = 70;

  private Failures() {}

  static int report(Throwable e, PrintWriter err, boolean verbose) {
    InputException input = find(e, InputException.class);
    int code;
    org.whotakespart.report.DisclosureException disclosure =
        find(e, org.whotakespart.report.DisclosureException.class);
    if (disclosure != null) {
      err.println("whotakespart: " + disclosure.getMessage());
      code = INTERNAL;
    } else if (input != null) {
      err.println("whotakespart: " + input.getMessage());
      code = INPUT;
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
    } catch (RuntimeException e) {
      return report(e, spec.commandLine().getErr(), verbose);
    }
  }

  /** The first cause of the given type; Spark wraps executor failures several layers deep. */
  static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
