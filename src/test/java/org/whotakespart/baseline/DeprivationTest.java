package org.whotakespart.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.config.JobConfig;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.Project;
import org.whotakespart.testing.Paths;

/** The IoD 2019 File 10 as published, and each catchment's share from it. */
class DeprivationTest {
  @TempDir Path dir;

  /** The shipped copy is the file SOURCES.md describes, byte for byte. */
  @Test
  void theShippedFile10IsTheOneSourcesNames() throws Exception {
    byte[] file =
        Files.readAllBytes(
            Paths.sampleData()
                .resolve("census-2021")
                .resolve(
                    "File_10_-_IoD2019_Local_Authority_District_Summaries__lower-tier__.xlsx"));
    String sha =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));
    assertTrue(
        Files.readString(Paths.sampleData().resolve("census-2021/SOURCES.md"))
            .contains(sha + "  File_10_"),
        sha);
  }

  @Test
  void file10GivesEveryEnglishDistrictOn2019Boundaries() {
    List<Deprivation.AreaShare> areas =
        Deprivation.importFile10(
            Paths.sampleData()
                .resolve("census-2021")
                .resolve(
                    "File_10_-_IoD2019_Local_Authority_District_Summaries__lower-tier__.xlsx"));
    assertEquals(317, areas.size());
    Map<String, Double> byCode = new java.util.HashMap<>();
    areas.forEach(a -> byCode.put(a.areaCode(), a.share()));
    // SOURCES.md: Middlesbrough ranks 1 on the proportion in the most deprived 10%; Hart is 317th.
    double top = areas.stream().mapToDouble(Deprivation.AreaShare::share).max().orElseThrow();
    assertEquals(byCode.get("E06000002"), top);
    assertEquals(0.0, byCode.get("E07000089"));
    assertTrue(byCode.containsKey("E07000004"), "Aylesbury Vale: 2019 boundaries");
    assertFalse(byCode.containsKey("E06000060"), "Buckinghamshire (2020) is not in File 10");
  }

  @Test
  void aCatchmentIsWeightedByResidentsAndNeedsEveryArea() throws IOException {
    Path file = dir.resolve("deprivation.csv");
    Deprivation.write(
        List.of(
            new Deprivation.AreaShare("E1", "One", 0.4),
            new Deprivation.AreaShare("E2", "Two", 0.1)),
        file);
    List<BaselineRow> residents =
        List.of(
            new BaselineRow("census2021", "E1", "One", "sex", "female", 0, 60, "s"),
            new BaselineRow("census2021", "E1", "One", "sex", "male", 0, 40, "s"),
            new BaselineRow("census2021", "E1", "One", "sex", "female", 16, 50, "s"),
            new BaselineRow("census2021", "E2", "Two", "sex", "female", 0, 150, "s"),
            new BaselineRow("census2021", "E2", "Two", "sex", "male", 0, 150, "s"));
    Path projects = dir.resolve("p.csv");
    Files.writeString(projects, "project_id,project_name,catchment\n");
    JobConfig config =
        JobConfig.builder()
            .records(List.of("x"))
            .projects(projects.toString())
            .deprivation(file.toString())
            .buildForValidation();
    Map<String, Double> shares =
        Deprivation.projectShares(
            config,
            List.of(
                new Project("both", "Both", "", "", List.of("E1", "E2"), 16, "census2021"),
                new Project("gap", "Gap", "", "", List.of("E1", "W9"), 16, "census2021")),
            residents,
            new Configuration());
    // (100 × 0.4 + 300 × 0.1) / 400, residents at the youngest age given (0).
    assertEquals(0.175, shares.get("both"), 1e-15);
    assertFalse(
        shares.containsKey("gap"), "an area without a figure leaves the catchment without one");
  }

  @Test
  void aShareOutsideZeroToOneIsRefusedWithTheLine() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "area_code,area_name,most_deprived_10_share\nE1,One,0.2\nE2,Two,12\n");
    InputException e =
        assertThrows(
            InputException.class, () -> Deprivation.read(file.toString(), new Configuration()));
    assertTrue(
        e.getMessage().contains("line 3") && e.getMessage().contains("from 0 to 1"),
        e.getMessage());
  }
}
