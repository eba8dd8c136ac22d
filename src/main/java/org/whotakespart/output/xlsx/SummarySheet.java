package org.whotakespart.output.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.whotakespart.config.Characteristic;
import org.whotakespart.report.BoardPage;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.Phrases;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.Status;
import org.whotakespart.stats.Trend;

/** Page 1, the Summary: the gaps a board should look at first, the heat map and its key. */
final class SummarySheet extends WorkbookPart {
  SummarySheet(WorkbookPart book) {
    super(book);
  }

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

  void summary(BoardPage page) {
    SheetWriter s = sheet("Summary");
    int last = columns(s, page);
    boolean noRecords = headline(s, last);
    // (a) left and (b) right, side by side from here.
    int top = s.rowIndex();
    headers(s, page);
    Rows rows = new Rows(s);
    int line = gaps(rows, page, noRecords);
    line = persistent(rows, page, line);
    key(s, rows, line);
    heatMap(rows, page);
    for (Row r : rows.made) {
      r.setHeightInPoints(12f);
    }
    s.sheet.setRepeatingRows(null);
    s.onePage();
    wb.setPrintArea(wb.getSheetIndex(s.sheet), 0, last, 0, Math.max(top, s.rowIndex() - 1));
  }

  /** The rows below the headers, shared by the left block and the heat map beside it. */
  private static final class Rows {
    private final SheetWriter s;
    private final List<Row> made = new ArrayList<>();

    Rows(SheetWriter s) {
      this.s = s;
    }

    /** The {@code i}th row (0 = the first below the headers), made when first asked for. */
    Row at(int i) {
      while (made.size() <= i) {
        made.add(s.row());
      }
      return made.get(i);
    }
  }

  /** Sets the columns' widths; returns the last column's index. */
  private int columns(SheetWriter s, BoardPage page) {
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
    return widths.length - 1;
  }

  /** The title and the headline sentence; returns whether no records fall in the quarter. */
  private boolean headline(SheetWriter s, int last) {
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
    return noRecords;
  }

  /** The two blocks' titles and column headers. */
  private void headers(SheetWriter s, BoardPage page) {
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
  }

  /** (a) The groups missing across all projects; returns the next free line. */
  private int gaps(Rows rows, BoardPage page, boolean noRecords) {
    int line = 0;
    if (page.gaps().isEmpty()) {
      SheetWriter.text(
          rows.at(line++),
          1,
          noRecords
              ? "No group can be compared: no records" + " fall in this quarter."
              : "No group is clearly under-represented across all projects" + " this quarter.",
          styles.p1Text);
    }
    int rank = 1;
    for (BoardPage.Gap g : page.gaps()) {
      Row r = rows.at(line++);
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
    return line;
  }

  /** (c) Is it getting better: gaps of several quarters running; returns the next free line. */
  private int persistent(Rows rows, BoardPage page, int line) {
    line++;
    SheetWriter.text(
        rows.at(line++),
        0,
        "Is it getting better? Gaps of " + Trend.PERSISTENT + " quarters or more running",
        styles.p1Sub);
    if (model.history().periods().size() < 2) {
      SheetWriter.text(
          rows.at(line++),
          0,
          "The inputs hold no earlier quarters to compare" + " with.",
          styles.p1Text);
    } else if (page.persistent().isEmpty()) {
      SheetWriter.text(
          rows.at(line++),
          0,
          "No group has been under-represented across all"
              + " projects for "
              + Trend.PERSISTENT
              + " quarters running.",
          styles.p1Text);
    }
    if (!page.persistent().isEmpty()) {
      Row ph = rows.at(line++);
      String[] heads = {"", "Group", "Qtrs", "Ratio now, then", "Since " + page.yearAgo()};
      for (int i = 0; i < heads.length; i++) {
        SheetWriter.text(ph, i, heads[i], styles.p1HeadLine);
      }
    }
    for (BoardPage.Persistent p : page.persistent()) {
      Row r = rows.at(line++);
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
    return line;
  }

  /** The key to the heat map's colours and marks, from {@code line}. */
  private void key(SheetWriter s, Rows rows, int line) {
    line++;
    SheetWriter.text(rows.at(line++), 0, "Key: colours and marks", styles.p1Sub);
    for (String[] k : KEY) {
      Status st = Status.fromCode(k[0]);
      keyLine(s, rows.at(line++), symbol(st) + " " + st.label(), styles.heatKey.get(st), k[1]);
    }
    keyLine(
        s,
        rows.at(line++),
        "\u2191 \u2193 \u2192",
        styles.p1Text,
        "ratio up (better), down (worse), no clear change");
    keyLine(
        s,
        rows.at(line++),
        "n/s  not shown",
        styles.heatKey.get(null),
        "could give away a count of " + board.fewerThanText());
  }

  /** (b) The heat map: each project's most serious status by characteristic. */
  private void heatMap(Rows rows, BoardPage page) {
    int row = 0;
    String commissioner = null;
    for (BoardPage.HeatRow hr : page.heatMap()) {
      boolean allRow = hr.scopeId().equals(MetricCalculator.ALL_ID);
      if (!allRow && !hr.commissioner().equals(commissioner)) {
        commissioner = hr.commissioner();
        SheetWriter.text(
            rows.at(row++),
            PROJECT_COLUMN,
            commissioner.isEmpty() ? "No commissioner named" : commissioner,
            styles.group);
      }
      Row r = rows.at(row++);
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
        rows.at(row++),
        PROJECT_COLUMN,
        "Each group's figures: the detail sheets" + " (on screen).",
        styles.p1Note);
  }

  /** A line of page 1's key: the mark in its style over the first two columns, then its words. */
  private static void keyLine(SheetWriter s, Row r, String mark, CellStyle style, String words) {
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

  /** Column labels short enough to stand rotated above a heat-map column. */
  private static String shortLabel(Characteristic c) {
    return c == Characteristic.ETHNIC_GROUP_BROAD ? "Ethnic group" : c.label();
  }
}
