package org.whotakespart.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Expands what the user named (files, folders, globs; local paths or Hadoop URIs) into the list of
 * participation files, each once, sorted so that every run reads them in the same order.
 */
public final class InputFiles {
  /** In a folder, the files the contract names: {@code participation*.csv}, at any depth. */
  public static boolean isParticipationFile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("participation") && n.endsWith(".csv");
  }

  private InputFiles() {}

  /** One input file and its size. */
  public record InputFile(String path, long bytes) {}

  public static List<InputFile> expand(List<String> specs, Configuration conf) {
    Set<String> seen = new LinkedHashSet<>();
    List<InputFile> files = new ArrayList<>();
    for (String spec : specs) {
      List<InputFile> found = expandOne(spec, conf);
      if (found.isEmpty()) {
        throw new InputException(
            "records '"
                + spec
                + "': no participation files found; name a"
                + " file, a folder holding participation*.csv files, or a glob such as"
                + " 'exports/*/participation*.csv'");
      }
      for (InputFile f : found) {
        if (seen.add(realPath(f.path()))) {
          files.add(f);
        }
      }
    }
    files.sort(Comparator.comparing(InputFile::path));
    return files;
  }

  private static List<InputFile> expandOne(String spec, Configuration conf) {
    Path path = new Path(spec);
    try {
      FileSystem fs = path.getFileSystem(conf);
      List<InputFile> out = new ArrayList<>();
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null) {
        return out;
      }
      for (FileStatus m : matches) {
        if (m.isDirectory()) {
          addParticipationFiles(fs, m.getPath(), spec, out, new HashSet<>());
        } else {
          out.add(new InputFile(display(spec, m.getPath()), m.getLen()));
        }
      }
      return out;
    } catch (IOException e) {
      throw new InputException(
          "records '"
              + spec
              + "': cannot be listed ("
              + e.getMessage()
              + "); check the path and that its file system is reachable",
          e);
    }
  }

  /**
   * The participation files under {@code dir}, at any depth. Plain listings, not {@code
   * FileSystem.listFiles}: its located statuses ask a local file system for each file's
   * permissions, which Hadoop without its native library does by running {@code ls -ld} once per
   * file and folder (400 processes, about 2 s, for 200 files in 200 folders).
   */
  private static void addParticipationFiles(
      FileSystem fs, Path dir, String spec, List<InputFile> out, Set<String> foldersSeen)
      throws IOException {
    if (!foldersSeen.add(realPath(dir.toUri().toString()))) {
      return; // a folder reached again through a link: a loop, or the same folder twice
    }
    for (FileStatus f : fs.listStatus(dir)) {
      if (f.isDirectory()) {
        addParticipationFiles(fs, f.getPath(), spec, out, foldersSeen);
      } else if (f.isFile() && isParticipationFile(f.getPath().getName())) {
        out.add(new InputFile(display(spec, f.getPath()), f.getLen()));
      }
    }
  }

  /**
   * A local path with its links resolved, so that a file or folder reached by two routes is read
   * once and a link back up the tree is no loop; other paths as they are.
   */
  static String realPath(String path) {
    try {
      URI uri = URI.create(path.startsWith("/") ? "file://" + path : path);
      if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
        return java.nio.file.Path.of(uri.getPath()).toRealPath().toString();
      }
    } catch (IllegalArgumentException | IOException | FileSystemNotFoundException e) {
      // not a local path we can resolve: compare it as it is
    }
    return path;
  }

  /** Local files are named as plain paths (what people recognise); other file systems as URIs. */
  private static String display(String spec, Path p) {
    String uri = p.toUri().toString();
    if ("file".equals(p.toUri().getScheme()) && !spec.startsWith("file:")) {
      return p.toUri().getPath();
    }
    return uri;
  }
}
