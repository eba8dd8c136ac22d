package org.whotakespart.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path dir;

  private Path file(String relative, String content) throws IOException {
    Path f = dir.resolve(relative);
    Files.createDirectories(f.getParent());
    Files.writeString(f, content);
    return f;
  }

  private List<String> paths(List<InputFiles.InputFile> files) {
    return files.stream().map(f -> dir.relativize(Path.of(f.path())).toString()).toList();
  }

  @Test
  void aFolderGivesItsParticipationFilesAtAnyDepthSortedWithSizes() throws IOException {
    file("b/deep/er/participation-q2.csv", "12345");
    file("a/Participation-Q1.CSV", "1");
    file("a/notes.txt", "not a record file");
    file("a/projects.csv", "not a record file either");
    file("participation.csv.bak", "a backup");
    Files.createDirectories(dir.resolve("empty/folder"));

    List<InputFiles.InputFile> found =
        InputFiles.expand(List.of(dir.toString()), new Configuration());

    assertEquals(List.of("a/Participation-Q1.CSV", "b/deep/er/participation-q2.csv"), paths(found));
    assertEquals(1, found.get(0).bytes());
    assertEquals(5, found.get(1).bytes());
  }

  @Test
  void filesNamedTwiceOrByAGlobAndAFolderAreReadOnce() throws IOException {
    Path one = file("x/participation-1.csv", "1");
    file("y/participation-2.csv", "22");

    List<InputFiles.InputFile> found =
        InputFiles.expand(
            List.of(
                dir.resolve("*/participation*.csv").toString(),
                one.toString(),
                dir.resolve("x").toString()),
            new Configuration());

    assertEquals(List.of("x/participation-1.csv", "y/participation-2.csv"), paths(found));
  }

  @Test
  void aNameThatFindsNothingSaysWhatToName() throws IOException {
    Files.createDirectories(dir.resolve("nothing-here"));
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                InputFiles.expand(
                    List.of(dir.resolve("nothing-here").toString()), new Configuration()));
    assertTrue(e.getMessage().contains("no participation files found"), e.getMessage());
    assertTrue(e.getMessage().contains("participation*.csv"), e.getMessage());
  }
}
