package org.whotakespart.testing;

import java.nio.file.Path;

/** Where the project's shipped data is: tests read only files inside the repository. */
public final class Paths {
  private Paths() {}

  public static Path project() {
    return Path.of("").toAbsolutePath();
  }

  public static Path sampleData() {
    return project().resolve("sample-data");
  }
}
