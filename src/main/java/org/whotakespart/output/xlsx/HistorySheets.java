package org.whotakespart.output.xlsx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.whotakespart.config.Category;
import org.whotakespart.config.Characteristic;
import org.whotakespart.report.BoardPage;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.ReportModel;
import org.whotakespart.report.TrendView;
import org.whotakespart.stats.EquityCalculator;
import org.whotakespart.stats.EquityRow;
import org.whotakespart.stats.EquityStatus;
import org.whotakespart.stats.Status;
import org.whotakespart.stats.Trend;

/** The Trends and Experience sheets: the quarters before, and equity of experience. */
final class HistorySheets {
  private final ReportModel model;
  private final BoardView board;
  private final Styles styles;
  private final Function<String, SheetWriter> newSheet;
  private final Workbook workbook;

  HistorySheets(
      ReportModel model,
      BoardView board,
      Workbook workbook,
      Styles styles,
      Function<String, SheetWriter> newSheet) {
    this.model = model;
    this.workbook = workbook;
    this.board = board;
    this.styles = styles;
    this.newSheet = newSheet;
  }

  void trends() {
    List<TrendView.Line> lines = TrendView.lines(model, board);
    if (lines.isEmpty()) {
      return;
    }
    List<String> quarters = model.history().periods();
    SheetWriter s = newSheet.apply("Trends");
    int n = quarters.size();
    s.widths(trendWidths(n));
    String yearAgo = BoardPage.yearAgo(model.period()).label();
    trendsIntro(s, quarters, yearAgo, n);
    List<String> header = new ArrayList<>(List.of("Characteristic", "Group"));
    for (String q : quarters) {
      header.add(q);
    }
    header.add("Trend");
    header.add("Since " + yearAgo);
    Row h = s.header(header.toArray(new String[0]));
    h.setHeightInPoints(28f);
    int first = h.getRowNum();
    // The groups under-represented now or lately print (by trend, as Trend.codes() orders them);
    // the rest follow, for the screen only.
    List<String> order = Trend.codes();
    List<TrendView.Line> sorted =
        lines.stream()
            .sorted(
                Comparator.comparing(
                    (TrendView.Line l) ->
                        order.indexOf(l.trend().code()) < 4 ? order.indexOf(l.trend().code()) : 4))
            .toList();
    int printedTo = first;
    boolean rest = false;
    for (TrendView.Line l : sorted) {
      boolean followed = order.indexOf(l.trend().code()) < 4;
      if (!followed && !rest) {
        rest = true;
        printedTo = s.rowIndex() - 1;
        if (printedTo == first) {
          s.line("No group has been under-represented in these quarters.", styles.text);
          printedTo++;
        }
        wide(s, "The other groups, below, are for use on screen and do not print.", n + 3);
      }
      Row row = s.row();
      trendCells(row, l);
      s.fitHeight(row);
    }
    if (!rest) {
      printedTo = s.rowIndex() - 1;
    }
    s.sheet.setAutoFilter(
        new CellRangeAddress(first, Math.max(first + 1, s.rowIndex() - 1), 0, header.size() - 1));
    workbook.setPrintArea(workbook.getSheetIndex(s.sheet), 0, header.size() - 1, 0, printedTo);
  }

  /** The Trends sheet's column widths, for {@code n} quarters. */
  private static int[] trendWidths(int n) {
    int[] widths = new int[2 + n + 2];
    widths[0] = 13;
    widths[1] = 20;
    for (int i = 0; i < n; i++) {
      widths[2 + i] = 7;
    }
    widths[2 + n] = 25;
    widths[3 + n] = 15;
    return widths;
  }

  /** The Trends sheet's title, and how to read its ratios, fills and trends. */
  private void trendsIntro(SheetWriter s, List<String> quarters, String yearAgo, int n) {
    s.line(
        "Trends: "
            + TrendView.scopeName(model)
            + ", "
            + quarters.get(0)
            + " to "
            + model.period().label(),
        styles.title);
    wide(
        s,
        "Each quarter's ratio: the share taking part divided by the local population share"
            + " (1 = in line; below "
            + model.bands().low()
            + " the group is missing people). The fill"
            + " is the quarter's status: dark with white figures under-represented, pale orange"
            + " possibly under, blue over, pale blue possibly over, grey too few to tell or not"
            + " compared. A ratio resting on 1 to "
            + (model.suppressionThreshold() - 1)
            + " people is not shown. The trend is judged on significant under-representation; the"
            + " last column says which way the ratio moved since "
            + yearAgo
            + ", where the change"
            + " is larger than chance (statistics.md, \"Is it getting better\").",
        n + 3);
  }

  /** One group's cells on the Trends sheet: its quarters' ratios, its trend and its change. */
  private void trendCells(Row row, TrendView.Line l) {
    SheetWriter.text(row, 0, l.characteristic().label(), styles.wrapped);
    SheetWriter.text(
        row,
        1,
        l.characteristic().category(l.category()).map(Category::label).orElse(l.category()),
        styles.wrapped);
    for (int i = 0; i < l.cells().size(); i++) {
      TrendView.Cell c = l.cells().get(i);
      if (c.ratio() != null) {
        SheetWriter.number(row, 2 + i, c.ratio(), on(c.status(), styles.ratio));
      } else {
        SheetWriter.text(row, 2 + i, c.withheld(), styles.wrapped);
      }
    }
    int at = 2 + l.cells().size();
    boolean concern = l.trend().code().contains("under_represented");
    SheetWriter.text(
        row,
        at,
        l.trend().words(),
        concern ? styles.status.get(Status.UNDER_REPRESENTED) : styles.wrapped);
    SheetWriter.text(
        row,
        at + 1,
        concern ? l.sinceYearAgo().text() : l.sinceYearAgo().neutralText(),
        styles.wrapped);
  }

  private final Map<String, CellStyle> coloured = new HashMap<>();

  /** A number format on a status's fill, so the colour and the number sit in one cell. */
  private CellStyle on(Status status, CellStyle format) {
    return coloured.computeIfAbsent(
        status + "/" + format.getDataFormat(),
        k -> {
          CellStyle c = workbook.createCellStyle();
          c.cloneStyleFrom(styles.status.get(status));
          c.setDataFormat(format.getDataFormat());
          return c;
        });
  }

  void experience() {
    List<EquityRow> rows = model.history().scopeEquity();
    if (rows.isEmpty()) {
      return;
    }
    SheetWriter s = newSheet.apply("Experience");
    EquityCalculator.Measure[] measures = EquityCalculator.Measure.values();
    s.widths(experienceWidths(measures));
    int t = model.suppressionThreshold();
    String fewer = board.fewerThanText();
    s.line(
        "Experience: " + TrendView.scopeName(model) + ", " + model.period().label(), styles.title);
    wide(
        s,
        "Of each group's people, the share who took part at each stage, were paid or"
            + " reimbursed, had the adjustments they asked for met, came back from last quarter, and"
            + " live in the most deprived areas, beside everyone taking part. Coloured and named at the"
            + " end of the row where the group's 95% interval lies wholly below (lower) or above"
            + " (higher) everyone's share. Shares resting on 1 to "
            + (t - 1)
            + " people are not"
            + " shown.",
        measures.length + 2);
    List<String> header = new ArrayList<>(List.of("Characteristic", "Group"));
    for (EquityCalculator.Measure m : measures) {
      header.add(capitalised(m.words()));
    }
    header.add("Differences from everyone");
    Row h = s.header(header.toArray(new String[0]));
    int first = h.getRowNum();

    everyoneRows(s, rows, measures);
    for (Characteristic c : Characteristic.values()) {
      for (String category : c.categoryCodes()) {
        groupRow(s, rows, measures, c, category);
      }
    }
    s.sheet.setAutoFilter(
        new CellRangeAddress(first, Math.max(first + 1, s.rowIndex() - 1), 0, header.size() - 1));
    s.doNotPrint();
  }

  /** The Experience sheet's column widths. */
  private static int[] experienceWidths(EquityCalculator.Measure[] measures) {
    int[] widths = new int[3 + measures.length];
    widths[0] = 24;
    widths[1] = 34;
    for (int i = 0; i < measures.length; i++) {
      widths[2 + i] = 14;
    }
    widths[2 + measures.length] = 44;
    return widths;
  }

  /**
   * The rows for everyone taking part and, where known, the local areas' share in the most deprived
   * 10%.
   */
  private void everyoneRows(
      SheetWriter s, List<EquityRow> rows, EquityCalculator.Measure[] measures) {
    // Everyone, from any characteristic's rows (the same people whichever is used).
    Row everyone = s.row();
    SheetWriter.text(everyone, 0, "Everyone", styles.header);
    SheetWriter.text(everyone, 1, "all people taking part", styles.text);
    for (int i = 0; i < measures.length; i++) {
      String code = measures[i].code();
      EquityRow any = rows.stream().filter(r -> r.measure().equals(code)).findFirst().orElseThrow();
      TrendView.Share sh = TrendView.everyone(any, board);
      shareCell(everyone, 2 + i, sh, styles.percent);
    }
    Double area =
        rows.stream()
            .filter(r -> r.areaShare() != null)
            .map(EquityRow::areaShare)
            .findFirst()
            .orElse(null);
    if (area != null) {
      Row a = s.row();
      SheetWriter.text(a, 0, "Local areas", styles.header);
      SheetWriter.text(a, 1, "catchment's share (IoD 2019)", styles.text);
      SheetWriter.number(
          a, 2 + EquityCalculator.Measure.MOST_DEPRIVED_10.ordinal(), area, styles.percent);
    }
  }

  /** One group's row on the Experience sheet, its differences from everyone named at the end. */
  private void groupRow(
      SheetWriter s,
      List<EquityRow> rows,
      EquityCalculator.Measure[] measures,
      Characteristic c,
      String category) {
    Row row = s.row();
    SheetWriter.text(row, 0, c.label(), styles.text);
    SheetWriter.text(
        row, 1, c.category(category).map(Category::label).orElse(category), styles.text);
    List<String> lower = new ArrayList<>();
    List<String> higher = new ArrayList<>();
    for (int i = 0; i < measures.length; i++) {
      String code = measures[i].code();
      EquityRow r =
          rows.stream()
              .filter(
                  x ->
                      x.characteristic().equals(c.code())
                          && x.category().equals(category)
                          && x.measure().equals(code))
              .findFirst()
              .orElse(null);
      if (r == null) {
        continue;
      }
      TrendView.Share sh = TrendView.share(r, board);
      CellStyle style = styles.percent;
      if (sh.share() != null && r.status() == EquityStatus.LOWER) {
        style = on(Status.UNDER_REPRESENTED, styles.percent);
        lower.add(measures[i].words());
      } else if (sh.share() != null && r.status() == EquityStatus.HIGHER) {
        style = on(Status.OVER_REPRESENTED, styles.percent);
        higher.add(measures[i].words());
      }
      shareCell(row, 2 + i, sh, style);
    }
    List<String> words = new ArrayList<>();
    if (!lower.isEmpty()) {
      words.add("lower: " + String.join("; ", lower));
    }
    if (!higher.isEmpty()) {
      words.add("higher: " + String.join("; ", higher));
    }
    SheetWriter.text(row, 2 + measures.length, String.join(". ", words), styles.wrapped);
    s.fitHeight(row);
  }

  private static void shareCell(Row row, int col, TrendView.Share sh, CellStyle style) {
    if (sh.share() != null) {
      SheetWriter.number(row, col, sh.share(), style);
    } else {
      SheetWriter.text(row, col, sh.withheld(), style);
    }
  }

  private void wide(SheetWriter s, String text, int lastColumn) {
    Row r = s.line(text, styles.wrapped);
    s.sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, lastColumn));
    s.fitHeight(r);
  }

  private static String capitalised(String words) {
    return words.substring(0, 1).toUpperCase(Locale.UK) + words.substring(1);
  }
}
