package org.whotakespart.output.xlsx;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Appends rows to one sheet. Every text goes in as a string cell, so text from the input files
 * (project names, organisations) can never become a formula, even when it starts with {@code =}.
 */
final class SheetWriter {
  final XSSFSheet sheet;
  final Styles styles;
  private int next;

  SheetWriter(XSSFSheet sheet, Styles styles) {
    this.sheet = sheet;
    this.styles = styles;
  }

  Row row() {
    return sheet.createRow(next++);
  }

  int rowIndex() {
    return next;
  }

  void skip() {
    next++;
  }

  /** A one-cell line of text in the given style. */
  Row line(String value, CellStyle style) {
    Row r = row();
    text(r, 0, value, style);
    return r;
  }

  static Cell text(Row r, int col, String value, CellStyle style) {
    Cell c = r.createCell(col);
    c.setCellValue(value == null ? "" : value);
    c.setCellStyle(style);
    return c;
  }

  static Cell number(Row r, int col, Double value, CellStyle style) {
    Cell c = r.createCell(col);
    if (value != null && !value.isNaN() && !value.isInfinite()) {
      c.setCellValue(value);
    }
    c.setCellStyle(style);
    return c;
  }

  /** A header row that repeats on every printed page, and the view frozen below it. */
  Row header(String... names) {
    Row r = row();
    for (int i = 0; i < names.length; i++) {
      text(r, i, names[i], styles.header);
    }
    fitHeight(r);
    sheet.createFreezePane(0, r.getRowNum() + 1);
    sheet.setRepeatingRows(new CellRangeAddress(r.getRowNum(), r.getRowNum(), -1, -1));
    return r;
  }

  /**
   * Sets the row tall enough for its wrapped text. Spreadsheet programs do not reliably grow rows
   * on opening a file, so the height is estimated from the text length and the column widths.
   */
  void fitHeight(Row r) {
    int lines = 1;
    for (Cell c : r) {
      if (c.getCellStyle().getWrapText() && c.getCellType() == CellType.STRING) {
        int width = Math.max(1, sheet.getColumnWidth(c.getColumnIndex()) / 256);
        for (CellRangeAddress m : sheet.getMergedRegions()) {
          if (m.isInRange(c)) {
            width = 0;
            for (int col = m.getFirstColumn(); col <= m.getLastColumn(); col++) {
              width += sheet.getColumnWidth(col) / 256;
            }
          }
        }
        int chars = c.getStringCellValue().length();
        // Text averages a little narrower than the digit width that column widths count.
        lines = Math.max(lines, (int) Math.ceil(chars * 0.9 / width));
      }
    }
    if (lines > 1) {
      r.setHeightInPoints(lines * 13.5f + 2f);
    }
  }

  void widths(int... characters) {
    for (int i = 0; i < characters.length; i++) {
      sheet.setColumnWidth(i, Math.min(255, characters[i]) * 256);
    }
  }

  /** The marking on every printed page: the figures are about people, some special category. */
  static final String MARKING = "OFFICIAL-SENSITIVE";

  /**
   * A4 landscape, one page wide, narrow margins; every printed page's header names the sheet, the
   * quarter and the marking, and its footer says page N of M (so a continuation page says where it
   * belongs).
   */
  void printSetup(String period) {
    PrintSetup ps = sheet.getPrintSetup();
    ps.setLandscape(true);
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    ps.setFitWidth((short) 1);
    ps.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    sheet.setMargin(PageMargin.LEFT, 0.4);
    sheet.setMargin(PageMargin.RIGHT, 0.4);
    sheet.setMargin(PageMargin.TOP, 0.5);
    sheet.setMargin(PageMargin.BOTTOM, 0.45);
    sheet.setMargin(PageMargin.HEADER, 0.25);
    sheet.setMargin(PageMargin.FOOTER, 0.25);
    sheet.getHeader().setLeft("&A");
    sheet.getHeader().setCenter("&B" + MARKING);
    sheet.getHeader().setRight("Who takes part, " + period);
    sheet.getFooter().setLeft(MARKING);
    sheet.getFooter().setRight("Page &P of &N");
  }

  /**
   * A detail sheet, for use on screen: its print area is one empty cell beyond its contents, so
   * printing the workbook leaves it out (clear the print area to print it).
   */
  void doNotPrint() {
    int index = sheet.getWorkbook().getSheetIndex(sheet);
    sheet.getWorkbook().setPrintArea(index, NO_PRINT_COLUMN, NO_PRINT_COLUMN, 0, 0);
  }

  /** The column of the empty cell a detail sheet's print area names. */
  static final int NO_PRINT_COLUMN = 60;

  /** Printed at full size on exactly one page (the layout is made to fit it). */
  void onePage() {
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 1);
  }
}
