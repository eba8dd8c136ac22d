package org.whotakespart.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.Project;
import org.whotakespart.testing.Paths;

/**
 * Baselines restricted to a project's intended population, against sums of the raw TS009 row worked
 * out independently (a script over the Nomis file's single-year columns; the columns are named in
 * each comment), never by the code under test.
 */
class IntendedPopulationTest {
  private static final String LEEDS = "E08000035";
  private static final String SHEFFIELD = "E08000019";
  private static AgeSexTable ts009;

  @BeforeAll
  static void read() {
    ts009 =
        AgeSexTable.read(
            Paths.sampleData()
                .resolve("census-2021/small-area/census2021-ts009-ltla.csv")
                .toString(),
            new Configuration());
  }

  private static Project project(
      String id, String area, int min, Integer max, String sex, Set<String> notCompared) {
    return new Project(id, id, "", "", List.of(area), min, max, sex, notCompared, "census2021");
  }

  private static ProjectBaseline find(
      List<ProjectBaseline> rows, String characteristic, String category) {
    return rows.stream()
        .filter(r -> r.characteristic().equals(characteristic) && r.category().equals(category))
        .findFirst()
        .orElse(null);
  }

  @Test
  void womenAged16To49InLeedsFromTheRawTs009Row() {
    Project maternity = project("MVP", LEEDS, 16, 49, "female", Set.of());
    List<ProjectBaseline> rows =
        CatchmentBaselines.compute(List.of(maternity), List.of(), ts009).rows();
    // "Sex: Female; Age: Aged 16 years" .. "Aged 24 years" = 58,687; 25..34 = 62,257;
    // 35..44 = 55,099; 45..49 (the straddling band counts only the intended years) = 24,439.
    assertEquals(58_687, find(rows, "age_band", "16_24").population());
    assertEquals(62_257, find(rows, "age_band", "25_34").population());
    assertEquals(55_099, find(rows, "age_band", "35_44").population());
    assertEquals(24_439, find(rows, "age_band", "45_54").population());
    // Women 16 to 49: 200,482 = the sum of the four.
    assertEquals(200_482, find(rows, "age_band", "16_24").knownPopulation());
    assertEquals(58_687.0 / 200_482, find(rows, "age_band", "16_24").populationShare(), 1e-15);
    assertEquals(null, find(rows, "age_band", "55_64"));
    assertEquals(null, find(rows, "age_band", "under_16"));
    // Sex: the project's own sex is all of its people; men are not compared.
    assertEquals(1.0, find(rows, "sex", "female").populationShare(), 0.0);
    assertEquals(null, find(rows, "sex", "male"));
    assertEquals(
        "residents aged 16 to 49, women and girls only", find(rows, "sex", "female").covers());
  }

  @Test
  void aYouthPanelsAgeBaseline() {
    Project youth = project("YP", SHEFFIELD, 16, 25, "", Set.of());
    List<ProjectBaseline> rows =
        CatchmentBaselines.compute(List.of(youth), List.of(), ts009).rows();
    // "Sex: All persons; Age: Aged 16 years" .. "Aged 24 years" = 82,300; "Aged 25 years" = 8,262.
    assertEquals(82_300, find(rows, "age_band", "16_24").population());
    assertEquals(8_262, find(rows, "age_band", "25_34").population());
    assertEquals(90_562, find(rows, "age_band", "16_24").knownPopulation());
    assertEquals(null, find(rows, "age_band", "35_44"));
    // Sex among 16 to 25s: female 44,852, male 45,710 (Female and Male columns, 16..25).
    assertEquals(44_852, find(rows, "sex", "female").population());
    assertEquals(45_710, find(rows, "sex", "male").population());
    assertEquals(90_562, find(rows, "sex", "male").knownPopulation());
  }

  @Test
  void anOlderPeoplesForumAndTheOpenTopBand() {
    Project forum = project("OP", SHEFFIELD, 65, null, "", Set.of());
    List<ProjectBaseline> rows =
        CatchmentBaselines.compute(List.of(forum), List.of(), ts009).rows();
    // All persons 65..74 = 49,414; 75..84 = 32,630; 85..89 plus "Aged 90 years and over" = 12,776.
    assertEquals(49_414, find(rows, "age_band", "65_74").population());
    assertEquals(32_630, find(rows, "age_band", "75_84").population());
    assertEquals(12_776, find(rows, "age_band", "85_plus").population());
    assertEquals(94_820, find(rows, "age_band", "85_plus").knownPopulation());
  }

  @Test
  void sexIsComparedWithTheProjectsAgesNotAllAges() {
    // A 16+ project for everyone: Sheffield women 16 and over 233,414, men 222,845 (TS009), not
    // the all-ages figures of the baselines file (given here as 1 and 1 to show they are unused).
    List<BaselineRow> file =
        List.of(
            new BaselineRow("census2021", SHEFFIELD, "Sheffield", "sex", "female", 0, 1, "t"),
            new BaselineRow("census2021", SHEFFIELD, "Sheffield", "sex", "male", 0, 1, "t"));
    Project p = project("ALL", SHEFFIELD, 16, null, "", Set.of());
    List<ProjectBaseline> rows = CatchmentBaselines.compute(List.of(p), file, ts009).rows();
    assertEquals(233_414, find(rows, "sex", "female").population());
    assertEquals(456_259, find(rows, "sex", "female").knownPopulation());
    // Without the table, the file's figures, as before.
    List<ProjectBaseline> old = CatchmentBaselines.compute(List.of(p), file).rows();
    assertEquals(0.5, find(old, "sex", "female").populationShare(), 0.0);
  }

  @Test
  void aCharacteristicNotComparedHasNoBaseline() {
    List<BaselineRow> file =
        List.of(
            new BaselineRow("census2021", SHEFFIELD, "S", "disability", "not_disabled", 16, 9, "t"),
            new BaselineRow(
                "census2021", SHEFFIELD, "S", "disability", "limited_a_lot", 16, 1, "t"));
    Project stroke = project("ST", SHEFFIELD, 16, null, "", Set.of("disability"));
    assertTrue(
        CatchmentBaselines.compute(List.of(stroke), file, ts009).rows().stream()
            .noneMatch(r -> r.characteristic().equals("disability")));
    assertTrue(IntendedPopulation.isNotCompared(stroke, "disability", "not_disabled"));
  }

  @Test
  void whichGroupsAreOutside() {
    Project maternity = project("MVP", LEEDS, 16, 49, "female", Set.of());
    assertTrue(IntendedPopulation.isNotCompared(maternity, "sex", "male"));
    assertFalse(IntendedPopulation.isNotCompared(maternity, "sex", "female"));
    assertTrue(IntendedPopulation.isNotCompared(maternity, "age_band", "under_16"));
    assertFalse(IntendedPopulation.isNotCompared(maternity, "age_band", "45_54")); // straddles
    assertTrue(IntendedPopulation.isNotCompared(maternity, "age_band", "55_64"));
    assertFalse(IntendedPopulation.isNotCompared(maternity, "ethnic_group", "white_british"));
  }

  @Test
  void aTs009FileWithoutItsSingleYearsIsRefused(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path f = dir.resolve("ts009.csv");
    java.nio.file.Files.writeString(
        f,
        "geography,geography code,Sex: Female; Age: Aged 16 years;"
            + " measures: Value\nLeeds,E08000035,10\n");
    InputException e =
        assertThrows(
            InputException.class, () -> AgeSexTable.read(f.toString(), new Configuration()));
    assertTrue(e.getMessage().contains("expected 182 single years"), e.getMessage());
  }
}
