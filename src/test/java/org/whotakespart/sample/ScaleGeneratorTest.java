package org.whotakespart.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.BaselinesReader;
import org.whotakespart.job.Progress;
import org.whotakespart.job.RecordCheck;
import org.whotakespart.job.ValidateJob;
import org.whotakespart.testing.Paths;
import org.whotakespart.testing.StartsSpark;
import org.whotakespart.testing.TestSpark;

/** Benchmark data: the asked-for number of clean records, the same for the same seed. */
@StartsSpark
class ScaleGeneratorTest {
  @TempDir Path dir;

  private ScaleGenerator generator(int projects) {
    return new ScaleGenerator(
        2025,
        BaselinesReader.read(
            Paths.sampleData().resolve("baselines-census2021.csv").toString(),
            StandardCharsets.UTF_8,
            new Configuration()),
        Period.parse("2025-26 Q2"),
        2,
        projects);
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> s = Files.walk(folder.resolve("records"))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void writesExactlyTheRecordsAskedForAllCleanAndPeopleComeBack() throws IOException {
    ScaleGenerator g = generator(40);
    assertEquals(331, g.areas().size(), "every local authority of England and Wales");
    assertEquals(20_001, g.write(dir.resolve("a"), 20_001));
    List<Path> files = files(dir.resolve("a"));
    assertEquals(2 * 4, files.size(), "4 organisations of 10 projects, a file a quarter");
    long lines = 0;
    Set<String> q1 = new HashSet<>();
    Set<String> q2 = new HashSet<>();
    for (Path f : files) {
      List<String> l = Files.readAllLines(f);
      lines += l.size() - 1;
      for (String row : l.subList(1, l.size())) {
        String person = row.split(",", 3)[1];
        (f.toString().contains("2025-26-Q1") ? q1 : q2).add(person);
      }
    }
    assertEquals(20_001, lines);
    q1.retainAll(q2);
    assertTrue(q1.size() > 1000, "people take part in both quarters: " + q1.size());

    JobConfig config =
        JobConfig.builder()
            .records(List.of(dir.resolve("a/records").toString()))
            .projects(dir.resolve("a/projects.csv").toString())
            .output(dir.resolve("out").toString())
            .buildForValidation();
    try (RecordCheck.Checked c = ValidateJob.run(config, TestSpark.session(), Progress.silent())) {
      assertEquals(20_001, c.counts().accepted());
      assertEquals(0, c.counts().quarantined());
    }
  }

  @Test
  void theSameSeedWritesTheSameBytes() throws IOException {
    generator(12).write(dir.resolve("a"), 3_000);
    generator(12).write(dir.resolve("b"), 3_000);
    List<Path> a = files(dir.resolve("a"));
    List<Path> b = files(dir.resolve("b"));
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(
          Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
    }
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("a/projects.csv")),
        Files.readAllBytes(dir.resolve("b/projects.csv")));
  }
}
