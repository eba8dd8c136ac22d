package org.whotakespart.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings table drives job files, defaults, rules and the README's table. */
class SettingTest {
  /** The README's table, row for row, as the table says it should read. */
  @Test
  void theReadmeListsEverySettingAsTheTableHasIt() throws IOException {
    String expected =
        Stream.of(Setting.values()).map(SettingTest::row).collect(Collectors.joining("\n"));
    String readme = Files.readString(Path.of("README.md"));
    String header = "| setting | flag | takes | default | rule | what it sets |";
    assertTrue(readme.contains(header), "README has a job settings table");
    String table = readme.substring(readme.indexOf(header));
    String actual =
        table.lines().skip(2).takeWhile(l -> l.startsWith("|")).collect(Collectors.joining("\n"));
    assertEquals(expected, actual, "README's job settings table should read:\n" + expected);
  }

  private static String row(Setting s) {
    return "| `"
        + s.key()
        + "` | "
        + s.flag().map(f -> "`" + f + "`").orElse("")
        + " | "
        + s.type().plain()
        + " | "
        + s.defaultText().map(d -> "`" + d + "`").orElse("")
        + " | "
        + s.rule().map(Setting.Rule::text).orElse("")
        + " | "
        + s.meaning()
        + " |";
  }

  @Test
  void theSampleJobUsesOnlySettingsOfTheTable() throws IOException {
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(Path.of("jobs/sample-quarterly.properties"))) {
      p.load(r);
    }
    for (String key : p.stringPropertyNames()) {
      assertTrue(Setting.byKey(key).isPresent(), key);
    }
  }

  @Test
  void theBuilderStartsFromTheTablesDefaults() {
    JobConfig c =
        JobConfig.builder()
            .records(List.of("r"))
            .projects("p")
            .baselines("b")
            .period("2025-26 Q2")
            .build();
    assertEquals(0.8, c.bandLow());
    assertEquals(1.25, c.bandHigh());
    assertEquals(5, c.suppressionThreshold());
    assertEquals(0.05, c.maxRejectedShare());
    assertEquals("local[*]", c.sparkMaster());
    assertEquals(3653, c.storeRetentionDays());
    assertEquals(8, c.trendQuarters());
    assertTrue(c.charts());
    assertEquals("UTF-8", c.encoding().name());
  }

  @Test
  void eachRuleNamesTheValueAndTheUsualOne() {
    var e =
        assertThrows(
            SettingsException.class,
            () ->
                JobConfig.builder()
                    .records(List.of("r"))
                    .projects("p")
                    .baselines("b")
                    .period("2025-26 Q2")
                    .band(1.5, 1.0)
                    .suppressionThreshold(1)
                    .trendQuarters(41)
                    .build());
    assertEquals(
        "band_low must be between 0 and 1 (it is 1.5; 0.8 is usual); band_high must be"
            + " above 1 (it is 1.0; 1.25 is usual); suppression_threshold must be from 2 to 100 (it is"
            + " 1; 5 is usual); trend_quarters must be from 0 to 40 (it is 41; 8 is usual: two years"
            + " before the reported quarter)",
        e.getMessage());
  }

  @Test
  void aJobFileValueOfTheWrongTypeIsNamedWithItsFile(@TempDir Path dir) throws IOException {
    for (String[] c :
        new String[][] {
          {"trend_quarters = 2.5", "trend_quarters = '2.5' is not a whole number (e.g. 8)"},
          {"band_low = low", "band_low = 'low' is not a number (e.g. 0.8)"},
          {"charts = yes", "charts = 'yes' should be true or false"},
          {"read_from = disk", "read_from = 'disk' should be records (the CSV exports) or store"},
          {"split_by = team", "split_by 'team' is not one of none, commissioner, project"}
        }) {
      Path job = dir.resolve("job.properties");
      Files.writeString(job, c[0] + "\n");
      String m =
          assertThrows(SettingsException.class, () -> JobFile.applyTo(job, JobConfig.builder()))
              .getMessage();
      assertTrue(m.startsWith("job file " + job + ": " + c[1]), m);
    }
  }

  @Test
  void pathsAreReadFromTheJobFilesFolderAndListsSplitOnCommas(@TempDir Path dir)
      throws IOException {
    Path job = dir.resolve("job.properties");
    Files.writeString(
        job,
        "records = a, /abs/b, hdfs://x/c\nprojects = p.csv\n"
            + "measured_roles = carer , lived_experience\ncharts = FALSE\nread_from = store\n");
    JobConfig.Builder b = JobConfig.builder();
    JobFile.applyTo(job, b);
    JobConfig c = b.baselines("b").period("2025-26 Q2").store("s").build();
    assertEquals(List.of(dir.resolve("a").toString(), "/abs/b", "hdfs://x/c"), c.records());
    assertEquals(dir.resolve("p.csv").toString(), c.projects());
    assertEquals(java.util.Set.of("carer", "lived_experience"), c.measuredRoles());
    assertEquals(false, c.charts());
    assertTrue(c.fromStore());
  }
}
