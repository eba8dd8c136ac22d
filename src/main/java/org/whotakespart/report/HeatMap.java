package org.whotakespart.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.Project;
import org.whotakespart.report.BoardPage.Cell;
import org.whotakespart.report.BoardPage.HeatRow;
import org.whotakespart.stats.MetricCalculator;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;

/** Part (b) of page 1: where the gaps are, as a heat map of projects by characteristics. */
final class HeatMap {
  private HeatMap() {}

  /** A project's (or all projects') rows of one characteristic, as a map key. */
  private record ScopeCharacteristic(String scopeId, String characteristic) {}

  /** The heat map's columns: every characteristic but the detailed ethnic groups. */
  static List<Characteristic> columns() {
    List<Characteristic> columns = new ArrayList<>();
    for (Characteristic c : Characteristic.values()) {
      if (c != Characteristic.ETHNIC_GROUP) {
        columns.add(c);
      }
    }
    return columns;
  }

  /** The heat map's rows: all projects, then each project by commissioner and name. */
  static List<HeatRow> rows(ReportModel model, BoardView board, List<Characteristic> columns) {
    Map<ScopeCharacteristic, List<MetricRow>> byScope = new HashMap<>();
    for (MetricRow r : model.metrics()) {
      if (r.scopeType() == ScopeType.PROJECT || r.scopeType() == ScopeType.ALL) {
        byScope
            .computeIfAbsent(
                new ScopeCharacteristic(r.scopeId(), r.characteristic()), k -> new ArrayList<>())
            .add(r);
      }
    }
    List<HeatRow> heat = new ArrayList<>();
    heat.add(
        heatRow(MetricCalculator.ALL_ID, MetricCalculator.ALL_NAME, "", columns, byScope, board));
    model.projects().stream()
        .sorted(Comparator.comparing(Project::commissioner).thenComparing(Project::projectName))
        .forEach(
            p ->
                heat.add(
                    heatRow(
                        p.projectId(),
                        p.projectName(),
                        p.commissioner(),
                        columns,
                        byScope,
                        board)));
    return heat;
  }

  /** One row: for each column, the most serious status shown of the scope's groups. */
  private static HeatRow heatRow(
      String scopeId,
      String name,
      String commissioner,
      List<Characteristic> columns,
      Map<ScopeCharacteristic, List<MetricRow>> byScope,
      BoardView board) {
    List<Cell> cells = new ArrayList<>();
    for (Characteristic c : columns) {
      Status worst = null;
      for (MetricRow r :
          byScope.getOrDefault(new ScopeCharacteristic(scopeId, c.code()), List.of())) {
        if (BoardPage.isAbsenceSide(r.characteristic(), r.category()) || !board.isStatusShown(r)) {
          continue;
        }
        if (worst == null || BoardPage.seriousness(r.status()) < BoardPage.seriousness(worst)) {
          worst = r.status();
        }
      }
      cells.add(new Cell(c, worst));
    }
    return new HeatRow(scopeId, name, commissioner, List.copyOf(cells));
  }
}
