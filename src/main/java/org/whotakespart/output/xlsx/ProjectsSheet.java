package org.whotakespart.output.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.whotakespart.ingest.Project;
import org.whotakespart.report.ProjectChanges;

/** The Projects sheet: project by project, what changed and which groups are short. */
final class ProjectsSheet extends WorkbookPart {
  ProjectsSheet(WorkbookPart book) {
    super(book);
  }

  /**
   * Project by project (on screen, not printed): what changed since the quarter before, and each
   * project's under-represented groups. Decided in {@link ProjectChanges}.
   */
  void projectsSheet() {
    SheetWriter s = sheet("Projects");
    s.widths(5, 48, 30, 26, 60);
    s.line(
        "Projects: what changed, and each project's gaps, " + model.period().label(), styles.title);
    wide(
        s,
        "For use on screen: this sheet does not print. The Summary's heat map shows the same"
            + " projects at a glance.",
        styles.note);
    String previous = model.period().previous().label();
    s.line("What changed since " + previous, styles.subtitle);
    ProjectChanges changes = ProjectChanges.of(model, board, this::projectName);
    if (model.previousMetrics().isEmpty()) {
      s.line(
          "The inputs hold no records for "
              + previous
              + ", so there is nothing to compare"
              + " with yet.",
          styles.text);
    } else if (changes.worse().isEmpty() && changes.better().isEmpty()) {
      s.line("No group became, or stopped being, under-represented in any project.", styles.text);
    }
    changes.worse().forEach(l -> wide(s, "Worse: " + l, styles.wrapped));
    changes.better().forEach(l -> wide(s, "Better: " + l, styles.wrapped));
    s.skip();
    s.line("Each project", styles.subtitle);
    Row ph = s.row();
    String[] projectHeaders = {
      "", "Project", "Commissioner", "People taking part (other roles)", "Groups under-represented"
    };
    for (int i = 0; i < projectHeaders.length; i++) {
      SheetWriter.text(ph, i, projectHeaders[i], styles.header);
    }
    s.fitHeight(ph);
    for (Project p : ProjectChanges.ordered(model.projects())) {
      Row row = s.row();
      SheetWriter.text(row, 1, p.projectName(), styles.wrapped);
      SheetWriter.text(row, 2, p.commissioner(), styles.wrapped);
      SheetWriter.text(
          row,
          3,
          board.peopleText(p.projectId()) + " (" + board.otherRolesText(p.projectId()) + ")",
          styles.text);
      List<String> groups = changes.underByProject().getOrDefault(p.projectId(), List.of());
      String none =
          model.peopleByProject().getOrDefault(p.projectId(), 0L) == 0
              ? "No one took part this quarter"
              : "None clearly under-represented";
      SheetWriter.text(row, 4, groups.isEmpty() ? none : String.join("; ", groups), styles.wrapped);
      s.fitHeight(row);
    }
    s.doNotPrint();
  }
}
