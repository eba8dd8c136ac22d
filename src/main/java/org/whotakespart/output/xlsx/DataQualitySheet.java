package org.whotakespart.output.xlsx;

import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.FileReconciliation;
import org.whotakespart.report.OutsidePopulation;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.validate.RejectReason;

/** The Data quality sheet: what was read, quarantined and left out, and why. */
final class DataQualitySheet extends WorkbookPart {
  DataQualitySheet(WorkbookPart book) {
    super(book);
  }

  void dataQuality() {
    DataQuality q = model.dataQuality();
    SheetWriter s = sheet("Data quality");
    s.widths(40, 11, 13, 13, 11, 36);
    s.line(
        "Data quality" + (model.isPart() ? " (the whole run, all commissioners' files)" : ""),
        styles.title);
    headline(s, q);
    s.skip();
    peopleByRole(s);
    s.skip();
    fileBalance(s, q);
    s.skip();
    outsidePopulation(s);
    s.skip();
    quarantined(s, q);
    s.skip();
    completeness(s, q);
    baselineGaps(s, q);
  }

  /** The rows read, accepted and quarantined, the records of the quarter and the store version. */
  private void headline(SheetWriter s, DataQuality q) {
    wide(
        s,
        String.format(
            Locale.UK,
            "Rows read %,d = accepted %,d + quarantined %,d + exact" + " duplicates %,d%s",
            q.read(),
            q.accepted(),
            q.quarantined(),
            q.duplicates(),
            q.read() == q.accepted() + q.quarantined() + q.duplicates()
                ? " (balances)"
                : " (DOES NOT BALANCE: report this as a bug)"),
        styles.wrapped);
    wide(
        s,
        String.format(
            Locale.UK,
            "Quarantined rows are listed with their reasons in"
                + " quarantine.csv beside this workbook (%.1f%% of rows read). Exact re-sends of a record"
                + " are counted once.",
            100 * q.rejectedShare()),
        styles.note);
    wide(
        s,
        String.format(
            Locale.UK,
            "Accepted records in %s: %,d, of which %,d are of the roles"
                + " compared with the population (%s).",
            model.period().label(),
            q.recordsInPeriod(),
            q.recordsMeasured(),
            roles()),
        styles.wrapped);
    if (q.store() != null) {
      wide(s, storeLine(q.store()), styles.wrapped);
      if (!q.store().erasedSince().isEmpty()) {
        wide(
            s,
            "Erased since: "
                + q.store().erasedSince()
                + ". This report still counts them, as"
                + " the version it reproduces did.",
            styles.note);
      }
    }
  }

  /** Each role's people, and whether it is compared with the population. */
  private void peopleByRole(SheetWriter s) {
    s.line("People by role (all projects; a person counts once)", styles.subtitle);
    for (String role : Vocabulary.ROLES) {
      Row r = s.row();
      boolean measured = model.measuredRoles().contains(role);
      SheetWriter.text(
          r,
          0,
          role.replace('_', ' ')
              + (measured ? " (compared with the population)" : " (reported separately)"),
          styles.text);
      SheetWriter.text(r, 1, board.roleText(role), styles.text);
    }
  }

  /** How many input files balance. */
  private void fileBalance(SheetWriter s, DataQuality q) {
    long balancing = q.files().stream().filter(FileReconciliation::balances).count();
    wide(
        s,
        String.format(
            Locale.UK,
            "%,d input files; %,d of them balance (rows read = accepted +"
                + " quarantined + duplicates). Each file's rows, path and checksum are on the Files"
                + " sheet, which does not print.",
            q.files().size(),
            balancing),
        styles.wrapped);
  }

  /** People outside their project's intended population, project by project. */
  private void outsidePopulation(SheetWriter s) {
    List<OutsidePopulation> outside = OutsidePopulation.of(model.projects(), model.metrics());
    s.line("People outside their project's intended population", styles.subtitle);
    wide(
        s,
        "People in an age band wholly outside a project's ages, or of the sex a single-sex"
            + " project does not serve. They are counted here and left out of the shares of every"
            + " characteristic whose baseline does not count them: age and sex (baselines of the"
            + " project's own people), and any other whose baseline starts at an older age (a"
            + " 14-year-old against residents aged 16 and over). They stay in the shares whose"
            + " baselines include them (ethnic group and religion count residents of all ages and"
            + " both sexes).",
        styles.note);
    if (outside.isEmpty()) {
      s.line(
          "Nobody taking part this quarter is outside their project's intended population.",
          styles.text);
    } else {
      Row oh = s.row();
      String[] ohh = {"Project", "Outside its ages", "Of the other sex"};
      for (int i = 0; i < ohh.length; i++) {
        SheetWriter.text(oh, i, ohh[i], styles.header);
      }
      s.fitHeight(oh);
      for (var o : outside) {
        Row r = s.row();
        SheetWriter.text(r, 0, o.projectName(), styles.wrapped);
        SheetWriter.text(
            r, 1, OutsidePopulation.text(o.byAge(), o.byAgeRows(), board), styles.text);
        SheetWriter.text(
            r, 2, OutsidePopulation.text(o.bySex(), o.bySexRows(), board), styles.text);
        s.fitHeight(r);
      }
    }
  }

  /** Rows quarantined, by reason. */
  private void quarantined(SheetWriter s, DataQuality q) {
    s.line("Rows quarantined, by reason", styles.subtitle);
    Row rh = s.row();
    SheetWriter.text(rh, 0, "Reason", styles.header);
    SheetWriter.text(rh, 1, "Rows", styles.header);
    if (q.rejectedByReason().isEmpty()) {
      s.line("No rows were quarantined.", styles.text);
    }
    q.rejectedByReason()
        .forEach(
            (code, n) -> {
              Row r = s.row();
              SheetWriter.text(
                  r, 0, code + ": " + RejectReason.fromCode(code).plain(), styles.wrapped);
              SheetWriter.number(r, 1, (double) n, styles.whole);
              s.fitHeight(r);
            });
  }

  /** How complete the answers are, characteristic by characteristic. */
  private void completeness(SheetWriter s, DataQuality q) {
    s.line("How complete the answers are (all projects)", styles.subtitle);
    Row ch = s.row();
    String[] chh = {
      "Characteristic",
      "Answered",
      "Not recorded or prefer not to say",
      "Completeness",
      "Conflicting answers",
      "Note"
    };
    for (int i = 0; i < chh.length; i++) {
      SheetWriter.text(ch, i, chh[i], styles.header);
    }
    s.fitHeight(ch);
    for (Characteristic c : Characteristic.values()) {
      MetricRow r =
          rows(ScopeType.ALL).stream()
              .filter(x -> x.characteristic().equals(c.code()))
              .findFirst()
              .orElse(null);
      if (r == null) {
        continue;
      }
      Row row = s.row();
      SheetWriter.text(row, 0, c.label(), styles.text);
      countCell(
          row,
          1,
          board.knownText(r),
          board.isKnownShown(r) ? (double) board.displayed(r).known() : null);
      boolean unknownShown = isCompletenessShown(r);
      countCell(
          row,
          2,
          board.unknownText(r),
          unknownShown ? (double) board.displayed(r).unknown() : null);
      Double completeness = unknownShown ? board.displayed(r).completeness() : null;
      SheetWriter.number(row, 3, completeness, styles.percent);
      SheetWriter.number(
          row, 4, (double) q.conflictsByCharacteristic().getOrDefault(c.code(), 0L), styles.whole);
      if (completeness != null && completeness < COMPLETENESS_WARNING) {
        SheetWriter.text(
            row,
            5,
            "Warning: fewer than 70% answered. Shares describe only the people" + " who answered.",
            styles.warning);
      }
      s.fitHeight(row);
    }
    wide(
        s,
        "Conflicting answers: people whose answer differed between activities; the most recent"
            + " answer is used.",
        styles.note);
  }

  /** The baselines' warnings, if any. */
  private void baselineGaps(SheetWriter s, DataQuality q) {
    if (!q.baselineWarnings().isEmpty()) {
      s.skip();
      s.line("Baseline gaps", styles.subtitle);
      for (String w : q.baselineWarnings()) {
        wide(s, w, styles.wrapped);
      }
    }
  }
}
