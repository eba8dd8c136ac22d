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
import org.whotakespart.config.Period;
import org.whotakespart.ingest.Project;
import org.whotakespart.output.chart.Charts;
import org.whotakespart.report.BaselineCoverage;
import org.whotakespart.report.BoardPage;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.FileReconciliation;
import org.whotakespart.report.Phrases;
import org.whotakespart.report.ProjectChanges;
import org.whotakespart.report.ReportModel;
import org.whotakespart.stats.Interval;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;
import org.whotakespart.stats.Trend;
import org.whotakespart.validate.RejectReason;

/**
 * The board's workbook: a one-minute Summary, a sheet per characteristic, the charts, Data quality
 * and About. Every count, share, ratio and shortfall goes through {@link BoardView}, so disclosure
 * control holds on every sheet.
 */
public final class WorkbookWriter {
  /** Groups with less complete answers than this get a visible warning. */
  static final double COMPLETENESS_WARNING = 0.70;

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
    this.projects =
        model.projects().stream()
            .collect(
                Collectors.toMap(
                    Project::projectId, p -> p, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  /** The board workbook's file name for a quarter ({@link Period#folderName()}). */
  public static String fileName(Period period) {
    return "who-takes-part-" + period.folderName() + ".xlsx";
  }

  /** A split workbook's file name: the quarter's, then the part's own {@code slug}. */
  public static String splitFileName(Period period, String slug) {
    return "who-takes-part-" + period.folderName() + "-" + slug + ".xlsx";
  }

  /**
   * @param board the disclosure control already worked out for {@code model} (charts share it)
   */
  public static void write(
      ReportModel model, BoardView board, List<Charts.Chart> charts, Path file) {
    WorkbookWriter w = new WorkbookWriter(model, board);
    BoardPage page = BoardPage.of(model, board);
    // Printed (at most 12 A4 pages for the sample): Summary, the key charts, Trends, Data quality
    // and About. The rest is for the screen and does not print (SheetWriter.doNotPrint).
    w.summary(page);
    HistorySheets history = new HistorySheets(model, board, w.wb, w.styles, w::sheet);
    if (!charts.isEmpty()) {
      w.charts(charts, page);
    }
    history.trends();
    w.dataQuality();
    w.about();
    for (Characteristic c : Characteristic.values()) {
      w.characteristic(c);
    }
    w.projectsSheet();
    history.experience();
    w.files();
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

  // ---------------------------------------------------------------- Summary (page 1)

  /** Left block: rank, group, people short, since last quarter, since a year ago. */
  private static final int[] LEFT = {3, 26, 6, 14, 14};

  /** Then a narrow gap, the project column and one narrow column per characteristic. */
  private static final int GAP_COLUMN = LEFT.length;

  private static final int PROJECT_COLUMN = GAP_COLUMN + 1;
  private static final int HEAT_WIDTH = 4;

  /** The word-free mark each status carries in the heat map (the key spells them out). */
  static String symbol(Status s) {
    return switch (s) {
      case UNDER_REPRESENTED -> "\u25BC\u25BC";
      case POSSIBLY_UNDER_REPRESENTED -> "\u25BC?";
      case IN_LINE -> "=";
      case POSSIBLY_OVER_REPRESENTED -> "\u25B2?";
      case OVER_REPRESENTED -> "\u25B2\u25B2";
      case TOO_FEW_TO_TELL -> "few";
      case NOT_COMPARED -> "n/c";
      case NO_BASELINE, NO_DATA -> "\u2013";
    };
  }

  /** What each mark of the key means, in the order a board reads them. */
  private static final String[][] KEY = {
    {"under_represented", "below 0.8 \u00D7 population share, not chance"},
    {"possibly_under_represented", "below 0.8 \u00D7, too few to be sure"},
    {"in_line", "0.8 to 1.25 \u00D7 population share"},
    {"possibly_over_represented", "above 1.25 \u00D7, too few to be sure"},
    {"over_represented", "above 1.25 \u00D7 population share, not chance"},
    {"too_few_to_tell", "too few people to show any gap"},
    {"not_compared", "not who the project is for; \u2013 no data"}
  };

  private void summary(BoardPage page) {
    SheetWriter s = sheet("Summary");
    int[] widths = new int[PROJECT_COLUMN + 1 + page.columns().size()];
    System.arraycopy(LEFT, 0, widths, 0, LEFT.length);
    widths[GAP_COLUMN] = 1;
    widths[PROJECT_COLUMN] = 26;
    for (int i = PROJECT_COLUMN + 1; i < widths.length; i++) {
      widths[i] = HEAT_WIDTH;
    }
    s.widths(widths);
    // Fractions of a character: page 1 is laid out to fit one A4 page at full size.
    s.sheet.setColumnWidth(0, (int) (2.5 * 256));
    s.sheet.setColumnWidth(GAP_COLUMN, 128);
    for (int i = PROJECT_COLUMN + 1; i < widths.length; i++) {
      s.sheet.setColumnWidth(i, (int) (3.6 * 256));
    }
    int last = widths.length - 1;
    s.line(
        "Who takes part: "
            + model.period().label()
            + ", "
            + model.period().months()
            + (model.isPart() ? ", " + model.scopeName() : ""),
        styles.title);
    String all = MetricCalculator.ALL_ID;
    // A count the disclosure control hides is left out of the sentence, not named mid-way.
    String headline =
        String.format(
            Locale.UK,
            "%d projects. %s took part as %s%s, and %s in"
                + " other roles (not compared with the population).",
            model.projects().size(),
            people(board.distinctPeopleText(), "different people"),
            roles(),
            board.isPeopleShown(all)
                ? " ("
                    + board.peopleText(all)
                    + " when a person is counted once"
                    + " in each project they joined)"
                : "",
            // Mid-sentence: "and fewer than 5 people in other roles".
            lowerFirst(people(board.otherRolesText(all), "people")));
    boolean noRecords = model.dataQuality().recordsInPeriod() == 0;
    if (noRecords) {
      headline =
          "No records fall in this quarter ("
              + model.period().months()
              + "): nothing could"
              + " be compared with the population. Check the period and the exports' activity dates. "
              + headline;
    }
    // One line where it fits (about 0.75 of a column-width character per letter), else two.
    Row head = wide(s, headline, styles.wrapped, last);
    head.setHeightInPoints(headline.length() * 0.75 <= totalWidth(s, last) ? 14f : 27f);

    // (a) left and (b) right, side by side from here.
    int top = s.rowIndex();
    Row titles = s.row();
    SheetWriter.text(titles, 0, "Which groups are missing, all projects together", styles.subtitle);
    SheetWriter.text(
        titles, PROJECT_COLUMN, "Where: each project's most serious status", styles.subtitle);
    Row h = s.row();
    String[] left = {
      "#", "Group", "People short", "Since " + page.lastQuarter(), "Since " + page.yearAgo()
    };
    for (int i = 0; i < left.length; i++) {
      SheetWriter.text(h, i, left[i], styles.p1Header);
    }
    SheetWriter.text(h, PROJECT_COLUMN, "Project (commissioner)", styles.p1Header);
    for (int i = 0; i < page.columns().size(); i++) {
      SheetWriter.text(
          h, PROJECT_COLUMN + 1 + i, shortLabel(page.columns().get(i)), styles.rotated);
    }
    h.setHeightInPoints(62f);

    List<Row> body = new ArrayList<>();
    java.util.function.IntFunction<Row> at =
        i -> {
          while (body.size() <= i) {
            body.add(s.row());
          }
          return body.get(i);
        };
    int line = 0;
    if (page.gaps().isEmpty()) {
      SheetWriter.text(
          at.apply(line++),
          1,
          noRecords
              ? "No group can be compared: no records" + " fall in this quarter."
              : "No group is clearly under-represented across all projects" + " this quarter.",
          styles.p1Text);
    }
    int rank = 1;
    for (BoardPage.Gap g : page.gaps()) {
      Row r = at.apply(line++);
      SheetWriter.number(r, 0, (double) rank++, styles.p1Whole);
      SheetWriter.text(r, 1, groupWords(g), styles.heatKey.get(Status.UNDER_REPRESENTED));
      if (g.shortfall() != null) {
        SheetWriter.number(r, 2, (double) g.shortfall(), styles.p1Whole);
      } else {
        SheetWriter.text(r, 2, BoardView.STATUS_NOT_SHOWN, styles.p1Text);
      }
      SheetWriter.text(r, 3, g.sinceLastQuarter().text(), styles.p1Text);
      SheetWriter.text(r, 4, g.sinceYearAgo().text(), styles.p1Text);
    }
    line++;
    SheetWriter.text(
        at.apply(line++),
        0,
        "Is it getting better? Gaps of " + Trend.PERSISTENT + " quarters or more running",
        styles.p1Sub);
    if (model.history().periods().size() < 2) {
      SheetWriter.text(
          at.apply(line++),
          0,
          "The inputs hold no earlier quarters to compare" + " with.",
          styles.p1Text);
    } else if (page.persistent().isEmpty()) {
      SheetWriter.text(
          at.apply(line++),
          0,
          "No group has been under-represented across all"
              + " projects for "
              + Trend.PERSISTENT
              + " quarters running.",
          styles.p1Text);
    }
    if (!page.persistent().isEmpty()) {
      Row ph = at.apply(line++);
      String[] heads = {"", "Group", "Qtrs", "Ratio now, then", "Since " + page.yearAgo()};
      for (int i = 0; i < heads.length; i++) {
        SheetWriter.text(ph, i, heads[i], styles.p1HeadLine);
      }
    }
    for (BoardPage.Persistent p : page.persistent()) {
      Row r = at.apply(line++);
      SheetWriter.text(r, 0, p.direction().arrow(), styles.p1Text);
      SheetWriter.text(r, 1, Phrases.capitalise(p.who()), styles.p1Text);
      SheetWriter.number(r, 2, (double) p.quartersUnder(), styles.p1Whole);
      SheetWriter.text(
          r,
          3,
          p.ratioNow() == null
              ? BoardView.STATUS_NOT_SHOWN
              : String.format(
                  Locale.UK,
                  "%.2f, %s",
                  p.ratioNow(),
                  p.ratioThen() == null
                      ? "\u2013"
                      : String.format(Locale.UK, "%.2f", p.ratioThen())),
          styles.p1Text);
      SheetWriter.text(r, 4, p.direction().text(), styles.p1Text);
    }
    line++;
    SheetWriter.text(at.apply(line++), 0, "Key: colours and marks", styles.p1Sub);
    for (String[] k : KEY) {
      Status st = Status.fromCode(k[0]);
      keyLine(s, at.apply(line++), symbol(st) + " " + st.label(), styles.heatKey.get(st), k[1]);
    }
    keyLine(
        s,
        at.apply(line++),
        "\u2191 \u2193 \u2192",
        styles.p1Text,
        "ratio up (better), down (worse), no clear change");
    keyLine(
        s,
        at.apply(line++),
        "n/s  not shown",
        styles.heatKey.get(null),
        "could give away a count of " + board.fewerThanText());

    int row = 0;
    String commissioner = null;
    for (BoardPage.HeatRow hr : page.heatMap()) {
      boolean allRow = hr.scopeId().equals(all);
      if (!allRow && !hr.commissioner().equals(commissioner)) {
        commissioner = hr.commissioner();
        SheetWriter.text(
            at.apply(row++),
            PROJECT_COLUMN,
            commissioner.isEmpty() ? "No commissioner named" : commissioner,
            styles.group);
      }
      Row r = at.apply(row++);
      SheetWriter.text(
          r,
          PROJECT_COLUMN,
          allRow ? hr.name() : "  " + fit(hr.name(), 31),
          allRow ? styles.group : styles.p1Text);
      for (int i = 0; i < hr.cells().size(); i++) {
        BoardPage.Cell c = hr.cells().get(i);
        if (c.isShown()) {
          SheetWriter.text(
              r, PROJECT_COLUMN + 1 + i, symbol(c.status()), styles.heat.get(c.status()));
        } else {
          SheetWriter.text(r, PROJECT_COLUMN + 1 + i, "n/s", styles.heatNotShown);
        }
      }
    }
    SheetWriter.text(
        at.apply(row++),
        PROJECT_COLUMN,
        "Each group's figures: the detail sheets" + " (on screen).",
        styles.p1Note);
    for (Row r : body) {
      r.setHeightInPoints(12f);
    }
    s.sheet.setRepeatingRows(null);
    s.onePage();
    wb.setPrintArea(wb.getSheetIndex(s.sheet), 0, last, 0, Math.max(top, s.rowIndex() - 1));
  }

  /** A line of page 1's key: the mark in its style over the first two columns, then its words. */
  private static void keyLine(
      SheetWriter s,
      Row r,
      String mark,
      org.apache.poi.ss.usermodel.CellStyle style,
      String words) {
    SheetWriter.text(r, 0, mark, style);
    SheetWriter.text(r, 1, "", style);
    SheetWriter.text(r, 2, words, s.styles.p1Text);
    s.sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, 1));
    s.sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 2, LEFT.length - 1));
  }

  /** The width of columns 0 to {@code last}, in characters. */
  private static double totalWidth(SheetWriter s, int last) {
    double w = 0;
    for (int i = 0; i <= last; i++) {
      w += s.sheet.getColumnWidth(i) / 256.0;
    }
    return w;
  }

  /** The text cut to {@code most} characters, with an ellipsis where it was cut. */
  static String fit(String text, int most) {
    return text.length() <= most ? text : text.substring(0, most - 1).stripTrailing() + "\u2026";
  }

  /** The group as page 1 names it: "Men and boys", "People aged 25 to 34". */
  private static String groupWords(BoardPage.Gap g) {
    return Phrases.capitalise(g.who());
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.UK) + s.substring(1);
  }

  /** "910 different people", or "Some people" where the count is not shown. */
  private String people(String count, String noun) {
    return count.matches("[0-9,]+")
        ? count + " " + noun
        : count.equals(board.fewerThanText())
            ? Phrases.capitalise(count) + " " + noun
            : "Some " + noun;
  }

  /** Column labels short enough to stand rotated above a heat-map column. */
  private static String shortLabel(Characteristic c) {
    return c == Characteristic.ETHNIC_GROUP_BROAD ? "Ethnic group" : c.label();
  }

  /**
   * Project by project (on screen, not printed): what changed since the quarter before, and each
   * project's under-represented groups. Decided in {@link ProjectChanges}.
   */
  private void projectsSheet() {
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

  private Row wide(
      SheetWriter s, String text, org.apache.poi.ss.usermodel.CellStyle style, int lastColumn) {
    Row r = s.line(text, style);
    s.sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, lastColumn));
    s.fitHeight(r);
    return r;
  }

  // ---------------------------------------------------------------- one sheet per characteristic

  private void characteristic(Characteristic c) {
    SheetWriter s = sheet(c.label());
    s.widths(34, 24, 34, 12, 12, 10, 20, 12, 9, 16, 10, 10, 36, 26);
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
    Row header =
        s.header(
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
    int first = header.getRowNum();
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
    for (MetricRow r : rows) {
      if (!r.characteristic().equals(c.code())) {
        continue;
      }
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
          row,
          2,
          c.category(r.category()).map(Category::label).orElse(r.category()),
          styles.wrapped);
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
    int last = Math.max(first + 1, s.rowIndex() - 1);
    s.sheet.setAutoFilter(new CellRangeAddress(first, last, 0, 13));
    statusFormatting(s, new CellRangeAddress(first + 1, last, 12, 12));
    s.doNotPrint();
  }

  /**
   * Conditional formatting on the status column, so that the colour follows the words if a reader
   * sorts, filters or edits (the cells also carry the same fill, for programs that ignore rules).
   */
  private void statusFormatting(SheetWriter s, CellRangeAddress range) {
    var cf = s.sheet.getSheetConditionalFormatting();
    String cell =
        new org.apache.poi.ss.util.CellReference(
                range.getFirstRow(), range.getFirstColumn(), false, true)
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
          ((org.apache.poi.xssf.usermodel.XSSFCellStyle) styles.status.get(st))
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

  private java.util.Optional<String> coverage(Characteristic c) {
    List<String> parts =
        model.coverage().stream()
            .filter(b -> b.characteristic().equals(c.code()))
            .map(b -> "baseline " + b.baseline() + ": " + b.covers() + forProjects(b))
            .distinct()
            .toList();
    return parts.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of("Compared with " + String.join("; ", parts) + ".");
  }

  /**
   * " (Leeds Maternity Voices Partnership)" where a coverage concerns only some projects, so a
   * reader sees which projects' baselines are narrowed to their people; "" when it is every
   * project's.
   */
  private String forProjects(BaselineCoverage b) {
    long sameCharacteristic =
        model.coverage().stream()
            .filter(o -> o.characteristic().equals(b.characteristic()))
            .count();
    if (sameCharacteristic < 2 || b.projectNames().isEmpty()) {
      return "";
    }
    int most = 4;
    List<String> names = b.projectNames();
    return " ("
        + String.join(", ", names.subList(0, Math.min(most, names.size())))
        + (names.size() > most ? String.format(Locale.UK, " and %d more", names.size() - most) : "")
        + ")";
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

  private static final int CHART_COLUMN = 118;

  /** The chart column's width in pixels: 7 a character (digit width 6 plus padding). */
  private static final double CHART_COLUMN_PIXELS = CHART_COLUMN * 7.0 + 5;

  /** Share charts printed: those of the first page-1 gaps' characteristics. */
  static final int PRINTED_CHARTS = 3;

  /**
   * The charts, one a page: first those of the characteristics page 1 names (printed), then the
   * rest (on screen only: the print area stops before them).
   */
  private void charts(List<Charts.Chart> charts, BoardPage page) {
    SheetWriter s = sheet("Charts");
    // One column as wide as a landscape A4 page's printable width (about 118 characters of
    // 6.4 points at full size), the charts stretched to it keeping their shape.
    s.widths(CHART_COLUMN);
    s.sheet.setDefaultRowHeightInPoints(15f);
    s.line("Charts: all projects together, " + model.period().label(), styles.title);
    List<Charts.Chart> first = new ArrayList<>();
    charts.stream().filter(c -> c.fileName().startsWith("trend-gaps")).forEach(first::add);
    for (Characteristic c : page.gapCharacteristics()) {
      if (first.size() >= PRINTED_CHARTS) {
        break;
      }
      charts.stream()
          .filter(x -> x.fileName().equals("shares-" + c.code() + ".png"))
          .forEach(first::add);
    }
    List<Charts.Chart> ordered = new ArrayList<>(first);
    charts.stream().filter(c -> !first.contains(c)).forEach(ordered::add);
    XSSFDrawing drawing = s.sheet.createDrawingPatriarch();
    int row = 2;
    int printedRows = 1;
    for (int i = 0; i < ordered.size(); i++) {
      Charts.Chart c = ordered.get(i);
      if (row > 2) {
        s.sheet.setRowBreak(row - 1); // one chart a page when printed
      }
      if (i == first.size()) {
        printedRows = row - 1;
        SheetWriter.text(
            s.sheet.createRow(row),
            0,
            "The charts below are for use on screen and" + " do not print.",
            styles.note);
        row += 1;
      }
      SheetWriter.text(s.sheet.createRow(row), 0, c.title(), styles.subtitle);
      int picture = wb.addPicture(c.png(), XSSFWorkbook.PICTURE_TYPE_PNG);
      // Default rows are 15 points (20 pixels) high: the chart spans as many as its height needs.
      int rows = (int) Math.ceil(c.height() * CHART_COLUMN_PIXELS / c.width() / 20.0);
      XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, 0, row + 1, 1, row + 1 + rows);
      anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
      XSSFPicture pict = drawing.createPicture(anchor, picture);
      pict.getCTPicture().getNvPicPr().getCNvPr().setDescr(c.altText());
      pict.getCTPicture().getNvPicPr().getCNvPr().setTitle(c.title());
      row += rows + 2;
    }
    if (first.size() == ordered.size()) {
      printedRows = row;
    }
    if (first.isEmpty()) {
      s.doNotPrint();
    } else {
      wb.setPrintArea(wb.getSheetIndex(s.sheet), 0, 0, 0, printedRows);
    }
  }

  // ---------------------------------------------------------------- data quality

  private void dataQuality() {
    DataQuality q = model.dataQuality();
    SheetWriter s = sheet("Data quality");
    s.widths(40, 11, 13, 13, 11, 36);
    s.line(
        "Data quality" + (model.isPart() ? " (the whole run, all commissioners' files)" : ""),
        styles.title);
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
    s.skip();

    s.line("People by role (all projects; a person counts once)", styles.subtitle);
    for (String role : org.whotakespart.config.Vocabulary.ROLES) {
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
    s.skip();

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
    s.skip();

    List<org.whotakespart.report.OutsidePopulation> outside =
        org.whotakespart.report.OutsidePopulation.of(model.projects(), model.metrics());
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
            r,
            1,
            org.whotakespart.report.OutsidePopulation.text(o.byAge(), o.byAgeRows(), board),
            styles.text);
        SheetWriter.text(
            r,
            2,
            org.whotakespart.report.OutsidePopulation.text(o.bySex(), o.bySexRows(), board),
            styles.text);
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
    q.rejectedByReason()
        .forEach(
            (code, n) -> {
              Row r = s.row();
              SheetWriter.text(
                  r, 0, code + ": " + RejectReason.fromCode(code).plain(), styles.wrapped);
              SheetWriter.number(r, 1, (double) n, styles.whole);
              s.fitHeight(r);
            });
    s.skip();

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
    return String.format(
        Locale.UK,
        "Read from the history store, version %d (committed %s%s).",
        st.version(),
        st.committedAt(),
        st.latest() ? ", the latest" : "; a later version exists");
  }

  // ---------------------------------------------------------------- about

  private void about() {
    SheetWriter s = sheet("About");
    s.widths(22, 102);
    s.line("About this report", styles.title);
    s.skip();
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
    s.skip();
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
    s.skip();
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
  private void files() {
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
