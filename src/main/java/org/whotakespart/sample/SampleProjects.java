package org.whotakespart.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.whotakespart.ingest.Project;

/**
 * The sample's projects, from the table {@code
 * src/main/resources/org/whotakespart/sample/projects.csv}: projects.csv's columns, then each
 * project's profile and size. Adding a line adds a project to the sample (and changes every file
 * drawn after it).
 */
final class SampleProjects {
  private static final String TABLE = "projects.csv";
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();

  /** The projects in the table's order, which is the order they are drawn and written in. */
  static final List<SampleProject> ALL = read();

  private SampleProjects() {}

  private static List<SampleProject> read() {
    try (InputStream in = SampleProjects.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("the sample's project table is missing from the build");
      }
      List<SampleProject> projects = new ArrayList<>();
      try (CSVParser parser = FORMAT.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (CSVRecord r : parser) {
          projects.add(project(r));
        }
      }
      return List.copyOf(projects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes projects.csv: the table without the profile and size. */
  static void write(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p =
            new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      p.printRecord(
          "project_id",
          "project_name",
          "organisation",
          "commissioner",
          "catchment",
          "min_age",
          "max_age",
          "sex",
          "not_compared",
          "baseline");
      for (SampleProject sp : ALL) {
        Project pr = sp.project();
        p.printRecord(
            pr.projectId(),
            pr.projectName(),
            pr.organisation(),
            pr.commissioner(),
            String.join(";", pr.catchment()),
            pr.minAge(),
            pr.maxAge() == null ? "" : pr.maxAge(),
            pr.sex(),
            String.join(";", pr.notCompared()),
            pr.baseline());
      }
    }
  }

  private static SampleProject project(CSVRecord r) {
    String maxAge = r.get("max_age");
    String notCompared = r.get("not_compared");
    Project project =
        new Project(
            r.get("project_id"),
            r.get("project_name"),
            r.get("organisation"),
            r.get("commissioner"),
            List.of(r.get("catchment").split(";")),
            Integer.parseInt(r.get("min_age")),
            maxAge.isEmpty() ? null : Integer.valueOf(maxAge),
            r.get("sex"),
            notCompared.isEmpty() ? Set.of() : new LinkedHashSet<>(List.of(notCompared.split(";"))),
            r.get("baseline"));
    return new SampleProject(
        project,
        Profile.valueOf(r.get("profile").toUpperCase(Locale.ROOT)),
        Integer.parseInt(r.get("size")));
  }
}
