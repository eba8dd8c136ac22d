package org.whotakespart.ingest;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/** Reads and checks the projects file (data-contract.md §2); any bad row fails the run with the fix. */
public final class ProjectsReader {
  private ProjectsReader() {}

  public static List<Project> read(String file, Charset charset, Configuration conf) {
    return read(file, charset, conf, null);
  }

  /** As {@link #read(String, Charset, Configuration)}, adding to {@code notes} what was corrected. */
  public static List<Project> read(String file, Charset charset, Configuration conf,
      List<String> notes) {
    List<Project> projects = new ArrayList<>();
    Map<String, Long> firstLine = new HashMap<>();
    List<CsvTable.Line> lines = CsvTable.read(file, charset, conf, "projects",
        ProjectColumns.REQUIRED, ProjectColumns.ALL);
    if (!lines.isEmpty()) {
      org.whotakespart.validate.IdentifierGuard.checkColumns(file, lines.get(0).values().keySet()
          .stream().filter(c -> !ProjectColumns.ALL.contains(c)).sorted().toList());
    }
    for (CsvTable.Line line : lines) {
      String where = file + " line " + line.number();
      line.values().forEach((column, value) -> {
        if (!column.equals(ProjectColumns.CATCHMENT)) {
          org.whotakespart.validate.IdentifierGuard.checkValue(where, column, value);
        }
      });
      String id = Text.stripInvisible(line.get(ProjectColumns.PROJECT_ID)).strip();
      if (id.isEmpty()) {
        throw new InputException(where + ": project_id is blank; give every project an id");
      }
      Long earlier = firstLine.putIfAbsent(id, line.number());
      if (earlier != null) {
        throw new InputException(where + ": project_id '" + id + "' is already used on line "
            + earlier + "; project ids must be unique");
      }
      String name = line.get(ProjectColumns.PROJECT_NAME);
      if (name.isEmpty()) {
        throw new InputException(where + ": project_name is blank for project '" + id + "'");
      }
      List<String> catchment = Arrays.stream(line.get(ProjectColumns.CATCHMENT).split(";"))
          .map(c -> AreaCodes.normalise(c, where, notes)).filter(s -> !s.isEmpty()).distinct()
          .toList();
      if (catchment.isEmpty()) {
        throw new InputException(where + ": catchment is blank for project '" + id + "'; give one or"
            + " more local-authority codes separated by ';', e.g. E08000019;E08000035");
      }
      projects.add(new Project(id, name, line.get(ProjectColumns.ORGANISATION),
          line.get(ProjectColumns.COMMISSIONER), catchment, minAge(line, where),
          line.get(ProjectColumns.BASELINE).isEmpty() ? ProjectColumns.DEFAULT_BASELINE
              : line.get(ProjectColumns.BASELINE)));
    }
    if (projects.isEmpty()) {
      throw new InputException(file + ": no projects; add one row per project");
    }
    return projects;
  }

  private static int minAge(CsvTable.Line line, String where) {
    String v = line.get(ProjectColumns.MIN_AGE);
    if (v.isEmpty()) {
      return ProjectColumns.DEFAULT_MIN_AGE;
    }
    try {
      int age = Integer.parseInt(v);
      if (age >= 0 && age <= 120) {
        return age;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new InputException(where + ": min_age '" + v + "' is not an age; give whole years from 0"
        + " to 120, or leave it blank for " + ProjectColumns.DEFAULT_MIN_AGE);
  }
}
