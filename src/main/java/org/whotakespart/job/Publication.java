package org.whotakespart.job;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Pattern;
import org.whotakespart.output.OutputException;

/**
 * A report is built in a temporary folder beside its target ({@code .<name>.incomplete-<n>}) and
 * moved into place only when complete, so that the target folder never holds a partial report. A
 * run that does not finish leaves no report in the target that is not its own: a previous report
 * there is moved to {@code <name>.previous} beside it, and a refused run leaves only its quarantine
 * ({@code quarantine/}).
 */
final class Publication {
  /** What a report folder may hold; anything else means the folder is not the report's own. */
  private static final Pattern REPORT_ENTRY =
      Pattern.compile(
          "(metrics|trends|equity|tests|people)\\.(csv|parquet)|quarantine(\\.csv)?|charts|split"
              + "|who-takes-part-.*\\.xlsx|README.*|\\..*|.*\\.crc");

  private final String output;
  private final Path target;
  private final Path stage;

  private Publication(String output, Path target, Path stage) {
    this.output = output;
    this.target = target;
    this.stage = stage;
  }

  /**
   * Checks the target (a folder of its own, or not there yet) and makes the temporary folder; a
   * folder that is a file or cannot be written stops the run here, before any work.
   */
  static Publication begin(String output) {
    Path target = Path.of(output).toAbsolutePath().normalize();
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new OutputException(
          output
              + ": is a file, not a folder; choose another --output"
              + " folder, or move the file away. No report was published.");
    }
    Path parent = target.getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new OutputException(
          output
              + ": cannot make the folder "
              + parent
              + " ("
              + reason(e)
              + "); choose an --output folder you can write to. No report was published.",
          e);
    }
    requireReportFolder(output, target);
    Path stage =
        parent.resolve(
            "."
                + target.getFileName()
                + ".incomplete-"
                + ProcessHandle.current().pid()
                + "-"
                + System.nanoTime());
    try {
      Files.createDirectory(stage);
    } catch (IOException e) {
      throw new OutputException(
          output
              + ": cannot write in "
              + parent
              + " ("
              + reason(e)
              + "); choose an --output folder you can write to. No report was published.",
          e);
    }
    return new Publication(output, target, stage);
  }

  /**
   * A folder that is there already holds nothing but a report's files: a report replaces its whole
   * folder.
   */
  private static void requireReportFolder(String output, Path target) {
    if (Files.isDirectory(target)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
        for (Path p : entries) {
          if (!REPORT_ENTRY.matcher(p.getFileName().toString()).matches()) {
            throw new OutputException(
                output
                    + ": the folder holds '"
                    + p.getFileName()
                    + "', which is not part of a report, and a report replaces its whole folder;"
                    + " choose a folder of the report's own (by default reports/<quarter>). No report"
                    + " was published.");
          }
        }
      } catch (IOException e) {
        throw new OutputException(
            output
                + ": cannot read the folder ("
                + reason(e)
                + "); choose"
                + " an --output folder you can write to. No report was published.",
            e);
      }
    }
  }

  /** The temporary folder the report is written into. */
  String stage() {
    return stage.toString();
  }

  /** A path in the temporary folder as it will be once published. */
  String published(String staged) {
    return staged != null && staged.startsWith(stage.toString())
        ? target + staged.substring(stage.toString().length())
        : staged;
  }

  /**
   * Replaces the target with the finished report, without the hidden {@code .crc} checksum files
   * Hadoop's local file system leaves beside what Spark writes and renames.
   */
  void publish() {
    Path old = null;
    try (var walk = Files.walk(stage)) {
      for (Path p : walk.filter(p -> p.getFileName().toString().endsWith(".crc")).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new OutputException(
          output + ": cannot tidy the finished report (" + reason(e) + "); it is in " + stage, e);
    }
    try {
      if (Files.exists(target)) {
        old = target.resolveSibling("." + target.getFileName() + ".replaced-" + System.nanoTime());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(stage, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null && !Files.exists(target)) {
        try {
          Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
          // the message below says where the report is
        }
      }
      throw new OutputException(
          output
              + ": the finished report could not be moved into place ("
              + reason(e)
              + "); it is in "
              + stage,
          e);
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  /**
   * After a run that did not finish: the previous report, if any, is moved to {@code
   * <name>.previous}; with {@code keepQuarantine}, this run's quarantine is put in the target; the
   * temporary folder is removed. Returns what was done, for the console, or null.
   */
  String abandon(boolean keepQuarantine) {
    String note = null;
    try {
      if (Files.isDirectory(target) && !isEmpty(target)) {
        Path previous = target.resolveSibling(target.getFileName() + ".previous");
        deleteTree(previous);
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        note =
            "The previous report in "
                + output
                + " was moved to "
                + previous
                + ", so that nothing in "
                + output
                + " looks current.";
      }
      Path quarantine = stage.resolve("quarantine");
      if (keepQuarantine && Files.isDirectory(quarantine)) {
        Files.deleteIfExists(quarantine.resolve(".quarantine.csv.crc"));
        Files.createDirectories(target);
        Files.move(quarantine, target.resolve("quarantine"), StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      note = "Could not tidy " + output + " (" + reason(e) + ").";
    } finally {
      deleteTree(stage);
    }
    return note;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  private static String reason(IOException e) {
    String plain = OutputException.diskProblem(e);
    return plain != null ? plain : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // best effort: a temporary folder left behind is named .<name>.incomplete-*
    }
  }
}
