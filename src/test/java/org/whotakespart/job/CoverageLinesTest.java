package org.whotakespart.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whotakespart.baseline.AgeSexTable;
import org.whotakespart.baseline.ProjectBaseline;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.Project;
import org.whotakespart.report.BaselineCoverage;
import org.whotakespart.report.Phrases;

class CoverageLinesTest {
  private static final String ETHNIC = Characteristic.ETHNIC_GROUP.code();
  private static final String DISABILITY = Characteristic.DISABILITY.code();
  private static final String SEX = Characteristic.SEX.code();

  private static BaselineRow row(
      String set, String area, String characteristic, int minAge, String source) {
    return new BaselineRow(set, area, area, characteristic, "any", minAge, 100, source);
  }

  private static Project project(String id, List<String> catchment, String set) {
    return new Project(id, "Project " + id, "Org", "Board", catchment, 16, null, "", Set.of(), set);
  }

  private static ProjectBaseline baseline(String project, String characteristic, int minAge) {
    return new ProjectBaseline(
        project, characteristic, "any", 100, 100, minAge, Phrases.ages(minAge));
  }

  /** The baseline rows: two sets, two authorities and a neighbourhood, rows of other ages. */
  private static final List<BaselineRow> BASELINES =
      List.of(
          row("census", "E06000001", ETHNIC, 16, "authority table"),
          row("census", "E06000002", ETHNIC, 16, "authority table"),
          row("census", "E02000001", ETHNIC, 16, "neighbourhood table"),
          row("census", "E06000001", ETHNIC, 0, "all ages table"),
          row("census", "E06000001", DISABILITY, 16, "disability table"),
          row("custom", "E06000001", ETHNIC, 16, "the user's own table"),
          row("census", "E06000001", SEX, 16, "sex table"));

  @Test
  void eachLineNamesTheSourcesOfItsProjectsOwnAreasInFileOrder() {
    List<Project> projects =
        List.of(
            project("a", List.of("E06000001"), "census"),
            project("b", List.of("E02000001", "E06000002"), "census"),
            project("c", List.of("E06000001"), "custom"));
    List<ProjectBaseline> rows =
        List.of(
            baseline("a", ETHNIC, 16),
            baseline("a", DISABILITY, 16),
            baseline("b", ETHNIC, 16),
            baseline("c", ETHNIC, 16));
    List<BaselineCoverage> lines = CoverageLines.coverage(projects, rows, BASELINES);
    assertEquals(3, lines.size(), lines.toString());
    // census, ethnic group: a's authority table, then b's neighbourhood table (its own rows come
    // in file order: the authority's row first), each named once.
    BaselineCoverage ethnic = lines.get(0);
    assertEquals("census", ethnic.baseline());
    assertEquals(ETHNIC, ethnic.characteristic());
    assertEquals("authority table; neighbourhood table", ethnic.source());
    assertEquals(List.of("Project a", "Project b"), ethnic.projectNames());
    assertEquals("disability table", lines.get(1).source());
    assertEquals("custom", lines.get(2).baseline());
    assertEquals("the user's own table", lines.get(2).source());
  }

  @Test
  void aCatchmentsSourcesComeInFileOrderNotCatchmentOrder() {
    // The neighbourhood is named first in the catchment, but the authority's row comes first in
    // the file; a source named by two of the areas' rows is named once.
    List<Project> projects =
        List.of(project("n", List.of("E02000001", "E06000001", "E06000002"), "census"));
    List<BaselineCoverage> lines =
        CoverageLines.coverage(projects, List.of(baseline("n", ETHNIC, 16)), BASELINES);
    assertEquals("authority table; neighbourhood table", lines.get(0).source());
  }

  @Test
  void aCatchmentWithoutRowsOfItsOwnTakesTheTablesFirstSourceAndNoTableGivesNone() {
    List<Project> projects =
        List.of(
            project("d", List.of("E02000099"), "census"),
            project("e", List.of("E06000001"), "none"));
    List<BaselineCoverage> lines =
        CoverageLines.coverage(
            projects, List.of(baseline("d", ETHNIC, 16), baseline("e", ETHNIC, 16)), BASELINES);
    assertEquals("authority table", lines.get(0).source());
    assertEquals("", lines.get(1).source());
  }

  @Test
  void sexRestrictedToOtherAgesComesFromTheSexByAgeTables() {
    // Sex of residents aged 16 and over is in the file; sex of residents aged 16 to 24 is not, and
    // comes from the authorities' table, and the neighbourhoods' for a catchment with them.
    List<Project> projects =
        List.of(
            project("f", List.of("E06000001"), "census"),
            project("g", List.of("E02000001", "E06000001"), "census"),
            project("h", List.of("E06000001"), "census"));
    List<BaselineCoverage> lines =
        CoverageLines.coverage(
            projects, List.of(narrower("f"), narrower("g"), baseline("h", SEX, 16)), BASELINES);
    assertEquals(2, lines.size(), lines.toString());
    assertEquals("sex table", lines.get(0).source());
    assertEquals(List.of("Project h"), lines.get(0).projectNames());
    assertEquals(AgeSexTable.SOURCE + "; " + AgeSexTable.MSOA_SOURCE, lines.get(1).source());
    assertEquals(List.of("Project f", "Project g"), lines.get(1).projectNames());
  }

  private static ProjectBaseline narrower(String project) {
    return new ProjectBaseline(
        project, SEX, "female", 50, 50, 16, "residents aged 16 to 24", 24, "");
  }
}
