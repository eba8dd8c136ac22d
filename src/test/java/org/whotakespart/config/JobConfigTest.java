package org.whotakespart.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConfigTest {
  private static JobConfig.Builder valid() {
    return JobConfig.builder()
        .records(List.of("r"))
        .projects("p.csv")
        .baselines("b.csv")
        .period("2025-26 Q2");
  }

  private static String problem(JobConfig.Builder b) {
    return assertThrows(IllegalArgumentException.class, b::build).getMessage();
  }

  @Test
  void aValidConfigHasTheDocumentedDefaults() {
    JobConfig c = valid().build();
    assertEquals("reports/2025-26-Q2", c.output());
    assertEquals(0.8, c.bandLow());
    assertEquals(1.25, c.bandHigh());
    assertEquals(5, c.suppressionThreshold());
    assertEquals(Set.of("lived_experience", "carer", "community_member"), c.measuredRoles());
  }

  @Test
  void missingInputsAreNamedTogether() {
    String m = problem(JobConfig.builder());
    assertTrue(
        m.contains("records:")
            && m.contains("projects:")
            && m.contains("baselines:")
            && m.contains("period:"),
        m);
  }

  @Test
  void eachRuleHasItsOwnMessage() {
    assertTrue(problem(valid().period("2025 Q5")).contains("not a quarter"));
    assertTrue(problem(valid().encoding("utf-99")).contains("encoding 'utf-99'"));
    assertTrue(
        problem(valid().measuredRoles(Set.of("volunteer"))).contains("'volunteer' is not a role"));
    assertTrue(problem(valid().measuredRoles(Set.of())).contains("at least one role"));
    assertTrue(problem(valid().band(1.1, 1.25)).contains("band_low"));
    assertTrue(problem(valid().band(0.8, 0.9)).contains("band_high"));
    assertTrue(problem(valid().suppressionThreshold(1)).contains("suppression_threshold"));
    assertTrue(problem(valid().maxRejectedShare(1.5)).contains("max_rejected_share"));
    assertTrue(problem(valid().sparkMaster(" ")).contains("spark_master"));
  }

  @Test
  void aJobFileReadsPathsFromItsOwnFolderAndFlagsOverrideIt(@TempDir Path dir) throws IOException {
    Path jobs = Files.createDirectories(dir.resolve("jobs"));
    Path job = jobs.resolve("q.properties");
    Files.writeString(
        job,
        "records = ../data/a, ../data/b\nprojects = ../p.csv\n"
            + "baselines = hdfs://cluster/b.csv\nperiod = 2025-26 Q1\nband_low = 0.75\n");
    JobConfig.Builder b = JobConfig.builder();
    JobFile.applyTo(job, b);
    JobConfig c = b.period("2025-26 Q2").build();
    assertEquals(
        List.of(dir.resolve("data/a").toString(), dir.resolve("data/b").toString()), c.records());
    assertEquals(dir.resolve("p.csv").toString(), c.projects());
    assertEquals(List.of("hdfs://cluster/b.csv"), c.baselines());
    assertEquals("2025-26 Q2", c.period().label());
    assertEquals(0.75, c.bandLow());
  }

  @Test
  void aMisspeltSettingInAJobFileIsNamedWithTheNearestOne(@TempDir Path dir) throws IOException {
    Path job = dir.resolve("q.properties");
    Files.writeString(job, "recrods = x\n");
    String m =
        assertThrows(
                IllegalArgumentException.class, () -> JobFile.applyTo(job, JobConfig.builder()))
            .getMessage();
    assertTrue(m.contains("unknown setting 'recrods' (did you mean records?)"), m);
  }
}
