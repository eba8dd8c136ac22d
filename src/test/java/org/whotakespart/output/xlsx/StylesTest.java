package org.whotakespart.output.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.whotakespart.stats.Status;

/** WCAG 2.1 contrast of every status style, computed from the colours the cells carry. */
class StylesTest {
  /** Relative luminance (WCAG 2.1): sRGB channels linearised, weighted 0.2126, 0.7152, 0.0722. */
  static double luminance(int rgb) {
    double[] w = {0.2126, 0.7152, 0.0722};
    double l = 0;
    for (int i = 0; i < 3; i++) {
      double c = ((rgb >> (16 - 8 * i)) & 0xFF) / 255.0;
      c = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      l += w[i] * c;
    }
    return l;
  }

  static double contrast(int a, int b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static int rgb(XSSFColor c) {
    if (c == null) {
      return 0x000000; // no colour given: the default, black text
    }
    byte[] b = c.getRGB();
    return (b[0] & 0xFF) << 16 | (b[1] & 0xFF) << 8 | (b[2] & 0xFF);
  }

  @Test
  void theFormulaGivesTheFiguresTheIssueMeasured() {
    // White on the old orange fill: 3.87:1 (below WCAG AA's 4.5:1); black on white: 21:1.
    assertEquals(3.87, contrast(0xD55E00, 0xFFFFFF), 0.005);
    assertEquals(21.0, contrast(0x000000, 0xFFFFFF), 1e-9);
  }

  @Test
  void everyStatusFillHasTextOfAtLeastFourAndAHalfToOne() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles styles = new Styles(wb);
      for (Status s : Status.values()) {
        for (CellStyle style : new CellStyle[] {styles.status.get(s), styles.heat.get(s)}) {
          XSSFCellStyle x = (XSSFCellStyle) style;
          assertEquals(FillPatternType.SOLID_FOREGROUND, x.getFillPattern(), s.toString());
          int fill = rgb(x.getFillForegroundXSSFColor());
          int text = rgb(x.getFont().getXSSFColor());
          double c = contrast(fill, text);
          assertTrue(c >= 4.5, String.format("%s: %06X on %06X is %.2f:1", s, text, fill, c));
        }
      }
    }
  }

  @Test
  void underAndOverPartInGreyscale() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles styles = new Styles(wb);
      int under =
          rgb(
              ((XSSFCellStyle) styles.status.get(Status.UNDER_REPRESENTED))
                  .getFillForegroundXSSFColor());
      int over =
          rgb(
              ((XSSFCellStyle) styles.status.get(Status.OVER_REPRESENTED))
                  .getFillForegroundXSSFColor());
      int possiblyUnder =
          rgb(
              ((XSSFCellStyle) styles.status.get(Status.POSSIBLY_UNDER_REPRESENTED))
                  .getFillForegroundXSSFColor());
      int possiblyOver =
          rgb(
              ((XSSFCellStyle) styles.status.get(Status.POSSIBLY_OVER_REPRESENTED))
                  .getFillForegroundXSSFColor());
      // Greyscale keeps only luminance: the fills must differ in it, not just in hue.
      assertTrue(contrast(under, over) >= 2.0, "under vs over " + contrast(under, over));
      assertTrue(
          contrast(possiblyUnder, possiblyOver) >= 1.3,
          "possibly under vs possibly over " + contrast(possiblyUnder, possiblyOver));
      assertTrue(contrast(under, possiblyUnder) >= 3.0);
    }
  }
}
