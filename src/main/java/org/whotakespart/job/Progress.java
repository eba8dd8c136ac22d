package org.whotakespart.job;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;

/** Short progress lines for the person running a job: which step, how many, how long so far. */
public final class Progress {
  private final PrintStream out;
  private final long start = System.nanoTime();

  public Progress(PrintStream out) {
    this.out = out;
  }

  /** A progress stream that prints nothing (for tests and library use). */
  public static Progress silent() {
    return new Progress(new PrintStream(OutputStream.nullOutputStream()));
  }

  public void step(String message) {
    out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
    out.flush();
  }
}
