package org.whotakespart.ingest;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.whotakespart.config.Characteristic;
import org.whotakespart.validate.IdentifierGuard;

/**
 * Reads and checks the projects file (data-contract.md §2); any bad row fails the run with the fix.
 */
public final class ProjectsReader {
  private ProjectsReader() {}

  public static List<Project> read(String file, Charset charset, Configuration conf) {
    return read(file, charset, conf, null);
  }

  /**
   * As {@link #read(String, Charset, Configuration)}, adding to {@code notes} what was corrected.
   */
  public static List<Project> read(
      String file, Charset charset, Configuration conf, List<String> notes) {
    List<Project> projects = new ArrayList<>();
    Map<String, Long> firstLine = new HashMap<>();
    List<CsvTable.Line> lines =
        CsvTable.read(file, charset, conf, "projects", ProjectColumns.REQUIRED, ProjectColumns.ALL);
    if (!lines.isEmpty()) {
      IdentifierGuard.checkColumns(
          file,
          lines.get(0).values().keySet().stream()
              .filter(c -> !ProjectColumns.ALL.contains(c))
              .sorted()
              .toList());
    }
    for (CsvTable.Line line : lines) {
      projects.add(project(line, file + " line " + line.number(), firstLine, notes));
    }
    if (projects.isEmpty()) {
      throw new InputException(file + ": no projects; add one row per project");
    }
    return projects;
  }

  /** One row as a project, checked in the order the columns are read. */
  private static Project project(
      CsvTable.Line line, String where, Map<String, Long> firstLine, List<String> notes) {
    line.values()
        .forEach(
            (column, value) -> {
              if (!column.equals(ProjectColumns.CATCHMENT)) {
                IdentifierGuard.checkValue(where, column, value);
              }
            });
    String id = projectId(line, where, firstLine);
    String name = line.get(ProjectColumns.PROJECT_NAME);
    if (name.isEmpty()) {
      throw new InputException(where + ": project_name is blank for project '" + id + "'");
    }
    List<String> catchment = catchment(line, where, id, notes);
    int minAge = age(line, ProjectColumns.MIN_AGE, where);
    Integer maxAge =
        line.get(ProjectColumns.MAX_AGE).isEmpty()
            ? null
            : age(line, ProjectColumns.MAX_AGE, where);
    if (maxAge != null && maxAge < minAge) {
      throw new InputException(
          where
              + ": max_age "
              + maxAge
              + " is below min_age "
              + minAge
              + " for project '"
              + id
              + "'; give the oldest age the project is for, or leave it"
              + " blank for no upper limit");
    }
    return new Project(
        id,
        name,
        line.get(ProjectColumns.ORGANISATION),
        line.get(ProjectColumns.COMMISSIONER),
        catchment,
        minAge,
        maxAge,
        sex(line, where),
        notCompared(line, where),
        line.get(ProjectColumns.BASELINE).isEmpty()
            ? ProjectColumns.DEFAULT_BASELINE
            : line.get(ProjectColumns.BASELINE));
  }

  /** The row's project id, which must be filled in and not used on an earlier line. */
  private static String projectId(CsvTable.Line line, String where, Map<String, Long> firstLine) {
    String id = Text.stripInvisible(line.get(ProjectColumns.PROJECT_ID)).strip();
    if (id.isEmpty()) {
      throw new InputException(where + ": project_id is blank; give every project an id");
    }
    Long earlier = firstLine.putIfAbsent(id, line.number());
    if (earlier != null) {
      throw new InputException(
          where
              + ": project_id '"
              + id
              + "' is already used on line "
              + earlier
              + "; project ids must be unique");
    }
    return id;
  }

  /** The catchment's area codes, in the order given, each once. */
  private static List<String> catchment(
      CsvTable.Line line, String where, String id, List<String> notes) {
    List<String> catchment =
        Arrays.stream(line.get(ProjectColumns.CATCHMENT).split(";"))
            .map(c -> AreaCodes.normalise(c, where, notes))
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    if (catchment.isEmpty()) {
      throw new InputException(
          where
              + ": catchment is blank for project '"
              + id
              + "'; give one or"
              + " more local-authority codes separated by ';', e.g. E08000019;E08000035");
    }
    return catchment;
  }

  /** {@code female}, {@code male} or "" (all). */
  private static String sex(CsvTable.Line line, String where) {
    String v = line.get(ProjectColumns.SEX).toLowerCase(Locale.ROOT);
    if (v.isEmpty() || v.equals("female") || v.equals("male")) {
      return v;
    }
    throw new InputException(
        where
            + ": sex '"
            + line.get(ProjectColumns.SEX)
            + "' is not female"
            + " or male; give the sex a single-sex project is for, or leave it blank for all");
  }

  /** The characteristics listed in not_compared, each a characteristic's code. */
  private static Set<String> notCompared(CsvTable.Line line, String where) {
    Set<String> out = new TreeSet<>();
    for (String v : line.get(ProjectColumns.NOT_COMPARED).split(";")) {
      String c = v.trim().toLowerCase(Locale.ROOT);
      if (c.isEmpty()) {
        continue;
      }
      if (Characteristic.fromCode(c).isEmpty()) {
        throw new InputException(
            where
                + ": not_compared '"
                + v.trim()
                + "' is not a"
                + " characteristic; use any of "
                + Arrays.stream(Characteristic.values())
                    .map(Characteristic::code)
                    .collect(Collectors.joining(", "))
                + ", separated by ';'");
      }
      out.add(c);
    }
    return Collections.unmodifiableSet(out);
  }

  private static int age(CsvTable.Line line, String column, String where) {
    String v = line.get(column);
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
    throw new InputException(
        where
            + ": "
            + column
            + " '"
            + v
            + "' is not an age; give whole years"
            + " from 0 to 120"
            + (column.equals(ProjectColumns.MIN_AGE)
                ? ", or leave it blank for " + ProjectColumns.DEFAULT_MIN_AGE
                : ", or leave it blank"));
  }
}
