package org.whotakespart.output.xlsx;

import java.util.EnumMap;
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
 * The workbook's cell styles, made once per workbook. Status fills are Okabe-Ito tints chosen to
 * differ in lightness as well as hue, so they survive greyscale print; the status words are always
 * in the cell, so colour never carries meaning alone.
 */
final class Styles {
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
    XSSFFont bold = wb.createFont();
    bold.setBold(true);
    XSSFFont big = wb.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 16);
    XSSFFont medium = wb.createFont();
    medium.setFontHeightInPoints((short) 12);
    XSSFFont italic = wb.createFont();
    italic.setItalic(true);
    XSSFFont white = wb.createFont();
    white.setBold(true);
    white.setColor(new XSSFColor(new byte[] {(byte) 255, (byte) 255, (byte) 255}));

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

    status.put(Status.UNDER_REPRESENTED, statusStyle(wb, 0xD55E00, white));
    status.put(Status.POSSIBLY_UNDER_REPRESENTED, statusStyle(wb, 0xF5C08A, bold));
    status.put(Status.IN_LINE, statusStyle(wb, -1, null));
    status.put(Status.POSSIBLY_OVER_REPRESENTED, statusStyle(wb, 0xB3DDF2, bold));
    status.put(Status.OVER_REPRESENTED, statusStyle(wb, 0x0072B2, white));
    status.put(Status.TOO_FEW_TO_TELL, statusStyle(wb, 0xEEEEEE, null));
    status.put(Status.NOT_COMPARED, statusStyle(wb, 0xEEEEEE, null));
    status.put(Status.NO_BASELINE, statusStyle(wb, 0xEEEEEE, null));
    status.put(Status.NO_DATA, statusStyle(wb, 0xEEEEEE, null));
  }

  private static CellStyle numberStyle(XSSFWorkbook wb, String format) {
    CellStyle s = wb.createCellStyle();
    s.setDataFormat(wb.createDataFormat().getFormat(format));
    s.setVerticalAlignment(VerticalAlignment.TOP);
    return s;
  }

  private static CellStyle statusStyle(XSSFWorkbook wb, int rgb, XSSFFont font) {
    XSSFCellStyle s = wb.createCellStyle();
    if (rgb >= 0) {
      fill(s, rgb);
    }
    if (font != null) {
      s.setFont(font);
    }
    s.setAlignment(HorizontalAlignment.LEFT);
    s.setVerticalAlignment(VerticalAlignment.TOP);
    return s;
  }

  private static void fill(CellStyle style, int rgb) {
    XSSFCellStyle s = (XSSFCellStyle) style;
    s.setFillForegroundColor(new XSSFColor(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8),
        (byte) rgb}));
    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
  }
}
