package org.whotakespart.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectsReaderTest {
  @TempDir Path dir;

  private List<Project> read(String csv) throws IOException {
    Path f = dir.resolve("projects.csv");
    Files.writeString(f, csv);
    return ProjectsReader.read(f.toString(), StandardCharsets.UTF_8, new Configuration());
  }

  private String refused(String csv) {
    return assertThrows(InputException.class, () -> read(csv)).getMessage();
  }

  @Test
  void whoAProjectIsFor() throws IOException {
    List<Project> ps =
        read(
            "project_id,project_name,catchment,min_age,max_age,sex,not_compared\n"
                + "MVP,Maternity voices,E08000035,16,49,Female,\n"
                + "ST,Stroke panel,E08000019,,,,disability; unpaid_carer\n"
                + "ALL,Everyone,E08000019,,,,\n");
    Project mvp = ps.get(0);
    assertEquals(16, mvp.minAge());
    assertEquals(49, mvp.maxAge());
    assertEquals("female", mvp.sex());
    assertTrue(mvp.notCompared().isEmpty());
    assertEquals(Set.of("disability", "unpaid_carer"), ps.get(1).notCompared());
    assertNull(ps.get(2).maxAge());
    assertEquals("", ps.get(2).sex());
    assertTrue(ps.get(2).isForEveryone());
  }

  @Test
  void badLimitsAreRefusedWithTheFix() {
    String head = "project_id,project_name,catchment,min_age,max_age,sex,not_compared\n";
    assertTrue(refused(head + "P,P,E1,30,25,,\n").contains("max_age 25 is below min_age 30"));
    assertTrue(refused(head + "P,P,E1,16,old,,\n").contains("max_age 'old' is not an age"));
    assertTrue(refused(head + "P,P,E1,16,,women,\n").contains("sex 'women' is not female or male"));
    String m = refused(head + "P,P,E1,16,,,disabled\n");
    assertTrue(m.contains("not_compared 'disabled' is not a characteristic"), m);
    assertTrue(m.contains("disability"), m);
  }
}
