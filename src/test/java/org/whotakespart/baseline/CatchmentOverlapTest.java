package org.whotakespart.baseline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.BaselinesReader;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.Project;
import org.whotakespart.testing.Paths;

/** A catchment that lists a neighbourhood and the authority it lies in is refused. */
class CatchmentOverlapTest {
  private static final Map<String, String> NAMES = names();

  private static Map<String, String> names() {
    List<BaselineRow> rows =
        new ArrayList<>(
            BaselinesReader.read(
                Paths.sampleData().resolve("baselines-census2021.csv").toString(),
                java.nio.charset.StandardCharsets.UTF_8,
                new Configuration()));
    rows.addAll(
        MsoaImporter.ethnicGroups(
            Paths.sampleData()
                .resolve("census-2021/small-area/census2021-ts021-msoa.csv")
                .toString(),
            new Configuration()));
    return CatchmentBaselines.areaNames(rows);
  }

  private static Project project(String... catchment) {
    return new Project(
        "NB-01", "A neighbourhood forum", "", "ICB", List.of(catchment), 16, "census2021");
  }

  @Test
  void aNeighbourhoodInsideAListedAuthorityIsRefusedNamingBoth() {
    // Sheffield 001 is E02001611 in the raw TS021 file; Sheffield is E08000019 (ONS TS008 names
    // E08000019 as its parent).
    assertEquals("Sheffield 001", NAMES.get("E02001611"));
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                CatchmentOverlap.check(
                    List.of(project("E08000019", "E02001611")), "projects.csv", NAMES));
    assertEquals(
        "projects.csv: project NB-01's catchment lists the neighbourhood E02001611"
            + " (Sheffield 001), which lies inside E08000019 (Sheffield), also listed: its residents"
            + " would be counted twice. List the authority, or its neighbourhoods, not both",
        e.getMessage());
    // Either order, and among other areas.
    assertThrows(
        InputException.class,
        () ->
            CatchmentOverlap.check(
                List.of(project("E02000864", "E02001611", "E09000030")), "projects.csv", NAMES));
  }

  @Test
  void neighbourhoodsBesideAnotherAuthorityOrAloneAreAccepted() {
    assertDoesNotThrow(
        () ->
            CatchmentOverlap.check(
                List.of(
                    project("E08000019", "E02000864"),
                    project("E02001611", "E02001612"),
                    project("E09000030")),
                "projects.csv",
                NAMES));
  }

  @Test
  void anMsoaIsInTheAuthorityItsNameBeginsWith() {
    Map<String, String> codeOfName = Map.of("Tower Hamlets", "E09000030", "Sheffield", "E08000019");
    assertEquals("E09000030", CatchmentOverlap.authorityOf("Tower Hamlets 001", codeOfName));
    assertEquals("E08000019", CatchmentOverlap.authorityOf("Sheffield 070", codeOfName));
    assertNull(CatchmentOverlap.authorityOf("Spitalfields", codeOfName));
    assertNull(CatchmentOverlap.authorityOf(null, codeOfName));
    assertTrue(NAMES.values().stream().filter(n -> n.startsWith("Sheffield ")).count() == 70);
  }

  @Test
  void aNeighbourhoodProjectRollsUpIntoItsAuthoritysArea() {
    // Sheffield 001 and 002 lie in Sheffield (E08000019), Tower Hamlets 001 in E09000030: one
    // area scope per authority, not one per neighbourhood repeating the project.
    Project p = project("E02001611", "E02001612", "E02000864", "E08000018");
    var scopes =
        org.whotakespart.stats.MetricCalculator.scopes(
                org.whotakespart.stats.ScopeType.AREA, List.of(p), NAMES)
            .get(p.projectId());
    assertEquals(
        List.of("E08000019 Sheffield", "E09000030 Tower Hamlets", "E08000018 Rotherham"),
        scopes.stream().map(s -> s.id() + " " + s.name()).toList());
    assertEquals("E08000019", CatchmentOverlap.authorities(NAMES).get("E02001611"));
    assertEquals(104, CatchmentOverlap.authorities(NAMES).size());
  }
}
