package org.whotakespart.output.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.whotakespart.config.Category;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.Project;
import org.whotakespart.output.chart.Charts;
import org.whotakespart.report.BaselineCoverage;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.FileReconciliation;
import org.whotakespart.report.Phrases;
import org.whotakespart.report.ReportModel;
import org.whotakespart.stats.Interval;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.PeopleRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;
import org.whotakespart.validate.RejectReason;

/**
 * The board's workbook: a one-minute Summary, a sheet per characteristic, the charts, Data quality
 * and About. Every count, share, ratio and shortfall goes through {@link BoardView}, so disclosure
 * control holds on every sheet.
 */
public final class WorkbookWriter {
  /** Groups with less complete answers than this get a visible warning. */
  static final double COMPLETENESS_WARNING = 0.70;
  private static final int MAX_GAPS = 15;
  /**
   * Above this many projects the characteristic sheets show all projects together only: a board
   * cannot read thousands of rows, and a workbook that size would not fit in memory. Per-project
   * figures go to each commissioner or project with --split-by, and to analysts in metrics.csv.
   */
  static final int MAX_PROJECT_ROWS = 250;

  private final ReportModel model;
  private final BoardView board;
  private final XSSFWorkbook wb = new XSSFWorkbook();
  private final Styles styles = new Styles(wb);
  private final Set<String> sheetNames = new HashSet<>();
  private final Map<String, Project> projects;

  private WorkbookWriter(ReportModel model, BoardView board) {
    this.model = model;
    this.board = board;
    this.projects = model.projects().stream()
        .collect(Collectors.toMap(Project::projectId, p -> p, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  /** @param board the disclosure control already worked out for {@code model} (charts share it) */
  public static void write(ReportModel model, BoardView board, List<Charts.Chart> charts,
      Path file) {
    WorkbookWriter w = new WorkbookWriter(model, board);
    w.summary();
    for (Characteristic c : Characteristic.values()) {
      w.characteristic(c);
    }
    HistorySheets history = new HistorySheets(model, board, w.wb, w.styles, w::sheet);
    history.trends();
    history.experience();
    if (!charts.isEmpty()) {
      w.charts(charts);
    }
    w.dataQuality();
    w.about();
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        w.wb.write(out);
      }
      w.wb.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write workbook " + file + ": " + e.getMessage(), e);
    }
  }

  private SheetWriter sheet(String name) {
    String safe = WorkbookUtil.createSafeSheetName(name);
    String unique = safe;
    for (int i = 2; !sheetNames.add(unique.toLowerCase(Locale.ROOT)); i++) {
      String suffix = " (" + i + ")";
      unique = safe.substring(0, Math.min(safe.length(), 31 - suffix.length())) + suffix;
    }
    SheetWriter s = new SheetWriter(wb.createSheet(unique), styles);
    s.printSetup(model.period().label());
    return s;
  }

  private List<MetricRow> rows(ScopeType scope) {
    return model.metrics().stream().filter(r -> r.scopeType() == scope).toList();
  }

  private String projectName(String id) {
    Project p = projects.get(id);
    return p == null ? id : p.projectName();
  }

  // ---------------------------------------------------------------- Summary

  private void summary() {
    SheetWriter s = sheet("Summary");
    s.widths(5, 62, 34, 26, 40);
    s.line("Who takes part: " + model.period().label()
        + (model.isPart() ? ", " + model.scopeName() : ""), styles.title);
    s.line("Co-production projects, " + model.period().months() + ": who took part, compared with"
        + " the local population of each project's area.", styles.subtitle);
    s.skip();
    String all = MetricCalculator.ALL_ID;
    String headline = String.format(Locale.UK, "%d projects. %s different people took part as %s"
        + " (%s when a person is counted once in each project they joined), and %s people in other"
        + " roles, who are not compared with the population.", model.projects().size(),
        board.distinctPeopleText(), roles(), board.peopleText(all),
        board.otherRolesText(all));
    if (!model.isPart()) {
      headline += String.format(Locale.UK, " %,d activity records this quarter.",
          model.dataQuality().recordsInPeriod());
    }
    boolean noRecords = model.dataQuality().recordsInPeriod() == 0;
    if (noRecords) {
      headline = "No records fall in this quarter (" + model.period().months() + "): nothing could"
          + " be compared with the population. Check the period and the exports' activity dates. "
          + headline;
    }
    wide(s, headline, styles.wrapped);
    wide(s, "How to read this: a group is under-represented when its share of the people taking"
        + " part is less than " + model.bands().low() + " times its share of the local population"
        + " and the difference is too large to be chance. 'Possibly' means the gap is there but the"
        + " numbers are too small to be sure; 'too few to tell' means the project is too small to"
        + " show a gap for that group at all. Counts from 1 to " + (model.suppressionThreshold() - 1)
        + " are shown as '" + board.fewerThanText() + "' to protect people's privacy.",
        styles.note);
    s.skip();

    s.line("The largest gaps", styles.subtitle);
    Row h = s.row();
    String[] headers = {"#", "The gap in words", "Project", "Group", "Status"};
    for (int i = 0; i < headers.length; i++) {
      SheetWriter.text(h, i, headers[i], styles.header);
    }
    s.fitHeight(h);
    List<MetricRow> gaps = gaps();
    if (gaps.isEmpty()) {
      s.line(noRecords ? "No group can be compared: no records fall in this quarter."
          : "No group is under-represented in any project this quarter.", styles.text);
    }
    int rank = 1;
    for (MetricRow r : gaps) {
      Row row = s.row();
      SheetWriter.number(row, 0, (double) rank++, styles.whole);
      SheetWriter.text(row, 1, Phrases.gap(r, projectName(r.scopeId()), board), styles.wrapped);
      SheetWriter.text(row, 2, projectName(r.scopeId()), styles.wrapped);
      SheetWriter.text(row, 3, groupLabel(r), styles.wrapped);
      SheetWriter.text(row, 4, board.statusText(r), styles.status.get(r.status()));
      s.fitHeight(row);
    }
    s.skip();

    changes(s);
    trendSummary(s);

    s.line("Each project", styles.subtitle);
    Row ph = s.row();
    String[] projectHeaders = {"", "Project", "Commissioner",
        "People taking part (other roles)", "Groups under-represented"};
    for (int i = 0; i < projectHeaders.length; i++) {
      SheetWriter.text(ph, i, projectHeaders[i], styles.header);
    }
    s.fitHeight(ph);
    Map<String, List<MetricRow>> underByProject = rows(ScopeType.PROJECT).stream()
        .filter(r -> r.status() == Status.UNDER_REPRESENTED)
        .filter(r -> !r.characteristic().equals(Characteristic.ETHNIC_GROUP_BROAD.code()))
        .filter(board::isStatusShown)
        .collect(Collectors.groupingBy(MetricRow::scopeId));
    for (Project p : model.projects()) {
      Row row = s.row();
      SheetWriter.text(row, 1, p.projectName(), styles.wrapped);
      SheetWriter.text(row, 2, p.commissioner(), styles.wrapped);
      SheetWriter.text(row, 3, board.peopleText(p.projectId()) + " ("
          + board.otherRolesText(p.projectId()) + ")", styles.text);
      List<String> groups = underByProject.getOrDefault(p.projectId(), List.of()).stream()
          .sorted(Comparator.comparing(MetricRow::expected).reversed())
          .map(r -> groupLabel(r) + (board.isCountShown(r)
              ? String.format(Locale.UK, " (about %d more)", Math.round(board.displayed(r).shortfall())) : ""))
          .toList();
      String none = model.peopleByProject().getOrDefault(p.projectId(), 0L) == 0
          ? "No one took part this quarter" : "None clearly under-represented";
      SheetWriter.text(row, 4, groups.isEmpty() ? none : String.join("; ", groups), styles.wrapped);
      s.fitHeight(row);
    }
  }

  /**
   * Over the quarters, for the workbook's own scope: groups under-represented quarter after
   * quarter, newly, or no longer (statuses, which stay visible under disclosure control).
   */
  private void trendSummary(SheetWriter s) {
    List<org.whotakespart.report.TrendView.Line> lines =
        org.whotakespart.report.TrendView.lines(model, board);
    if (model.history().periods().size() < 2) {
      return;
    }
    s.line("Over the quarters: " + model.history().periods().get(0) + " to "
        + model.period().label() + " (" + org.whotakespart.report.TrendView.scopeName(model) + ")",
        styles.subtitle);
    Map<String, List<String>> byTrend = new java.util.LinkedHashMap<>();
    for (var l : lines) {
      String label = l.characteristic().category(l.category()).map(Category::label)
          .orElse(l.category()) + " (" + l.characteristic().label().toLowerCase(Locale.UK) + ")";
      byTrend.computeIfAbsent(l.trend().code(), k -> new ArrayList<>())
          .add(l.trend().code().equals("persistently_under_represented")
              ? label + ", " + l.trend().quartersUnder() + " quarters" : label);
    }
    String[][] said = {
        {"persistently_under_represented", "Under-represented for 4 quarters or more running"},
        {"became_under_represented", "Newly under-represented this quarter"},
        {"under_represented", "Under-represented for 2 or 3 quarters, or first assessed now"},
        {"improved", "Improved: under-represented last quarter, not now"}};
    boolean any = false;
    for (String[] w : said) {
      List<String> groups = byTrend.getOrDefault(w[0], List.of());
      if (!groups.isEmpty()) {
        any = true;
        Row row = s.row();
        SheetWriter.text(row, 1, w[1], styles.wrapped);
        SheetWriter.text(row, 2, String.join("; ", groups), styles.wrapped);
        s.sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 2, 4));
        s.fitHeight(row);
      }
    }
    if (!any) {
      s.line("No group has been under-represented across all projects in these quarters.",
          styles.text);
    }
    wide(s, "The Trends sheet has each group's ratio quarter by quarter; the Experience sheet"
        + " compares who is paid, supported, retained and at which stage.", styles.note);
    s.skip();
  }

  /**
   * What changed since the quarter before (from the same inputs): groups that became
   * under-represented in a project, and groups that no longer are. Statuses only, which stay
   * visible under disclosure control.
   */
  private void changes(SheetWriter s) {
    String previous = model.period().previous().label();
    s.line("What changed since " + previous, styles.subtitle);
    if (model.previousMetrics().isEmpty()) {
      s.line("The inputs hold no records for " + previous + ", so there is nothing to compare"
          + " with yet.", styles.text);
      s.skip();
      return;
    }
    List<String> worse = new ArrayList<>();
    List<String> better = new ArrayList<>();
    for (BoardView.Change c : board.changes(model)) {
      MetricRow r = c.now();
      String who = Phrases.capitalise(Phrases.people(r.characteristic(), r.category()));
      if (c.worse()) {
        worse.add(who + " are now under-represented in " + projectName(r.scopeId()) + " (they were "
            + c.before().status().label().toLowerCase(Locale.UK) + " in " + previous + ").");
      } else {
        better.add(who + " are no longer under-represented in " + projectName(r.scopeId())
            + " (now " + r.status().label().toLowerCase(Locale.UK) + ").");
      }
    }
    if (worse.isEmpty() && better.isEmpty()) {
      s.line("No group became, or stopped being, under-represented in any project.", styles.text);
    }
    int most = 10;
    worse.stream().limit(most).forEach(line -> wide(s, "Worse: " + line, styles.wrapped));
    better.stream().limit(most).forEach(line -> wide(s, "Better: " + line, styles.wrapped));
    if (worse.size() > most || better.size() > most) {
      s.line(String.format(Locale.UK, "(%d groups became under-represented and %d stopped being;"
          + " the detail sheets have every group.)", worse.size(), better.size()), styles.note);
    }
    s.skip();
  }

  /** Under-represented groups, surest and largest first: counts a board may see ranked by shortfall. */
  private List<MetricRow> gaps() {
    Comparator<MetricRow> order = Comparator
        .comparing((MetricRow r) -> r.status() == Status.UNDER_REPRESENTED ? 0 : 1)
        .thenComparing(r -> board.isCountShown(r) ? 0 : 1)
        .thenComparing(r -> board.isCountShown(r) ? -board.displayed(r).shortfall() : -r.expected())
        .thenComparing(MetricRow::scopeId)
        .thenComparing(MetricRow::characteristic)
        .thenComparing(MetricRow::category);
    return rows(ScopeType.PROJECT).stream()
        .filter(r -> r.status() == Status.UNDER_REPRESENTED
            || r.status() == Status.POSSIBLY_UNDER_REPRESENTED)
        .filter(r -> !r.characteristic().equals(Characteristic.ETHNIC_GROUP_BROAD.code()))
        .filter(r -> board.isKnownShown(r))
        .filter(board::isStatusShown)
        .sorted(order).limit(MAX_GAPS).toList();
  }

  /** The measured roles in words: "carer, community member, lived experience". */
  private String roles() {
    return String.join(", ", model.measuredRoles()).replace('_', ' ');
  }

  private static String groupLabel(MetricRow r) {
    Characteristic c = Characteristic.fromCode(r.characteristic()).orElseThrow();
    return c.label() + ": " + c.category(r.category()).map(Category::label).orElse(r.category());
  }

  /** A line of text across the first five columns, as tall as it needs. */
  private void wide(SheetWriter s, String text, org.apache.poi.ss.usermodel.CellStyle style) {
    wide(s, text, style, 4);
  }

  private void wide(SheetWriter s, String text, org.apache.poi.ss.usermodel.CellStyle style,
      int lastColumn) {
    Row r = s.line(text, style);
    s.sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, lastColumn));
    s.fitHeight(r);
  }

  // ---------------------------------------------------------------- one sheet per characteristic

  private void characteristic(Characteristic c) {
    SheetWriter s = sheet(c.label());
    s.widths(34, 24, 34, 12, 12, 10, 20, 12, 9, 16, 10, 10, 36, 26);
    s.line(c.label() + ": who took part, " + model.period().label(), styles.title);
    if (projects.size() > MAX_PROJECT_ROWS) {
      wide(s, String.format(Locale.UK, "%,d projects: this sheet shows them all together. Each"
          + " commissioner's or project's figures are in the workbooks made with --split-by.",
          projects.size()), styles.note, 13);
    }
    coverage(c).ifPresent(line -> wide(s, line, styles.note, 13));
    completenessWarning(c).ifPresent(line -> wide(s, line, styles.warning, 13));
    Row header = s.header("Project", "Commissioner", "Group", "People taking part",
        "People who answered", "Share", "Share: 95% interval", "Local population share", "Ratio",
        "Ratio: 95% interval", "Expected", "Shortfall", "Status", "Answered");
    int first = header.getRowNum();
    List<MetricRow> rows = new ArrayList<>();
    if (projects.size() <= MAX_PROJECT_ROWS) {
      rows.addAll(rows(ScopeType.PROJECT));
    }
    rows.addAll(rows(ScopeType.ALL));
    for (MetricRow r : rows) {
      if (!r.characteristic().equals(c.code())) {
        continue;
      }
      boolean all = r.scopeType() == ScopeType.ALL;
      Row row = s.row();
      SheetWriter.text(row, 0, all ? MetricCalculator.ALL_NAME : projectName(r.scopeId()), styles.text);
      SheetWriter.text(row, 1, all ? "" : projects.get(r.scopeId()).commissioner(), styles.text);
      SheetWriter.text(row, 2, c.category(r.category()).map(Category::label).orElse(r.category()),
          styles.text);
      countCell(row, 3, board.countText(r), board.isCountShown(r) ? (double) board.displayed(r).participants() : null);
      countCell(row, 4, board.knownText(r), board.isKnownShown(r) ? (double) board.displayed(r).known() : null);
      boolean shown = board.isCountShown(r);
      SheetWriter.number(row, 5, shown ? board.displayed(r).share() : null, styles.percent);
      SheetWriter.text(row, 6, shown ? interval(board.displayed(r).shareCi95(), true) : "", styles.text);
      SheetWriter.number(row, 7, board.populationShare(r), styles.percent);
      SheetWriter.number(row, 8, shown ? board.displayed(r).ratio() : null, styles.ratio);
      SheetWriter.text(row, 9, shown ? interval(board.displayed(r).ratioCi95(), false) : "", styles.text);
      SheetWriter.number(row, 10, board.isKnownShown(r) ? board.displayed(r).expected() : null, styles.decimal);
      SheetWriter.number(row, 11, shown ? board.displayed(r).shortfall() : null, styles.decimal);
      if (board.isStatusShown(r)) {
        SheetWriter.text(row, 12, r.status().label() + (r.isAbsent() ? " (absent)" : ""),
            styles.status.get(r.status()));
      } else {
        SheetWriter.text(row, 12, BoardView.STATUS_NOT_SHOWN, styles.text);
      }
      answered(row, 13, r);
    }
    int last = Math.max(first + 1, s.rowIndex() - 1);
    s.sheet.setAutoFilter(new CellRangeAddress(first, last, 0, 13));
    statusFormatting(s, new CellRangeAddress(first + 1, last, 12, 12));
  }

  /**
   * Conditional formatting on the status column, so that the colour follows the words if a reader
   * sorts, filters or edits (the cells also carry the same fill, for programs that ignore rules).
   */
  private void statusFormatting(SheetWriter s, CellRangeAddress range) {
    var cf = s.sheet.getSheetConditionalFormatting();
    String cell = new org.apache.poi.ss.util.CellReference(range.getFirstRow(), range.getFirstColumn(),
        false, true).formatAsString();
    for (Status st : List.of(Status.UNDER_REPRESENTED, Status.POSSIBLY_UNDER_REPRESENTED,
        Status.POSSIBLY_OVER_REPRESENTED, Status.OVER_REPRESENTED)) {
      var rule = cf.createConditionalFormattingRule("LEFT(" + cell + "," + st.label().length()
          + ")=\"" + st.label() + "\"");
      var fill = rule.createPatternFormatting();
      fill.setFillBackgroundColor(((org.apache.poi.xssf.usermodel.XSSFCellStyle) styles.status.get(st))
          .getFillForegroundXSSFColor());
      fill.setFillPattern(org.apache.poi.ss.usermodel.PatternFormatting.SOLID_FOREGROUND);
      cf.addConditionalFormatting(new CellRangeAddress[] {range}, rule);
    }
  }

  /** Completeness of the scope's answers, when a board may see it, flagged below 70%. */
  private void answered(Row row, int col, MetricRow r) {
    Double completeness = isCompletenessShown(r) ? board.displayed(r).completeness() : null;
    if (completeness == null) {
      return;
    }
    String text = String.format(Locale.UK, "%.0f%%", 100 * completeness);
    if (completeness < COMPLETENESS_WARNING) {
      SheetWriter.text(row, col, text + ": fewer than 70% answered", styles.warning);
    } else {
      SheetWriter.text(row, col, text, styles.text);
    }
  }

  /** Completeness gives known and unknown away, so it is shown only when both are. */
  private boolean isCompletenessShown(MetricRow r) {
    return board.isKnownShown(r) && board.unknownText(r).matches("[0-9]+");
  }

  /** A warning line for the sheet when, over all projects, fewer than 70% answered. */
  private java.util.Optional<String> completenessWarning(Characteristic c) {
    return rows(ScopeType.ALL).stream().filter(r -> r.characteristic().equals(c.code()))
        .findFirst().filter(this::isCompletenessShown)
        .filter(r -> board.displayed(r).completeness() != null && board.displayed(r).completeness() < COMPLETENESS_WARNING)
        .map(r -> String.format(Locale.UK, "Warning: only %.0f%% of people taking part answered"
            + " this question. The shares describe only the people who answered.",
            100 * board.displayed(r).completeness()));
  }

  private java.util.Optional<String> coverage(Characteristic c) {
    List<String> parts = model.coverage().stream()
        .filter(b -> b.characteristic().equals(c.code()))
        .map(b -> "baseline " + b.baseline() + ": " + b.covers() + forProjects(b))
        .distinct().toList();
    return parts.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of("Compared with " + String.join("; ", parts) + ".");
  }

  /**
   * " (Leeds Maternity Voices Partnership)" where a coverage concerns only some projects, so a
   * reader sees which projects' baselines are narrowed to their people; "" when it is every
   * project's.
   */
  private String forProjects(BaselineCoverage b) {
    long sameCharacteristic = model.coverage().stream()
        .filter(o -> o.characteristic().equals(b.characteristic())).count();
    if (sameCharacteristic < 2 || b.projectNames().isEmpty()) {
      return "";
    }
    int most = 4;
    List<String> names = b.projectNames();
    return " (" + String.join(", ", names.subList(0, Math.min(most, names.size())))
        + (names.size() > most ? String.format(Locale.UK, " and %d more", names.size() - most)
            : "") + ")";
  }

  private void countCell(Row row, int col, String text, Double value) {
    if (value != null) {
      SheetWriter.number(row, col, value, styles.whole);
    } else {
      SheetWriter.text(row, col, text, styles.text);
    }
  }

  private static String interval(Interval i, boolean asPercent) {
    if (i == null) {
      return "";
    }
    return asPercent
        ? String.format(Locale.UK, "%.1f%% to %.1f%%", 100 * i.low(), 100 * i.high())
        : String.format(Locale.UK, "%.2f to %.2f", i.low(), i.high());
  }

  // ---------------------------------------------------------------- charts

  private void charts(List<Charts.Chart> charts) {
    SheetWriter s = sheet("Charts");
    // One column about as wide as a chart (900 points of drawing, about 130 characters).
    s.widths(130);
    s.line("Charts: all projects together, " + model.period().label(), styles.title);
    XSSFDrawing drawing = s.sheet.createDrawingPatriarch();
    int row = 2;
    for (Charts.Chart c : charts) {
      if (row > 2) {
        s.sheet.setRowBreak(row - 1); // one chart a page when printed
      }
      SheetWriter.text(s.sheet.createRow(row), 0, c.title(), styles.subtitle);
      int picture = wb.addPicture(c.png(), XSSFWorkbook.PICTURE_TYPE_PNG);
      // Default rows are 15 points (20 pixels) high: the chart spans as many as its height needs.
      int rows = (int) Math.ceil(c.height() / 20.0);
      XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, 0, row + 1, 1, row + 1 + rows);
      anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
      XSSFPicture pict = drawing.createPicture(anchor, picture);
      pict.getCTPicture().getNvPicPr().getCNvPr().setDescr(c.altText());
      pict.getCTPicture().getNvPicPr().getCNvPr().setTitle(c.title());
      row += rows + 2;
    }
  }

  // ---------------------------------------------------------------- data quality

  private void dataQuality() {
    DataQuality q = model.dataQuality();
    SheetWriter s = sheet("Data quality");
    s.widths(60, 14, 14, 14, 14, 40);
    s.line("Data quality" + (model.isPart() ? " (the whole run, all commissioners' files)" : ""),
        styles.title);
    wide(s, String.format(Locale.UK, "Rows read %,d = accepted %,d + quarantined %,d + exact"
        + " duplicates %,d%s", q.read(), q.accepted(), q.quarantined(), q.duplicates(),
        q.read() == q.accepted() + q.quarantined() + q.duplicates() ? " (balances)"
            : " (DOES NOT BALANCE: report this as a bug)"), styles.wrapped);
    wide(s, String.format(Locale.UK, "Quarantined rows are listed with their reasons in"
        + " quarantine.csv beside this workbook (%.1f%% of rows read). Exact re-sends of a record"
        + " are counted once.", 100 * q.rejectedShare()), styles.note);
    wide(s, String.format(Locale.UK, "Accepted records in %s: %,d, of which %,d are of the roles"
        + " compared with the population (%s).", model.period().label(), q.recordsInPeriod(),
        q.recordsMeasured(), roles()), styles.wrapped);
    if (q.store() != null) {
      wide(s, storeLine(q.store()), styles.wrapped);
      if (!q.store().erasedSince().isEmpty()) {
        wide(s, "Erased since: " + q.store().erasedSince() + ". This report still counts them, as"
            + " the version it reproduces did.", styles.note);
      }
    }
    s.skip();

    s.line("People by role (all projects; a person counts once)", styles.subtitle);
    for (String role : org.whotakespart.config.Vocabulary.ROLES) {
      Row r = s.row();
      boolean measured = model.measuredRoles().contains(role);
      SheetWriter.text(r, 0, role.replace('_', ' ') + (measured ? " (compared with the population)"
          : " (reported separately)"), styles.text);
      SheetWriter.text(r, 1, board.roleText(role), styles.text);
    }
    s.skip();

    String folder = commonFolder(q.files().stream().map(FileReconciliation::file).toList());
    s.line("Rows by file" + (folder.isEmpty() ? "" : " (in " + folder + ")"), styles.subtitle);
    Row h = s.row();
    String[] fh = {"File", "Rows read", "Accepted", "Quarantined", "Duplicates", "Notes"};
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
      s.fitHeight(r);
    }
    s.skip();

    List<org.whotakespart.report.OutsidePopulation> outside =
        org.whotakespart.report.OutsidePopulation.of(model.projects(), model.metrics());
    s.line("People outside their project's intended population", styles.subtitle);
    wide(s, "People in an age band wholly outside a project's ages, or of the sex a single-sex"
        + " project does not serve. They are counted here and left out of the shares of every"
        + " characteristic whose baseline does not count them: age and sex (baselines of the"
        + " project's own people), and any other whose baseline starts at an older age (a"
        + " 14-year-old against residents aged 16 and over). They stay in the shares whose"
        + " baselines include them (ethnic group and religion count residents of all ages and"
        + " both sexes).", styles.note);
    if (outside.isEmpty()) {
      s.line("Nobody taking part this quarter is outside their project's intended population.",
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
        SheetWriter.text(r, 1, org.whotakespart.report.OutsidePopulation.text(o.byAge(),
            o.byAgeRows(), board), styles.text);
        SheetWriter.text(r, 2, org.whotakespart.report.OutsidePopulation.text(o.bySex(),
            o.bySexRows(), board), styles.text);
        s.fitHeight(r);
      }
    }
    s.skip();

    s.line("Rows quarantined, by reason", styles.subtitle);
    Row rh = s.row();
    SheetWriter.text(rh, 0, "Reason", styles.header);
    SheetWriter.text(rh, 1, "Rows", styles.header);
    if (q.rejectedByReason().isEmpty()) {
      s.line("No rows were quarantined.", styles.text);
    }
    q.rejectedByReason().forEach((code, n) -> {
      Row r = s.row();
      SheetWriter.text(r, 0, code + ": " + RejectReason.fromCode(code).plain(), styles.wrapped);
      SheetWriter.number(r, 1, (double) n, styles.whole);
      s.fitHeight(r);
    });
    s.skip();

    s.line("How complete the answers are (all projects)", styles.subtitle);
    Row ch = s.row();
    String[] chh = {"Characteristic", "Answered", "Not recorded or prefer not to say",
        "Completeness", "Conflicting answers", "Note"};
    for (int i = 0; i < chh.length; i++) {
      SheetWriter.text(ch, i, chh[i], styles.header);
    }
    s.fitHeight(ch);
    for (Characteristic c : Characteristic.values()) {
      MetricRow r = rows(ScopeType.ALL).stream().filter(x -> x.characteristic().equals(c.code()))
          .findFirst().orElse(null);
      if (r == null) {
        continue;
      }
      Row row = s.row();
      SheetWriter.text(row, 0, c.label(), styles.text);
      countCell(row, 1, board.knownText(r), board.isKnownShown(r) ? (double) board.displayed(r).known() : null);
      boolean unknownShown = isCompletenessShown(r);
      countCell(row, 2, board.unknownText(r), unknownShown ? (double) board.displayed(r).unknown() : null);
      Double completeness = unknownShown ? board.displayed(r).completeness() : null;
      SheetWriter.number(row, 3, completeness, styles.percent);
      SheetWriter.number(row, 4, (double) q.conflictsByCharacteristic().getOrDefault(c.code(), 0L),
          styles.whole);
      if (completeness != null && completeness < COMPLETENESS_WARNING) {
        SheetWriter.text(row, 5, "Warning: fewer than 70% answered. Shares describe only the people"
            + " who answered.", styles.warning);
      }
      s.fitHeight(row);
    }
    wide(s, "Conflicting answers: people whose answer differed between activities; the most recent"
        + " answer is used.", styles.note);
    if (!q.baselineWarnings().isEmpty()) {
      s.skip();
      s.line("Baseline gaps", styles.subtitle);
      for (String w : q.baselineWarnings()) {
        wide(s, w, styles.wrapped);
      }
    }
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

  private static String storeLine(DataQuality.StoreSource st) {
    return String.format(Locale.UK, "Read from the history store, version %d (committed %s%s).",
        st.version(), st.committedAt(), st.latest() ? ", the latest" : "; a later version exists");
  }

  // ---------------------------------------------------------------- about

  private void about() {
    SheetWriter s = sheet("About");
    s.widths(28, 100);
    s.line("About this report", styles.title);
    s.skip();
    pair(s, "What it shows", "For each co-production project, who took part this quarter compared"
        + " with the people who live in the project's area (its catchment) and are old enough to"
        + " take part. A person is counted once per project, however many activities they joined."
        + " Only people taking part as " + roles()
        + " are compared with the population.");
    pair(s, "Method", "For each group we count the people taking part and divide by the people"
        + " whose answer is known: the share. We compare it with the group's share of the local"
        + " population (the baseline). The ratio is the share divided by the population share."
        + " The 95% interval (Wilson score method) shows the range the true share is likely to be in"
        + " given the small numbers involved. A group is under-represented when the ratio is below "
        + model.bands().low() + " and the whole interval is below the population share;"
        + " 'possibly' when the ratio is below " + model.bands().low() + " but the interval still"
        + " reaches it. Over-represented uses " + model.bands().high() + " the same way. 'Too few to"
        + " tell' when the ratio is outside the band but the project has so few people that even"
        + " nobody at all from the group would not be a clear gap (the 95% interval of 0 of them"
        + " still reaches the population share): such a group is never called a gap.");
    pair(s, "Glossary", "");
    pair(s, "  Share", "Of the people taking part whose answer is known, the percentage in the"
        + " group.");
    pair(s, "  Baseline", "The group's share of the eligible local population, from the Census"
        + " 2021 or a baseline the commissioner supplies.");
    pair(s, "  Ratio", "Share divided by baseline share: 1 means in line; 0.5 means half as many as"
        + " the local population would suggest.");
    pair(s, "  Interval", "The range the true value is likely to lie in (95% of the time). Wide"
        + " intervals mean small numbers.");
    pair(s, "  Significant", "A difference too large to be explained by chance alone at the 95%"
        + " level.");
    pair(s, "  Expected", "How many people from the group would have taken part if the project"
        + " matched its local population (people who answered × baseline share).");
    pair(s, "  Shortfall", "Expected minus the people who took part: about how many more people"
        + " from the group would match the local population.");
    pair(s, "  Absent", "Nobody from the group took part although at least one person was"
        + " expected, in a project with enough people for that absence to be a clear gap.");
    pair(s, "  Not compared", "The group is outside the people the project is for (an age it"
        + " does not serve, the other sex in a single-sex project, or a characteristic that defines"
        + " its members, such as disability in a stroke survivors' panel): counted, never called a"
        + " gap.");
    pair(s, "Privacy", "Counts of people from 1 to " + (model.suppressionThreshold() - 1)
        + " are shown as '" + board.fewerThanText() + "'; every other count is rounded to the"
        + " nearest 5, and shares, intervals, ratios, expected numbers and shortfalls are worked out"
        + " from the rounded counts (NHS England's rule for statistics below national level). 0 is"
        + " shown as 0. Where the figures together could still give a hidden count away, more are"
        + " shown as 'withheld'. Before this workbook was written, every figure in it was solved as"
        + " a set of equations: no hidden count can be narrowed to fewer than three possible values."
        + " This workbook hides " + String.format(Locale.UK, "%,d", board.hiddenCount())
        + " counts. A status beside a hidden count is shown only when it would be the same whatever"
        + " the count; otherwise it reads '" + BoardView.STATUS_NOT_SHOWN + "'. Statuses are judged"
        + " on the exact counts. The all-projects local population share is each project's"
        + " weighted by its people who answered as shown here (projects whose figure is hidden"
        + " are left out), so that it gives no hidden count away; 'What changed' lists a group's"
        + " changes only where the quarter before's figures on the Trends sheet are shown. The"
        + " analysts' files (metrics, tests, people) keep exact counts and"
        + " must not be shared beyond analysts.");
    pair(s, "Unknown answers", "Blank and 'prefer not to say' answers are left out of shares and"
        + " reported under Data quality. Where fewer than 70% answered, the shares describe only"
        + " those who did.");
    s.skip();
    s.line("Sources and ages covered", styles.subtitle);
    for (BaselineCoverage b : model.coverage()) {
      pair(s, Characteristic.fromCode(b.characteristic()).orElseThrow().label(),
          "Baseline " + b.baseline() + ", " + b.covers() + forProjects(b) + ". " + b.source());
    }
    pair(s, "Attribution", "Source: Office for National Statistics licensed under the Open"
        + " Government Licence v.3.0");
    s.skip();
    s.line("This run", styles.subtitle);
    pair(s, "Period", model.period().label() + " (" + model.period().months() + ")");
    pair(s, "Software", "Who Takes Part " + model.softwareVersion());
    pair(s, "Status band", model.bands().low() + " to " + model.bands().high());
    if (model.dataQuality().store() != null) {
      pair(s, "Records", storeLine(model.dataQuality().store()));
    }
    for (FileReconciliation f : model.dataQuality().files()) {
      pair(s, "Input file", String.format(Locale.UK, "%s (%,d bytes, %,d rows%s)", f.file(),
          f.bytes(), f.read(), f.sha256().isEmpty() ? "" : ", SHA-256 " + f.sha256()));
    }
  }

  private void pair(SheetWriter s, String label, String value) {
    Row r = s.row();
    SheetWriter.text(r, 0, label, styles.header);
    SheetWriter.text(r, 1, value, styles.wrapped);
    s.fitHeight(r);
  }
}
