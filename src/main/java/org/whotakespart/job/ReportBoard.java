package org.whotakespart.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.SplitBy;
import org.whotakespart.output.chart.Charts;
import org.whotakespart.output.xlsx.WorkbookWriter;
import org.whotakespart.report.BoardView;
import org.whotakespart.report.DisclosureAudit;
import org.whotakespart.report.ReportModel;
import org.whotakespart.report.Splits;

/** The report's board step: the charts, the workbook and any split workbooks. */
final class ReportBoard {
  private ReportBoard() {}

  /** The board's outputs written, and how many charts they hold. */
  record Board(List<String> files, int charts) {}

  /**
   * The charts, the workbook and any split workbooks. Disclosure control is worked out once and
   * shared by the charts and the workbook; nothing a board sees is written unless its audit passes
   * (fail closed, statistics.md).
   */
  static Board writeBoard(JobConfig config, ReportModel model, Progress progress) {
    Path out = Path.of(config.output());
    List<String> files = new ArrayList<>();
    BoardView board = BoardView.of(model);
    Path workbook = out.resolve(WorkbookWriter.fileName(config.period()));
    board.requirePasses("the workbook " + workbook.getFileName() + " and its charts");
    progress.step(
        String.format(
            Locale.ROOT,
            "Disclosure audit passed: %,d counts hidden, each" + " with %d or more possible values",
            board.hiddenCount(),
            DisclosureAudit.MIN_POSSIBLE_VALUES));
    List<Charts.Chart> charts = config.charts() ? Charts.forReport(model, board) : List.of();
    for (Charts.Chart c : charts) {
      files.add(Charts.writePng(c, out.resolve("charts")).toString());
    }
    progress.step(String.format(Locale.ROOT, "Drew %d charts", charts.size()));
    WorkbookWriter.write(model, board, charts, workbook);
    files.add(workbook.toString());
    progress.step("Wrote the workbook");
    if (config.splitBy() != SplitBy.NONE) {
      files.addAll(writeSplits(config, model));
    }
    return new Board(files, charts.size());
  }

  /** One workbook per commissioner or project, each audited on its own. */
  static List<String> writeSplits(JobConfig config, ReportModel model) {
    List<String> files = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (var part : Splits.of(model, config.splitBy()).entrySet()) {
      String slug = Splits.slug(part.getKey());
      String unique = slug;
      for (int i = 2; !used.add(unique); i++) {
        unique = slug + "-" + i;
      }
      Path file =
          Path.of(config.output(), "split", WorkbookWriter.splitFileName(config.period(), unique));
      BoardView partBoard = BoardView.of(part.getValue());
      partBoard.requirePasses("the split workbook " + file.getFileName());
      WorkbookWriter.write(
          part.getValue(),
          partBoard,
          config.charts() ? Charts.forReport(part.getValue(), partBoard) : List.of(),
          file);
      files.add(file.toString());
    }
    return files;
  }
}
