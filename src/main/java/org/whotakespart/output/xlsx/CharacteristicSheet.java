package org.whotakespart.output.xlsx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.whotakespart.config.Category;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.Project;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.ProjectChanges;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;

/** One sheet per characteristic: every group of every scope, with its counts and status. */
final class CharacteristicSheet extends WorkbookPart {
  CharacteristicSheet(WorkbookPart book) {
    super(book);
  }

  void characteristic(Characteristic c) {
    SheetWriter s = sheet(c.label());
    s.widths(34, 24, 34, 12, 12, 10, 20, 12, 9, 16, 10, 10, 36, 26);
    titleAndNotes(s, c);
    Row header = columnHeader(s);
    int first = header.getRowNum();
    List<MetricRow> rows = inPageOrder();
    for (MetricRow r : rows) {
      if (!r.characteristic().equals(c.code())) {
        continue;
      }
      groupRow(s, c, r);
    }
    int last = Math.max(first + 1, s.rowIndex() - 1);
    s.sheet.setAutoFilter(new CellRangeAddress(first, last, 0, 13));
    statusFormatting(s, new CellRangeAddress(first + 1, last, 12, 12));
    s.doNotPrint();
  }

  /** The sheet's title and the notes above its table. */
  private void titleAndNotes(SheetWriter s, Characteristic c) {
    s.line(c.label() + ": who took part, " + model.period().label(), styles.title);
    if (projects.size() > MAX_PROJECT_ROWS) {
      wide(
          s,
          String.format(
              Locale.UK,
              "%,d projects: this sheet shows them all together. Each"
                  + " commissioner's or project's figures are in the workbooks made with --split-by.",
              projects.size()),
          styles.note,
          13);
    }
    wide(
        s,
        "For use on screen (filters, frozen headings): this sheet does not print. Page 1 and"
            + " the Trends sheet summarise it.",
        styles.note,
        13);
    coverage(c).ifPresent(line -> wide(s, line, styles.note, 13));
    completenessWarning(c).ifPresent(line -> wide(s, line, styles.warning, 13));
  }

  /** The table's column headings. */
  private static Row columnHeader(SheetWriter s) {
    return s.header(
        "Project",
        "Commissioner",
        "Group",
        "People taking part",
        "People who answered",
        "Share",
        "Share: 95% interval",
        "Local population share",
        "Ratio",
        "Ratio: 95% interval",
        "Expected",
        "Shortfall",
        "Status",
        "Answered");
  }

  /** The rows of every characteristic, in the order page 1 shows them. */
  private List<MetricRow> inPageOrder() {
    // All projects first, then the projects by commissioner and name, as on page 1.
    List<MetricRow> rows = new ArrayList<>(rows(ScopeType.ALL));
    if (projects.size() <= MAX_PROJECT_ROWS) {
      Map<String, Integer> order = new HashMap<>();
      for (Project p : ProjectChanges.ordered(model.projects())) {
        order.put(p.projectId(), order.size());
      }
      rows.addAll(
          rows(ScopeType.PROJECT).stream()
              .sorted(
                  Comparator.comparing(
                      (MetricRow r) -> order.getOrDefault(r.scopeId(), Integer.MAX_VALUE)))
              .toList());
    }
    return rows;
  }

  /** One group's row: its counts, share, ratio, status and how many answered. */
  private void groupRow(SheetWriter s, Characteristic c, MetricRow r) {
    boolean all = r.scopeType() == ScopeType.ALL;
    Row row = s.row();
    // Wrapped, so that a long name stays in its own column.
    SheetWriter.text(
        row,
        0,
        all ? MetricCalculator.ALL_NAME : projectName(r.scopeId()),
        all ? styles.header : styles.wrapped);
    SheetWriter.text(row, 1, all ? "" : projects.get(r.scopeId()).commissioner(), styles.wrapped);
    SheetWriter.text(
        row, 2, c.category(r.category()).map(Category::label).orElse(r.category()), styles.wrapped);
    countCell(
        row,
        3,
        board.countText(r),
        board.isCountShown(r) ? (double) board.displayed(r).participants() : null);
    countCell(
        row,
        4,
        board.knownText(r),
        board.isKnownShown(r) ? (double) board.displayed(r).known() : null);
    boolean shown = board.isCountShown(r);
    SheetWriter.number(row, 5, shown ? board.displayed(r).share() : null, styles.percent);
    SheetWriter.text(
        row, 6, shown ? interval(board.displayed(r).shareCi95(), true) : "", styles.text);
    SheetWriter.number(row, 7, board.populationShare(r), styles.percent);
    SheetWriter.number(row, 8, shown ? board.displayed(r).ratio() : null, styles.ratio);
    SheetWriter.text(
        row, 9, shown ? interval(board.displayed(r).ratioCi95(), false) : "", styles.text);
    SheetWriter.number(
        row, 10, board.isKnownShown(r) ? board.displayed(r).expected() : null, styles.decimal);
    SheetWriter.number(row, 11, shown ? board.displayed(r).shortfall() : null, styles.decimal);
    if (board.isStatusShown(r)) {
      SheetWriter.text(
          row,
          12,
          r.status().label() + (r.isAbsent() ? " (absent)" : ""),
          styles.status.get(r.status()));
    } else {
      SheetWriter.text(row, 12, BoardView.STATUS_NOT_SHOWN, styles.text);
    }
    answered(row, 13, r);
    s.fitHeight(row);
  }

  /**
   * Conditional formatting on the status column, so that the colour follows the words if a reader
   * sorts, filters or edits (the cells also carry the same fill, for programs that ignore rules).
   */
  private void statusFormatting(SheetWriter s, CellRangeAddress range) {
    var cf = s.sheet.getSheetConditionalFormatting();
    String cell =
        new CellReference(range.getFirstRow(), range.getFirstColumn(), false, true)
            .formatAsString();
    for (Status st :
        List.of(
            Status.UNDER_REPRESENTED,
            Status.POSSIBLY_UNDER_REPRESENTED,
            Status.POSSIBLY_OVER_REPRESENTED,
            Status.OVER_REPRESENTED)) {
      var rule =
          cf.createConditionalFormattingRule(
              "LEFT(" + cell + "," + st.label().length() + ")=\"" + st.label() + "\"");
      var fill = rule.createPatternFormatting();
      fill.setFillBackgroundColor(
          ((XSSFCellStyle) styles.status.get(st)).getFillForegroundXSSFColor());
      fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
      cf.addConditionalFormatting(new CellRangeAddress[] {range}, rule);
    }
  }

  /** A warning line for the sheet when, over all projects, fewer than 70% answered. */
  private Optional<String> completenessWarning(Characteristic c) {
    return rows(ScopeType.ALL).stream()
        .filter(r -> r.characteristic().equals(c.code()))
        .findFirst()
        .filter(this::isCompletenessShown)
        .filter(
            r ->
                board.displayed(r).completeness() != null
                    && board.displayed(r).completeness() < COMPLETENESS_WARNING)
        .map(
            r ->
                String.format(
                    Locale.UK,
                    "Warning: only %.0f%% of people taking part answered"
                        + " this question. The shares describe only the people who answered.",
                    100 * board.displayed(r).completeness()));
  }
}
