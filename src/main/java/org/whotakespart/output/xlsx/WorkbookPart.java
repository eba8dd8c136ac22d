package org.whotakespart.output.xlsx;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.Project;
import org.whotakespart.report.BaselineCoverage;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.Phrases;
import org.whotakespart.report.ReportModel;
import org.whotakespart.stats.Interval;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;

/**
 * What every sheet of the board workbook shares: the report, its disclosure control, the workbook,
 * its styles and sheet names, and the cells laid out the same way on several sheets.
 */
class WorkbookPart {

  /** Groups with less complete answers than this get a visible warning. */
  static final double COMPLETENESS_WARNING = 0.70;

  /**
   * Above this many projects the characteristic sheets show all projects together only: a board
   * cannot read thousands of rows, and a workbook that size would not fit in memory. Per-project
   * figures go to each commissioner or project with --split-by, and to analysts in metrics.csv.
   */
  static final int MAX_PROJECT_ROWS = 250;

  final ReportModel model;
  final BoardView board;
  final XSSFWorkbook wb;
  final Styles styles;
  final Map<String, Project> projects;
  private final Set<String> sheetNames;

  WorkbookPart(ReportModel model, BoardView board) {
    this.model = model;
    this.board = board;
    this.wb = new XSSFWorkbook();
    this.styles = new Styles(wb);
    this.sheetNames = new HashSet<>();
    this.projects =
        model.projects().stream()
            .collect(Collectors.toMap(Project::projectId, p -> p, (a, b) -> a, LinkedHashMap::new));
  }

  /** Another part of the same workbook. */
  WorkbookPart(WorkbookPart book) {
    this.model = book.model;
    this.board = book.board;
    this.wb = book.wb;
    this.styles = book.styles;
    this.sheetNames = book.sheetNames;
    this.projects = book.projects;
  }

  SheetWriter sheet(String name) {
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

  List<MetricRow> rows(ScopeType scope) {
    return model.metrics().stream().filter(r -> r.scopeType() == scope).toList();
  }

  String projectName(String id) {
    Project p = projects.get(id);
    return p == null ? id : p.projectName();
  }

  /** "910 different people", or "Some people" where the count is not shown. */
  String people(String count, String noun) {
    return count.matches("[0-9,]+")
        ? count + " " + noun
        : count.equals(board.fewerThanText())
            ? Phrases.capitalise(count) + " " + noun
            : "Some " + noun;
  }

  /** The measured roles in words: "carer, community member, lived experience". */
  String roles() {
    return String.join(", ", model.measuredRoles()).replace('_', ' ');
  }

  /** A line of text across the first five columns, as tall as it needs. */
  void wide(SheetWriter s, String text, CellStyle style) {
    wide(s, text, style, 4);
  }

  Row wide(SheetWriter s, String text, CellStyle style, int lastColumn) {
    Row r = s.line(text, style);
    s.sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, lastColumn));
    s.fitHeight(r);
    return r;
  }

  /** Completeness of the scope's answers, when a board may see it, flagged below 70%. */
  void answered(Row row, int col, MetricRow r) {
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
  boolean isCompletenessShown(MetricRow r) {
    return board.isKnownShown(r) && board.unknownText(r).matches("[0-9]+");
  }

  Optional<String> coverage(Characteristic c) {
    List<String> parts =
        model.coverage().stream()
            .filter(b -> b.characteristic().equals(c.code()))
            .map(b -> "baseline " + b.baseline() + ": " + b.covers() + forProjects(b))
            .distinct()
            .toList();
    return parts.isEmpty()
        ? Optional.empty()
        : Optional.of("Compared with " + String.join("; ", parts) + ".");
  }

  /**
   * " (Leeds Maternity Voices Partnership)" where a coverage concerns only some projects, so a
   * reader sees which projects' baselines are narrowed to their people; "" when it is every
   * project's.
   */
  String forProjects(BaselineCoverage b) {
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

  void countCell(Row row, int col, String text, Double value) {
    if (value != null) {
      SheetWriter.number(row, col, value, styles.whole);
    } else {
      SheetWriter.text(row, col, text, styles.text);
    }
  }

  static String interval(Interval i, boolean asPercent) {
    if (i == null) {
      return "";
    }
    return asPercent
        ? String.format(Locale.UK, "%.1f%% to %.1f%%", 100 * i.low(), 100 * i.high())
        : String.format(Locale.UK, "%.2f to %.2f", i.low(), i.high());
  }

  static String storeLine(DataQuality.StoreSource st) {
    return String.format(
        Locale.UK,
        "Read from the history store, version %d (committed %s%s).",
        st.version(),
        st.committedAt(),
        st.latest() ? ", the latest" : "; a later version exists");
  }
}
