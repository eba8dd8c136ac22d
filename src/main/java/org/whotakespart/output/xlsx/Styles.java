package org.whotakespart.output.xlsx;

import static org.apache.poi.ss.usermodel.VerticalAlignment.BOTTOM;
import static org.apache.poi.ss.usermodel.VerticalAlignment.CENTER;
import static org.apache.poi.ss.usermodel.VerticalAlignment.TOP;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.whotakespart.stats.Status;

/**
 * The workbook's cell styles, made once per workbook. Status fills are Okabe-Ito hues chosen to
 * differ in lightness as well as hue, so that under- and over-represented part in greyscale print
 * (under: dark, white text; over: mid blue; the "possibly" ones pale), and every fill's text has a
 * WCAG contrast of at least 4.5:1. The status word or symbol is always in the cell, and page 1 has
 * a key, so colour never carries meaning alone.
 */
final class Styles {
  /** Body text size: printed pages are laid out at full scale, so this is what a reader sees. */
  static final short BODY_POINTS = 10;

  /** Each status's fill and text colour (RGB), from which the styles are made and tested. */
  static final Map<Status, int[]> COLOURS =
      new EnumMap<>(
          Map.of(
              Status.UNDER_REPRESENTED, new int[] {0xB34700, 0xFFFFFF},
              Status.POSSIBLY_UNDER_REPRESENTED, new int[] {0xF5C08A, 0x000000},
              Status.IN_LINE, new int[] {0xFFFFFF, 0x000000},
              Status.POSSIBLY_OVER_REPRESENTED, new int[] {0xDCEFFA, 0x000000},
              Status.OVER_REPRESENTED, new int[] {0x56B4E9, 0x000000},
              Status.TOO_FEW_TO_TELL, new int[] {0xEEEEEE, 0x000000},
              Status.NOT_COMPARED, new int[] {0xEEEEEE, 0x000000},
              Status.NO_BASELINE, new int[] {0xEEEEEE, 0x000000},
              Status.NO_DATA, new int[] {0xEEEEEE, 0x000000}));

  /** Page 1's smaller type (9 pt, the least the print budget allows), so it fits one page. */
  static final short PAGE1_POINTS = 9;

  final CellStyle p1Text;
  final CellStyle p1Header;
  final CellStyle p1Whole;
  final CellStyle p1Note;
  final CellStyle p1Sub;
  final CellStyle p1HeadLine;
  final CellStyle rotated;
  final CellStyle group;
  final CellStyle heatNotShown;
  final CellStyle small;
  final Map<Status, CellStyle> heat = new EnumMap<>(Status.class);

  /** The key's cells: each status's fill, left-aligned, one line; null key: "not shown". */
  final Map<Status, CellStyle> heatKey = new HashMap<>();

  final CellStyle title;
  final CellStyle subtitle;
  final CellStyle header;
  final CellStyle text;
  final CellStyle wrapped;
  final CellStyle whole;
  final CellStyle percent;
  final CellStyle ratio;
  final CellStyle decimal;
  final CellStyle note;
  final CellStyle warning;
  final Map<Status, CellStyle> status = new EnumMap<>(Status.class);

  Styles(XSSFWorkbook wb) {
    wb.getFontAt(0).setFontHeightInPoints(BODY_POINTS);
    XSSFFont bold = font(wb, BODY_POINTS, true, false);
    XSSFFont big = font(wb, (short) 14, true, false);
    XSSFFont medium = font(wb, (short) 12, true, false);
    XSSFFont italic = font(wb, BODY_POINTS, false, true);
    title = new Style(wb).font(big).get();
    subtitle = new Style(wb).font(medium).get();
    header = new Style(wb).font(bold).wrap().valign(TOP).bottom(BorderStyle.MEDIUM).get();
    text = new Style(wb).valign(TOP).get();
    wrapped = new Style(wb).wrap().valign(TOP).get();
    whole = numberStyle(wb, "#,##0");
    percent = numberStyle(wb, "0.0%");
    ratio = numberStyle(wb, "0.00");
    decimal = numberStyle(wb, "#,##0.0");
    note = new Style(wb).font(italic).wrap().valign(TOP).get();
    warning = new Style(wb).font(bold).wrap().fill(0xF5C08A).get();

    XSSFFont p1 = font(wb, PAGE1_POINTS, false, false);
    XSSFFont p1Bold = font(wb, PAGE1_POINTS, true, false);
    XSSFFont p1Italic = font(wb, PAGE1_POINTS, false, true);
    p1Text = new Style(wb).font(p1).valign(CENTER).get();
    p1Header = new Style(wb).font(p1Bold).wrap().valign(BOTTOM).bottom(BorderStyle.MEDIUM).get();
    p1Whole = new Style(wb).font(p1).valign(CENTER).format("#,##0").get();
    p1Sub = new Style(wb).font(bold).valign(BOTTOM).get();
    p1HeadLine = new Style(wb).font(p1Bold).valign(BOTTOM).bottom(BorderStyle.THIN).get();
    p1Note = new Style(wb).font(p1Italic).valign(CENTER).get();
    rotated =
        new Style(wb)
            .font(p1Bold)
            .rotation((short) 90)
            .align(HorizontalAlignment.CENTER)
            .valign(BOTTOM)
            .bottom(BorderStyle.MEDIUM)
            .wrap()
            .get();
    group = new Style(wb).font(p1Bold).valign(CENTER).get();
    heatNotShown =
        new Style(wb).font(p1).valign(CENTER).align(HorizontalAlignment.CENTER).boxed().get();
    small = new Style(wb).wrap().valign(TOP).get();
    statusStyles(wb);
    heatKey.put(null, new Style(wb).font(p1).bottom(BorderStyle.THIN).top(BorderStyle.THIN).get());
  }

  /** Each status's styles: its named cell, its heat-map cell on page 1, and its key's cell. */
  private void statusStyles(XSSFWorkbook wb) {
    Map<Integer, XSSFFont> fonts = new HashMap<>();
    for (Status st : Status.values()) {
      int[] c = COLOURS.get(st);
      XSSFFont font = fonts.computeIfAbsent(c[1], rgb -> colouredFont(wb, BODY_POINTS, c[1]));
      status.put(st, statusStyle(wb, c[0], font, HorizontalAlignment.LEFT).wrap().get());
      XSSFFont small =
          fonts.computeIfAbsent(c[1] | 0x1000000, rgb -> colouredFont(wb, PAGE1_POINTS, c[1]));
      heat.put(
          st,
          statusStyle(wb, c[0], small, HorizontalAlignment.CENTER).valign(CENTER).boxed().get());
      heatKey.put(
          st,
          statusStyle(wb, c[0], small, HorizontalAlignment.LEFT)
              .valign(CENTER)
              .bottom(BorderStyle.THIN)
              .top(BorderStyle.THIN)
              .get());
    }
  }

  private static XSSFFont font(XSSFWorkbook wb, short points, boolean bold, boolean italic) {
    XSSFFont f = wb.createFont();
    if (bold) {
      f.setBold(true);
    }
    if (italic) {
      f.setItalic(true);
    }
    f.setFontHeightInPoints(points);
    return f;
  }

  private static XSSFFont colouredFont(XSSFWorkbook wb, short points, int rgb) {
    XSSFFont f = wb.createFont();
    f.setBold(true);
    f.setFontHeightInPoints(points);
    f.setColor(new XSSFColor(rgbBytes(rgb)));
    return f;
  }

  private static byte[] rgbBytes(int rgb) {
    return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
  }

  private static CellStyle numberStyle(XSSFWorkbook wb, String format) {
    return new Style(wb).format(format).valign(TOP).get();
  }

  private static Style statusStyle(
      XSSFWorkbook wb, int rgb, XSSFFont font, HorizontalAlignment align) {
    return new Style(wb).fill(rgb).font(font).align(align).valign(TOP);
  }

  /**
   * A new cell style of the workbook, its properties set in the order written: the workbook's style
   * part lists fonts, fills and borders in the order they are first set, so reordering would change
   * the file though not its look.
   */
  private static final class Style {
    private final XSSFWorkbook wb;
    private final XSSFCellStyle s;

    Style(XSSFWorkbook wb) {
      this.wb = wb;
      this.s = wb.createCellStyle();
    }

    Style font(XSSFFont font) {
      s.setFont(font);
      return this;
    }

    Style wrap() {
      s.setWrapText(true);
      return this;
    }

    Style valign(VerticalAlignment v) {
      s.setVerticalAlignment(v);
      return this;
    }

    Style align(HorizontalAlignment h) {
      s.setAlignment(h);
      return this;
    }

    Style rotation(short degrees) {
      s.setRotation(degrees);
      return this;
    }

    Style bottom(BorderStyle b) {
      s.setBorderBottom(b);
      return this;
    }

    Style top(BorderStyle b) {
      s.setBorderTop(b);
      return this;
    }

    /** A thin border all round: bottom, right, top, left. */
    Style boxed() {
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      return this;
    }

    Style format(String format) {
      s.setDataFormat(wb.createDataFormat().getFormat(format));
      return this;
    }

    Style fill(int rgb) {
      s.setFillForegroundColor(new XSSFColor(rgbBytes(rgb)));
      s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      return this;
    }

    XSSFCellStyle get() {
      return s;
    }
  }
}
