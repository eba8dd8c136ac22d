package org.whotakespart.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.whotakespart.config.Category;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.Project;
import org.whotakespart.stats.MetricRow;
import org.whotakespart.stats.ScopeType;
import org.whotakespart.stats.Status;

/**
 * Project by project, what a board may see changed since the quarter before and which groups are
 * under-represented now (statuses only where shown, shortfalls from rounded counts). Decided here,
 * laid out by the workbook's Projects sheet.
 *
 * @param worse groups that became under-represented in a project, in words
 * @param better groups that stopped being under-represented in a project, in words
 * @param underByProject per project id, its under-represented groups in words, largest first
 */
public record ProjectChanges(
    List<String> worse, List<String> better, Map<String, List<String>> underByProject) {

  public static ProjectChanges of(
      ReportModel model, BoardView board, Function<String, String> projectName) {
    String previous = model.period().previous().label();
    List<MetricRow> rows =
        model.metrics().stream()
            .filter(r -> r.scopeType() == ScopeType.PROJECT)
            .filter(r -> !r.characteristic().equals(Characteristic.ETHNIC_GROUP_BROAD.code()))
            .toList();
    List<String> worse = new ArrayList<>();
    List<String> better = new ArrayList<>();
    // Only the changes the disclosure audit lets a board read (BoardView.changes).
    for (BoardView.Change c : board.changes(model)) {
      MetricRow r = c.now();
      if (BoardPage.isAbsenceSide(r.characteristic(), r.category())) {
        continue;
      }
      (c.worse() ? worse : better).add(sentence(c, previous, projectName));
    }
    return new ProjectChanges(worse, better, underByProject(rows, board));
  }

  /** One change in a sentence: the group, the project, and the status before or now. */
  private static String sentence(
      BoardView.Change c, String previous, Function<String, String> projectName) {
    MetricRow r = c.now();
    String who = Phrases.capitalise(Phrases.people(r.characteristic(), r.category()));
    if (c.worse()) {
      return who
          + " are now under-represented in "
          + projectName.apply(r.scopeId())
          + " (they were "
          + c.before().status().label().toLowerCase(Locale.UK)
          + " in "
          + previous
          + ").";
    }
    return who
        + " are no longer under-represented in "
        + projectName.apply(r.scopeId())
        + " (now "
        + r.status().label().toLowerCase(Locale.UK)
        + ").";
  }

  /** Per project id, its under-represented groups whose status is shown, largest first. */
  private static Map<String, List<String>> underByProject(List<MetricRow> rows, BoardView board) {
    return rows.stream()
        .filter(r -> r.status() == Status.UNDER_REPRESENTED)
        .filter(r -> !BoardPage.isAbsenceSide(r.characteristic(), r.category()))
        .filter(board::isStatusShown)
        .collect(
            Collectors.groupingBy(
                MetricRow::scopeId,
                LinkedHashMap::new,
                Collectors.collectingAndThen(
                    Collectors.toList(),
                    list ->
                        list.stream()
                            .sorted(
                                Comparator.comparing(
                                    (MetricRow r) ->
                                        board.isKnownShown(r)
                                            ? -board.displayed(r).expected()
                                            : 0.0))
                            .map(
                                r ->
                                    label(r)
                                        + (board.isShortfallShown(r)
                                            ? String.format(
                                                Locale.UK,
                                                " (about %d more)",
                                                Math.round(board.displayed(r).shortfall()))
                                            : ""))
                            .toList())));
  }

  /** "Sex: Male". */
  public static String label(MetricRow r) {
    Characteristic c = Characteristic.fromCode(r.characteristic()).orElseThrow();
    return c.label() + ": " + c.category(r.category()).map(Category::label).orElse(r.category());
  }

  /** The projects in the order boards read them: by commissioner, then name. */
  public static List<Project> ordered(List<Project> projects) {
    return projects.stream()
        .sorted(Comparator.comparing(Project::commissioner).thenComparing(Project::projectName))
        .toList();
  }
}
