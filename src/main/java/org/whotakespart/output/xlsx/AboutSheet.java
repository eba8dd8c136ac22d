package org.whotakespart.output.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.whotakespart.config.Characteristic;
import org.whotakespart.report.BaselineCoverage;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.FileReconciliation;

/** The About sheet (how to read the report) and the Files sheet (the inputs, not printed). */
final class AboutSheet extends WorkbookPart {
  AboutSheet(WorkbookPart book) {
    super(book);
  }

  /** The folder all the files share, ending in "/", or "" when they share none. */
  static String commonFolder(List<String> files) {
    if (files.isEmpty()) {
      return "";
    }
    String prefix = files.get(0);
    for (String f : files) {
      while (!f.startsWith(prefix)) {
        prefix = prefix.substring(0, prefix.length() - 1);
      }
    }
    int slash = prefix.lastIndexOf('/');
    return slash < 0 ? "" : prefix.substring(0, slash + 1);
  }

  void about() {
    SheetWriter s = sheet("About");
    s.widths(22, 102);
    s.line("About this report", styles.title);
    s.skip();
    whatAndHow(s);
    glossary(s);
    privacy(s);
    s.skip();
    sources(s);
    s.skip();
    thisRun(s);
  }

  /** What the report shows, and the method behind its statuses. */
  private void whatAndHow(SheetWriter s) {
    pair(
        s,
        "What it shows",
        "For each co-production project, who took part this quarter compared"
            + " with the people who live in the project's area (its catchment) and are old enough to"
            + " take part. A person is counted once per project, however many activities they joined."
            + " Only people taking part as "
            + roles()
            + " are compared with the population.");
    pair(
        s,
        "Method",
        "For each group we count the people taking part and divide by the people"
            + " whose answer is known: the share. We compare it with the group's share of the local"
            + " population (the baseline). The ratio is the share divided by the population share."
            + " The 95% interval (Wilson score method) shows the range the true share is likely to be in"
            + " given the small numbers involved. A group is under-represented when the ratio is below "
            + model.bands().low()
            + " and the whole interval is below the population share;"
            + " 'possibly' when the ratio is below "
            + model.bands().low()
            + " but the interval still"
            + " reaches it. Over-represented uses "
            + model.bands().high()
            + " the same way. 'Too few to"
            + " tell' when the ratio is outside the band but the project has so few people that even"
            + " nobody at all from the group would not be a clear gap (the 95% interval of 0 of them"
            + " still reaches the population share): such a group is never called a gap.");
  }

  /** The glossary of the terms the sheets use. */
  private void glossary(SheetWriter s) {
    pair(s, "Glossary", "");
    pair(
        s,
        "  Share",
        "Of the people taking part whose answer is known, the percentage in the" + " group.");
    pair(
        s,
        "  Baseline",
        "The group's share of the eligible local population, from the Census"
            + " 2021 or a baseline the commissioner supplies.");
    pair(
        s,
        "  Ratio",
        "Share divided by baseline share: 1 means in line; 0.5 means half as many as"
            + " the local population would suggest.");
    pair(
        s,
        "  Interval",
        "The range the true value is likely to lie in (95% of the time). Wide"
            + " intervals mean small numbers.");
    pair(
        s,
        "  Significant",
        "A difference too large to be explained by chance alone at the 95%" + " level.");
    pair(
        s,
        "  Expected",
        "How many people from the group would have taken part if the project"
            + " matched its local population (people who answered × baseline share).");
    pair(
        s,
        "  Shortfall",
        "Expected minus the people who took part: about how many more people"
            + " from the group would match the local population.");
    pair(
        s,
        "  Absent",
        "Nobody from the group took part although at least one person was"
            + " expected, in a project with enough people for that absence to be a clear gap.");
    pair(
        s,
        "  Not compared",
        "The group is outside the people the project is for (an age it"
            + " does not serve, the other sex in a single-sex project, or a characteristic that defines"
            + " its members, such as disability in a stroke survivors' panel): counted, never called a"
            + " gap.");
  }

  /** How counts are rounded, hidden and withheld, and how unknown answers are treated. */
  private void privacy(SheetWriter s) {
    pair(
        s,
        "Privacy",
        "Counts of people from 1 to "
            + (model.suppressionThreshold() - 1)
            + " are shown as '"
            + board.fewerThanText()
            + "'; every other count is rounded to the"
            + " nearest 5, and shares, intervals, ratios, expected numbers and shortfalls are worked out"
            + " from the rounded counts (NHS England's rule for statistics below national level). 0 is"
            + " shown as 0. Where the figures together could still give a hidden count away, more are"
            + " shown as 'withheld'. Before this workbook was written, every figure in it was solved as"
            + " a set of equations: no hidden count can be narrowed to fewer than three possible values."
            + " This workbook hides "
            + String.format(Locale.UK, "%,d", board.hiddenCount())
            + " counts. A status beside a hidden count is shown only when it would be the same whatever"
            + " the count; otherwise it reads '"
            + BoardView.STATUS_NOT_SHOWN
            + "'. Statuses are judged"
            + " on the exact counts. The all-projects local population share is each project's"
            + " weighted by its people who answered as shown here (projects whose figure is hidden"
            + " are left out), so that it gives no hidden count away; 'What changed' lists a group's"
            + " changes only where the quarter before's figures on the Trends sheet are shown. The"
            + " analysts' files (metrics, tests, people) keep exact counts and"
            + " must not be shared beyond analysts.");
    pair(
        s,
        "Unknown answers",
        "Blank and 'prefer not to say' answers are left out of shares and"
            + " reported under Data quality. Where fewer than 70% answered, the shares describe only"
            + " those who did.");
  }

  /** Each characteristic's baseline, the ages it covers and its source. */
  private void sources(SheetWriter s) {
    s.line("Sources and ages covered", styles.subtitle);
    for (BaselineCoverage b : model.coverage()) {
      pair(
          s,
          Characteristic.fromCode(b.characteristic()).orElseThrow().label(),
          "Baseline " + b.baseline() + ", " + b.covers() + forProjects(b) + ". " + b.source());
    }
    pair(
        s,
        "Attribution",
        "Source: Office for National Statistics licensed under the Open"
            + " Government Licence v.3.0");
  }

  /** The period, software, status band, records and input files of this run. */
  private void thisRun(SheetWriter s) {
    s.line("This run", styles.subtitle);
    pair(s, "Period", model.period().label() + " (" + model.period().months() + ")");
    pair(s, "Software", "Who Takes Part " + model.softwareVersion());
    pair(s, "Status band", model.bands().low() + " to " + model.bands().high());
    if (model.dataQuality().store() != null) {
      pair(s, "Records", storeLine(model.dataQuality().store()));
    }
    pair(
        s,
        "Input files",
        "Named with their sizes and SHA-256 checksums on the Files sheet" + " (not printed).");
  }

  /** The input files, with their rows, sizes and checksums: on screen only, never printed. */
  void files() {
    DataQuality q = model.dataQuality();
    SheetWriter s = sheet("Files");
    s.widths(60, 14, 14, 14, 14, 40, 16, 70);
    s.line("Input files", styles.title);
    wide(s, "For checking and reproducing this report; this sheet does not print.", styles.note);
    String folder = commonFolder(q.files().stream().map(FileReconciliation::file).toList());
    s.line("Rows by file" + (folder.isEmpty() ? "" : " (in " + folder + ")"), styles.subtitle);
    Row h = s.row();
    String[] fh = {
      "File", "Rows read", "Accepted", "Quarantined", "Duplicates", "Notes", "Bytes", "SHA-256"
    };
    for (int i = 0; i < fh.length; i++) {
      SheetWriter.text(h, i, fh[i], styles.header);
    }
    s.fitHeight(h);
    for (FileReconciliation f : q.files()) {
      Row r = s.row();
      SheetWriter.text(r, 0, f.file().substring(folder.length()), styles.wrapped);
      SheetWriter.number(r, 1, (double) f.read(), styles.whole);
      SheetWriter.number(r, 2, (double) f.accepted(), styles.whole);
      SheetWriter.number(r, 3, (double) f.quarantined(), styles.whole);
      SheetWriter.number(r, 4, (double) f.duplicates(), styles.whole);
      List<String> notes = new ArrayList<>();
      if (f.empty()) {
        notes.add("empty file (no header row)");
      }
      if (!f.ignoredColumns().isEmpty()) {
        notes.add("ignored columns: " + String.join(", ", f.ignoredColumns()));
      }
      SheetWriter.text(r, 5, String.join("; ", notes), styles.wrapped);
      SheetWriter.number(r, 6, (double) f.bytes(), styles.whole);
      SheetWriter.text(r, 7, f.sha256(), styles.text);
      s.fitHeight(r);
    }
    s.skip();

    s.doNotPrint();
  }

  private void pair(SheetWriter s, String label, String value) {
    Row r = s.row();
    SheetWriter.text(r, 0, label, styles.header);
    SheetWriter.text(r, 1, value, styles.wrapped);
    s.fitHeight(r);
  }
}
