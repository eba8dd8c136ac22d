package org.whotakespart.output.xlsx;

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
    XSSFFont bold = wb.createFont();
    bold.setBold(true);
    bold.setFontHeightInPoints(BODY_POINTS);
    XSSFFont big = wb.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 14);
    XSSFFont medium = wb.createFont();
    medium.setBold(true);
    medium.setFontHeightInPoints((short) 12);
    XSSFFont italic = wb.createFont();
    italic.setItalic(true);
    italic.setFontHeightInPoints(BODY_POINTS);

    title = wb.createCellStyle();
    title.setFont(big);
    subtitle = wb.createCellStyle();
    subtitle.setFont(medium);
    header = wb.createCellStyle();
    header.setFont(bold);
    header.setWrapText(true);
    header.setVerticalAlignment(VerticalAlignment.TOP);
    header.setBorderBottom(BorderStyle.MEDIUM);
    text = wb.createCellStyle();
    text.setVerticalAlignment(VerticalAlignment.TOP);
    wrapped = wb.createCellStyle();
    wrapped.setWrapText(true);
    wrapped.setVerticalAlignment(VerticalAlignment.TOP);
    whole = numberStyle(wb, "#,##0");
    percent = numberStyle(wb, "0.0%");
    ratio = numberStyle(wb, "0.00");
    decimal = numberStyle(wb, "#,##0.0");
    note = wb.createCellStyle();
    note.setFont(italic);
    note.setWrapText(true);
    note.setVerticalAlignment(VerticalAlignment.TOP);
    warning = wb.createCellStyle();
    warning.setFont(bold);
    warning.setWrapText(true);
    fill(warning, 0xF5C08A);

    XSSFFont p1 = wb.createFont();
    p1.setFontHeightInPoints(PAGE1_POINTS);
    XSSFFont p1Bold = wb.createFont();
    p1Bold.setBold(true);
    p1Bold.setFontHeightInPoints(PAGE1_POINTS);
    XSSFFont p1Italic = wb.createFont();
    p1Italic.setItalic(true);
    p1Italic.setFontHeightInPoints(PAGE1_POINTS);
    p1Text = wb.createCellStyle();
    p1Text.setFont(p1);
    p1Text.setVerticalAlignment(VerticalAlignment.CENTER);
    p1Header = wb.createCellStyle();
    p1Header.setFont(p1Bold);
    p1Header.setWrapText(true);
    p1Header.setVerticalAlignment(VerticalAlignment.BOTTOM);
    p1Header.setBorderBottom(BorderStyle.MEDIUM);
    p1Whole = wb.createCellStyle();
    p1Whole.setFont(p1);
    p1Whole.setVerticalAlignment(VerticalAlignment.CENTER);
    p1Whole.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
    p1Sub = wb.createCellStyle();
    p1Sub.setFont(bold);
    p1Sub.setVerticalAlignment(VerticalAlignment.BOTTOM);
    p1HeadLine = wb.createCellStyle();
    p1HeadLine.setFont(p1Bold);
    p1HeadLine.setVerticalAlignment(VerticalAlignment.BOTTOM);
    p1HeadLine.setBorderBottom(BorderStyle.THIN);
    p1Note = wb.createCellStyle();
    p1Note.setFont(p1Italic);
    p1Note.setVerticalAlignment(VerticalAlignment.CENTER);
    rotated = wb.createCellStyle();
    rotated.setFont(p1Bold);
    rotated.setRotation((short) 90);
    rotated.setAlignment(HorizontalAlignment.CENTER);
    rotated.setVerticalAlignment(VerticalAlignment.BOTTOM);
    rotated.setBorderBottom(BorderStyle.MEDIUM);
    rotated.setWrapText(true);
    group = wb.createCellStyle();
    group.setFont(p1Bold);
    group.setVerticalAlignment(VerticalAlignment.CENTER);
    heatNotShown = wb.createCellStyle();
    heatNotShown.setFont(p1);
    heatNotShown.setVerticalAlignment(VerticalAlignment.CENTER);
    heatNotShown.setAlignment(HorizontalAlignment.CENTER);
    heatNotShown.setBorderBottom(BorderStyle.THIN);
    heatNotShown.setBorderRight(BorderStyle.THIN);
    heatNotShown.setBorderTop(BorderStyle.THIN);
    heatNotShown.setBorderLeft(BorderStyle.THIN);
    small = wb.createCellStyle();
    small.setWrapText(true);
    small.setVerticalAlignment(VerticalAlignment.TOP);

    Map<Integer, XSSFFont> fonts = new HashMap<>();
    for (Status st : Status.values()) {
      int[] c = COLOURS.get(st);
      XSSFFont font =
          fonts.computeIfAbsent(
              c[1],
              rgb -> {
                XSSFFont f = wb.createFont();
                f.setBold(true);
                f.setFontHeightInPoints(BODY_POINTS);
                f.setColor(new XSSFColor(rgbBytes(rgb)));
                return f;
              });
      CellStyle named = statusStyle(wb, c[0], font, HorizontalAlignment.LEFT);
      named.setWrapText(true);
      status.put(st, named);
      XSSFFont small =
          fonts.computeIfAbsent(
              c[1] | 0x1000000,
              rgb -> {
                XSSFFont f = wb.createFont();
                f.setBold(true);
                f.setFontHeightInPoints(PAGE1_POINTS);
                f.setColor(new XSSFColor(rgbBytes(c[1])));
                return f;
              });
      CellStyle h = statusStyle(wb, c[0], small, HorizontalAlignment.CENTER);
      h.setVerticalAlignment(VerticalAlignment.CENTER);
      h.setBorderBottom(BorderStyle.THIN);
      h.setBorderRight(BorderStyle.THIN);
      h.setBorderTop(BorderStyle.THIN);
      h.setBorderLeft(BorderStyle.THIN);
      heat.put(st, h);
      CellStyle k = statusStyle(wb, c[0], small, HorizontalAlignment.LEFT);
      k.setVerticalAlignment(VerticalAlignment.CENTER);
      k.setBorderBottom(BorderStyle.THIN);
      k.setBorderTop(BorderStyle.THIN);
      heatKey.put(st, k);
    }
    CellStyle none = wb.createCellStyle();
    none.setFont(p1);
    none.setBorderBottom(BorderStyle.THIN);
    none.setBorderTop(BorderStyle.THIN);
    heatKey.put(null, none);
  }

  private static byte[] rgbBytes(int rgb) {
    return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
  }

  private static CellStyle numberStyle(XSSFWorkbook wb, String format) {
    CellStyle s = wb.createCellStyle();
    s.setDataFormat(wb.createDataFormat().getFormat(format));
    s.setVerticalAlignment(VerticalAlignment.TOP);
    return s;
  }

  private static CellStyle statusStyle(
      XSSFWorkbook wb, int rgb, XSSFFont font, HorizontalAlignment align) {
    XSSFCellStyle s = wb.createCellStyle();
    fill(s, rgb);
    s.setFont(font);
    s.setAlignment(align);
    s.setVerticalAlignment(VerticalAlignment.TOP);
    return s;
  }

  private static void fill(CellStyle style, int rgb) {
    XSSFCellStyle s = (XSSFCellStyle) style;
    s.setFillForegroundColor(new XSSFColor(rgbBytes(rgb)));
    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
  }
}
