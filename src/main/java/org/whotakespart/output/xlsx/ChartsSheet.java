package org.whotakespart.output.xlsx;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.whotakespart.config.Characteristic;
import org.whotakespart.output.chart.Charts;
import org.whotakespart.report.BoardPage;

/** The Charts sheet: one chart a page, those page 1 names printed first. */
final class ChartsSheet extends WorkbookPart {
  ChartsSheet(WorkbookPart book) {
    super(book);
  }

  private static final int CHART_COLUMN = 118;

  /** The chart column's width in pixels: 7 a character (digit width 6 plus padding). */
  private static final double CHART_COLUMN_PIXELS = CHART_COLUMN * 7.0 + 5;

  /** Share charts printed: those of the first page-1 gaps' characteristics. */
  static final int PRINTED_CHARTS = 3;

  /**
   * The charts, one a page: first those of the characteristics page 1 names (printed), then the
   * rest (on screen only: the print area stops before them).
   */
  void charts(List<Charts.Chart> charts, BoardPage page) {
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
}
