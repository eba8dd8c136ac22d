package org.whotakespart.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.ingest.InputException;
import org.whotakespart.testing.Paths;

class AliasesTest {
  @TempDir Path dir;

  private String error(String table) throws IOException {
    Path f = dir.resolve("aliases.csv");
    Files.writeString(f, table);
    return assertThrows(
            InputException.class,
            () -> Aliases.load(f.toString(), StandardCharsets.UTF_8, new Configuration()))
        .getMessage();
  }

  @Test
  void theShippedTableIsTheBuiltInDefaultAndMapsRealSpellings() {
    Aliases shipped =
        Aliases.load(
            Paths.project()
                .resolve("src/main/resources/org/whotakespart/validate/aliases.csv")
                .toString(),
            StandardCharsets.UTF_8,
            new Configuration());
    Aliases builtIn = Aliases.defaults();
    for (String column : builtIn.columns()) {
      assertEquals(builtIn.forColumn(column), shipped.forColumn(column), column);
    }
    assertEquals(
        "black_caribbean",
        builtIn.forColumn("ethnic_group").get(Aliases.normalise("Black British - Caribbean")));
    assertEquals(
        "white_british",
        builtIn
            .forColumn("ethnic_group")
            .get(Aliases.normalise("White: English, Welsh, Scottish, Northern Irish or British")));
    assertEquals(
        "prefer_not_to_say",
        builtIn.forColumn("sexual_orientation").get(Aliases.normalise("Prefer not to say")));
    assertEquals("female", builtIn.forColumn("sex").get(Aliases.normalise(" f ")));
    assertEquals(
        null,
        builtIn.forColumn("role").get(Aliases.normalise("Prefer not to say")),
        "a role is not a personal characteristic");
  }

  @Test
  void aBadLineSaysWhatIsWrongAndHowToFixIt() throws IOException {
    assertTrue(
        error("column,alias,code\nsexx,F,female\n")
            .contains("'sexx' is not a coded column (did you mean sex?)"));
    assertTrue(
        error("column,alias,code\nsex,Fem,femal\n")
            .contains("'femal' is not a code of sex (did you mean female?)"));
    String clash = error("column,alias,code\nsex,W,female\nsex,W,male\n");
    assertTrue(clash.contains("'W' already maps sex to 'female'"), clash);
    assertTrue(error("column,alias,code\nsex,male,female\n").contains("the contract's own codes"));
    assertTrue(error("col,alias,code\n").contains("the header must be column,alias,code"));
    assertTrue(error("column,alias,code\nsex,Female\n").contains("expected column,alias,code"));
  }
}
