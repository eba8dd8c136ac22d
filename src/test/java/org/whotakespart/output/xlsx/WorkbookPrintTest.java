package org.whotakespart.output.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whotakespart.ingest.Project;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.DataQuality;
import org.whotakespart.report.FileReconciliation;
import org.whotakespart.report.ReportModel;
import org.whotakespart.testing.SexModels;

/** What prints: the board's sheets, headed and footed; the detail sheets and file hashes not. */
class WorkbookPrintTest {
  @TempDir Path dir;

  private static final Set<String> PRINTED =
      Set.of("Summary", "Charts", "Trends", "Data quality", "About");

  private static ReportModel model() {
    FileReconciliation file =
        new FileReconciliation(
            "export-q2.csv", 1234, "ab".repeat(32), false, List.of(), 160, 160, 0, 0);
    return SexModels.oneProject(
        new Project("P", "Panel", "", "ICB", List.of("E1"), 16, "census2021"),
        120,
        40,
        49,
        51,
        100,
        new DataQuality(List.of(file), Map.of(), Map.of(), 160, 160, List.of()));
  }

  @Test
  void onlyTheBoardsSheetsPrintEachHeadedWithSheetQuarterAndMarking() throws Exception {
    ReportModel model = model();
    Path xlsx = dir.resolve("w.xlsx");
    WorkbookWriter.write(model, BoardView.of(model), List.of(), xlsx);
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertEquals("Summary", wb.getSheetName(0));
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        XSSFSheet s = wb.getSheetAt(i);
        String name = s.getSheetName();
        assertEquals("&A", s.getHeader().getLeft(), name);
        assertTrue(s.getHeader().getCenter().contains("OFFICIAL-SENSITIVE"), name);
        assertTrue(s.getHeader().getRight().contains("2025-26 Q2"), name);
        assertEquals("Page &P of &N", s.getFooter().getRight(), name);
        assertTrue(s.getPrintSetup().getLandscape(), name);
        String area = wb.getPrintArea(i);
        if (PRINTED.contains(name)) {
          assertTrue(area == null || !isOneEmptyCell(s, area), name + " prints");
        } else {
          assertNotNull(area, name + " has a print area");
          assertTrue(isOneEmptyCell(s, area), name + " does not print: " + area);
        }
      }
      // The input file's checksum is on the Files sheet only.
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        XSSFSheet s = wb.getSheetAt(i);
        boolean hash = false;
        for (Row r : s) {
          for (Cell c : r) {
            hash |=
                c.getCellType() == CellType.STRING
                    && c.getStringCellValue().contains("ab".repeat(32));
          }
        }
        assertEquals(s.getSheetName().equals("Files"), hash, s.getSheetName());
      }
    }
  }

  private static boolean isOneEmptyCell(XSSFSheet s, String area) {
    AreaReference ref =
        new AreaReference(
            area.substring(area.indexOf('!') + 1), org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
    if (!ref.isSingleCell()) {
      return false;
    }
    Row r = s.getRow(ref.getFirstCell().getRow());
    return r == null || r.getCell(ref.getFirstCell().getCol()) == null;
  }

  @Test
  void thePrintedSummaryIsOnePageAtNinePointsOrMore() throws Exception {
    ReportModel model = model();
    Path xlsx = dir.resolve("w.xlsx");
    WorkbookWriter.write(model, BoardView.of(model), List.of(), xlsx);
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      XSSFSheet s = wb.getSheet("Summary");
      assertEquals(1, s.getPrintSetup().getFitHeight());
      assertEquals(1, s.getPrintSetup().getFitWidth());
      for (Row r : s) {
        for (Cell c : r) {
          assertTrue(
              wb.getFontAt(c.getCellStyle().getFontIndex()).getFontHeightInPoints() >= 9,
              c.getAddress().toString());
        }
      }
      assertFalse(Styles.BODY_POINTS < 9);
    }
  }
}
