package org.whotakespart.testing;

import java.nio.file.Path;

/** Where the project's shipped data and the shared Census files are. */
public final class Paths {
  private Paths() {}

  public static Path project() {
    return Path.of("").toAbsolutePath();
  }

  public static Path sampleData() {
    return project().resolve("sample-data");
  }

  /** The shared Census files beside the project ({@code ../shared/census-2021}). */
  public static Path sharedCensus() {
    return Path.of(System.getProperty("whotakespart.shared", "../shared")).resolve("census-2021");
  }
}
