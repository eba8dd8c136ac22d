package org.whotakespart.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corpus of bad baseline files, each with the error it must give. */
class BaselinesReaderTest {
  private static final String HEADER =
      "baseline,area_code,area_name,characteristic,category,min_age,population,source\n";
  private static final String GOOD =
      "caseload,S1,Service one,sex,female,16,120,our records\n"
          + "caseload,S1,Service one,sex,male,16,80,our records\n";

  @TempDir Path dir;

  private String error(String content) throws IOException {
    Path f = dir.resolve("baselines-bad.csv");
    Files.writeString(f, content);
    return assertThrows(
            InputException.class,
            () -> BaselinesReader.read(f.toString(), StandardCharsets.UTF_8, new Configuration()))
        .getMessage();
  }

  @Test
  void aGoodUserBaselineIsRead() throws IOException {
    Path f = dir.resolve("caseload.csv");
    Files.writeString(f, "\uFEFF" + HEADER.replace("\n", "\r\n") + GOOD.replace("\n", "\r\n"));
    List<BaselineRow> rows =
        BaselinesReader.read(f.toString(), StandardCharsets.UTF_8, new Configuration());
    assertEquals(2, rows.size());
    assertEquals(120, rows.get(0).population());
  }

  @Test
  void anUnknownCharacteristicNamesTheLineAndTheNearestOne() throws IOException {
    String m = error(HEADER + GOOD + "caseload,S1,Service one,sexx,female,16,1,x\n");
    assertTrue(
        m.contains("baselines-bad.csv line 4: unknown characteristic 'sexx' (did you mean sex?)"),
        m);
  }

  @Test
  void anUnknownCategoryListsTheCategories() throws IOException {
    String m = error(HEADER + "caseload,S1,Service one,sex,femal,16,120,x\n");
    assertTrue(m.contains("line 2: 'femal' is not a category of sex (did you mean female?)"), m);
    assertTrue(m.contains("[female, male]"), m);
  }

  @Test
  void aNegativeOrNonNumericPopulationSaysWhatIsExpected() throws IOException {
    assertTrue(
        error(HEADER + "caseload,S1,Service one,sex,female,16,-3,x\n")
            .contains("line 2: population '-3' is not valid; give a count of people"));
    assertTrue(
        error(HEADER + "caseload,S1,Service one,sex,female,16,\"1,200\",x\n")
            .contains(
                "population '1,200' is not valid; give a count of people, 0 or more, without commas"));
    assertTrue(
        error(HEADER + "caseload,S1,Service one,sex,female,adults,12,x\n")
            .contains("min_age 'adults' is not valid"));
  }

  @Test
  void aRepeatedRowNamesBothPlacesEvenAcrossFiles() throws IOException {
    String repeated = error(HEADER + GOOD + GOOD.lines().findFirst().orElseThrow() + "\n");
    assertTrue(
        repeated.contains(
            "baselines-bad.csv line 4: repeats " + dir.resolve("baselines-bad.csv") + " line 2"),
        repeated);
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Files.writeString(a, HEADER + GOOD);
    Files.writeString(b, HEADER + GOOD);
    String m =
        assertThrows(
                InputException.class,
                () ->
                    BaselinesReader.readAll(
                        List.of(a.toString(), b.toString()),
                        StandardCharsets.UTF_8,
                        new Configuration()))
            .getMessage();
    assertTrue(m.contains("b.csv line 2: repeats " + a + " line 2"), m);
  }

  @Test
  void aCategoryWithNoRowIsAnError() throws IOException {
    String m = error(HEADER + "caseload,S1,Service one,sex,female,16,120,x\n");
    assertTrue(m.contains("caseload / S1 / sex / min_age 16 has no row for [male]"), m);
    assertTrue(m.contains("add a row with population 0"), m);
  }

  @Test
  void aGroupWithNoPopulationAtAllIsAnError() throws IOException {
    String m =
        error(
            HEADER
                + "caseload,S1,Service one,sex,female,16,0,x\n"
                + "caseload,S1,Service one,sex,male,16,0,x\n");
    assertTrue(m.contains("has no population in any category"), m);
  }

  @Test
  void aMissingColumnIsNamedWithTheNearestMatch() throws IOException {
    String m = error("baseline,area_code,area_name,characteristic,categry,min_age,population\n");
    assertTrue(m.contains("missing column category; categry: did you mean category?"), m);
  }

  @Test
  void aRowWithTooFewFieldsSaysToQuote() throws IOException {
    String m = error(HEADER + "caseload,S1,Service one,sex,female,16\n");
    assertTrue(m.contains("line 2: expected 8 fields as in the header, found 6"), m);
  }
}
