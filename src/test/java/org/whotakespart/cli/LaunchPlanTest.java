package org.whotakespart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher is told: start quick or not, and which class archive, from real files. */
class LaunchPlanTest {
  @TempDir Path dir;

  /** A file of {@code bytes} bytes, written sparse so a large one costs no disk. */
  private Path file(String name, long bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(bytes);
    }
    return p;
  }

  private Path job(String... lines) throws IOException {
    return Files.write(dir.resolve("job.properties"), String.join("\n", lines).getBytes());
  }

  private static String plan(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LaunchPlan.plan(args).print(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).trim().replace(System.lineSeparator(), " ");
  }

  @Test
  void aSmallReportStartsQuickAndALargeOneDoesNot() throws IOException {
    file("small/participation-a.csv", 1_000);
    file("large/q1/participation-a.csv", LaunchPlan.QUICK_BELOW_BYTES - 10);
    file("large/q2/participation-b.csv", 20);
    file("large/q2/notes.csv", LaunchPlan.QUICK_BELOW_BYTES); // not a participation file
    assertEquals(
        "quick=yes archive=report-comet",
        plan("report", "--records", dir.resolve("small").toString()));
    // 32 MB less 10 bytes, plus 20: over the line by the second folder's file alone
    assertEquals(
        "quick=no archive=report-comet",
        plan("report", "--records", dir.resolve("large").toString()));
    assertEquals(
        "quick=yes archive=validate-comet",
        plan("validate", "--records", dir.resolve("large/q2").toString()));
  }

  @Test
  void globsAndLists() throws IOException {
    file("exports/a/participation-1.csv", LaunchPlan.QUICK_BELOW_BYTES / 2);
    file("exports/b/participation-2.csv", LaunchPlan.QUICK_BELOW_BYTES / 2);
    assertEquals(
        "quick=yes archive=ingest-comet",
        plan("ingest", "--records", dir.resolve("exports/a/participation-*.csv").toString()));
    assertEquals(
        "quick=no archive=ingest-comet",
        plan("ingest", "--records", dir.resolve("exports/*/participation-*.csv").toString()));
    assertEquals(
        "quick=no archive=ingest-comet",
        plan(
            "ingest",
            "--records",
            dir.resolve("exports/a") + "," + dir.resolve("exports/b/participation-2.csv")));
  }

  @Test
  void theJobFileIsReadFromItsFolderAndFlagsWin() throws IOException {
    file("exports/participation-1.csv", LaunchPlan.QUICK_BELOW_BYTES);
    // the store's records count ten times: 4 MB of Parquet stands for 40 MB of CSV
    file("store/records/part-0.parquet", LaunchPlan.QUICK_BELOW_BYTES / 8);
    String job = job("records = exports", "store = store", "engine = spark").toString();
    assertEquals("quick=no archive=report-spark", plan("report", "--job", job));
    assertEquals(
        "quick=no archive=report-store-spark", plan("report", "--job", job, "--from-store"));
    assertEquals(
        "quick=yes archive=report-comet",
        plan(
            "report",
            "--job",
            job,
            "--engine",
            "comet",
            "--records",
            dir.resolve("exports/none*.csv").toString()));
    job("records = exports", "store = store", "read_from = store");
    file("store/records/part-0.parquet", LaunchPlan.QUICK_BELOW_BYTES / 16);
    assertEquals("quick=yes archive=report-store-comet", plan("report", "--job", job));
  }

  @Test
  void otherCommandsAndBadSettings() throws IOException {
    assertEquals("quick=no archive=baselines-comet", plan("baselines", "import"));
    assertEquals("quick=no archive=other-comet", plan("--help"));
    assertEquals("quick=no archive=other-comet", plan("report", "--no-such-flag"));
    assertEquals("quick=no archive=report-comet", plan("report", "--records", "hdfs://nn/x"));
    // a job file the run will refuse: start quick, and let the run say what is wrong
    String bad = job("records = exports", "no_such_setting = 1").toString();
    assertEquals("quick=yes archive=report-comet", plan("report", "--job", bad));
  }
}
