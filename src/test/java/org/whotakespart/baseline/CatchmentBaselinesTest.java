package org.whotakespart.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.Project;

class CatchmentBaselinesTest {
  private static BaselineRow row(
      String area, String characteristic, String category, int minAge, long n) {
    return new BaselineRow("census2021", area, area, characteristic, category, minAge, n, "test");
  }

  private static ProjectBaseline find(
      List<ProjectBaseline> rows, String project, String characteristic, String category) {
    return rows.stream()
        .filter(
            r ->
                r.projectId().equals(project)
                    && r.characteristic().equals(characteristic)
                    && r.category().equals(category))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aCatchmentOfThreeAreasSumsTheirPopulations() {
    List<BaselineRow> b =
        List.of(
            row("E1", "sex", "female", 0, 100), row("E1", "sex", "male", 0, 90),
            row("E2", "sex", "female", 0, 50), row("E2", "sex", "male", 60),
            row("E3", "sex", "female", 0, 10), row("E3", "sex", "male", 0, 20));
    Project p = new Project("P", "P", "", "", List.of("E1", "E2", "E3"), 16, "census2021");
    var result = CatchmentBaselines.compute(List.of(p), b);
    ProjectBaseline female = find(result.rows(), "P", "sex", "female");
    assertEquals(160, female.population());
    assertEquals(330, female.knownPopulation());
    assertEquals(160.0 / 330.0, female.populationShare(), 1e-15);
    assertEquals(0, female.minAgeCovered());
  }

  private static BaselineRow row(String area, String characteristic, String category, long n) {
    return row(area, characteristic, category, 0, n);
  }

  @Test
  void theNearestBaselineAgeNotAboveTheProjectsIsUsed() {
    List<BaselineRow> b = new ArrayList<>();
    for (int age : new int[] {0, 16, 18}) {
      b.add(row("E1", "age_band", "16_24", age, age == 18 ? 70 : 90));
      b.add(row("E1", "age_band", "25_34", age, 100));
      if (age == 0) {
        b.add(row("E1", "age_band", "under_16", 0, 200));
      }
    }
    Project sixteen = new Project("A", "A", "", "", List.of("E1"), 16, "census2021");
    Project seventeen = new Project("B", "B", "", "", List.of("E1"), 17, "census2021");
    Project eighteen = new Project("C", "C", "", "", List.of("E1"), 18, "census2021");
    Project ten = new Project("D", "D", "", "", List.of("E1"), 10, "census2021");
    var rows = CatchmentBaselines.compute(List.of(sixteen, seventeen, eighteen, ten), b).rows();
    assertEquals(16, find(rows, "A", "age_band", "16_24").minAgeCovered());
    assertEquals(90.0 / 190.0, find(rows, "A", "age_band", "16_24").populationShare(), 1e-15);
    assertEquals(16, find(rows, "B", "age_band", "16_24").minAgeCovered());
    assertEquals(70.0 / 170.0, find(rows, "C", "age_band", "16_24").populationShare(), 1e-15);
    assertEquals(0, find(rows, "D", "age_band", "under_16").minAgeCovered());
    assertEquals(200.0 / 390.0, find(rows, "D", "age_band", "under_16").populationShare(), 1e-15);
  }

  @Test
  void aCatchmentAreaWithoutFiguresLeavesTheCharacteristicWithoutABaselineAndSaysSo() {
    List<BaselineRow> b =
        List.of(row("E1", "sex", "female", 0, 100), row("E1", "sex", "male", 0, 90));
    Project p = new Project("P", "P", "", "", List.of("E1", "E9"), 16, "census2021");
    var result = CatchmentBaselines.compute(List.of(p), b);
    assertTrue(result.rows().isEmpty());
    assertEquals(1, result.warnings().size());
    assertTrue(result.warnings().get(0).contains("E9"), result.warnings().get(0));
  }

  @Test
  void anUnknownBaselineSetIsAWarning() {
    Project p = new Project("P", "P", "", "", List.of("E1"), 16, "caseload");
    var result = CatchmentBaselines.compute(List.of(p), List.of(row("E1", "sex", "female", 0, 1)));
    assertTrue(result.warnings().get(0).contains("'caseload'"), result.warnings().get(0));
  }
}
