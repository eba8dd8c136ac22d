package org.whotakespart.output.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Period;
import org.whotakespart.output.chart.Charts;
import org.whotakespart.report.BoardPage;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.ReportModel;

/**
 * The board's workbook: a one-minute Summary, a sheet per characteristic, the charts, Data quality
 * and About. Every count, share, ratio and shortfall goes through {@link BoardView}, so disclosure
 * control holds on every sheet.
 */
public final class WorkbookWriter {
  private WorkbookWriter() {}

  /** The board workbook's file name for a quarter ({@link Period#folderName()}). */
  public static String fileName(Period period) {
    return "who-takes-part-" + period.folderName() + ".xlsx";
  }

  /** A split workbook's file name: the quarter's, then the part's own {@code slug}. */
  public static String splitFileName(Period period, String slug) {
    return "who-takes-part-" + period.folderName() + "-" + slug + ".xlsx";
  }

  /**
   * @param board the disclosure control already worked out for {@code model} (charts share it)
   */
  public static void write(
      ReportModel model, BoardView board, List<Charts.Chart> charts, Path file) {
    WorkbookPart book = new WorkbookPart(model, board);
    BoardPage page = BoardPage.of(model, board);
    // Printed (at most 12 A4 pages for the sample): Summary, the key charts, Trends, Data quality
    // and About. The rest is for the screen and does not print (SheetWriter.doNotPrint).
    new SummarySheet(book).summary(page);
    HistorySheets history = new HistorySheets(model, board, book.wb, book.styles, book::sheet);
    if (!charts.isEmpty()) {
      new ChartsSheet(book).charts(charts, page);
    }
    history.trends();
    new DataQualitySheet(book).dataQuality();
    AboutSheet about = new AboutSheet(book);
    about.about();
    CharacteristicSheet characteristics = new CharacteristicSheet(book);
    for (Characteristic c : Characteristic.values()) {
      characteristics.characteristic(c);
    }
    new ProjectsSheet(book).projectsSheet();
    history.experience();
    about.files();
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        book.wb.write(out);
      }
      book.wb.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write workbook " + file + ": " + e.getMessage(), e);
    }
  }
}
