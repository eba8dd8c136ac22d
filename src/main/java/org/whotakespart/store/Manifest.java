package org.whotakespart.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a history store holds at one commit: each quarter's data folder and row count, and each
 * source file whose records are in it, with what happened to its rows when it was ingested.
 *
 * <p>A manifest is a small tab-separated text file, {@code _manifests/<ingest>.tsv}. The store's
 * current state is the manifest with the highest number; a commit writes the next one aside and
 * renames it into place, so a reader sees the old state or the new one, never half of one.
 */
public record Manifest(long ingest, String committedAt, List<Partition> partitions,
    List<SourceFile> files) {
  static final String HEADER = "# Who Takes Part history store manifest, version 1";
  static final String END = "end";

  /**
   * One quarter of records: the folder (relative to the store) holding its Parquet files, and the
   * {@link org.whotakespart.config.Vocabulary#fingerprint() fingerprint} of the code lists its
   * {@code index_<column>} values follow ("" for a quarter written before indices were stored).
   */
  public record Partition(String period, LocalDate start, LocalDate endExclusive, String folder,
      long rows, String vocabulary) {
    boolean overlaps(LocalDate from, LocalDate toExclusive) {
      return start.isBefore(toExclusive) && endExclusive.isAfter(from);
    }
  }

  /** A file whose accepted records are in the store, as it was when last ingested. */
  public record SourceFile(String path, long ingest, long bytes, String sha256, long read,
      long accepted, long quarantined, long duplicates) {}

  /** The empty store, before the first ingest. */
  public static Manifest empty() {
    return new Manifest(0, "", List.of(), List.of());
  }

  public long rows() {
    return partitions.stream().mapToLong(Partition::rows).sum();
  }

  void write(Path file, FileSystem fs) throws IOException {
    try (Writer w = new OutputStreamWriter(fs.create(file, false), StandardCharsets.UTF_8)) {
      w.write(HEADER + "\n");
      w.write("ingest\t" + ingest + "\t" + committedAt + "\n");
      for (Partition p : partitions) {
        w.write(String.join("\t", "partition", p.period(), p.start().toString(),
            p.endExclusive().toString(), p.folder(), Long.toString(p.rows()), p.vocabulary())
            + "\n");
      }
      for (SourceFile f : files) {
        w.write(String.join("\t", "file", clean(f.path()), Long.toString(f.ingest()),
            Long.toString(f.bytes()), f.sha256(), Long.toString(f.read()),
            Long.toString(f.accepted()), Long.toString(f.quarantined()),
            Long.toString(f.duplicates())) + "\n");
      }
      w.write(END + "\n");
    }
  }

  static Manifest read(Path file, FileSystem fs) {
    try (FSDataInputStream in = fs.open(file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String first = r.readLine();
      if (!HEADER.equals(first)) {
        throw corrupt(file, "it does not start with the manifest header");
      }
      long ingest = -1;
      String at = "";
      List<Partition> partitions = new ArrayList<>();
      List<SourceFile> files = new ArrayList<>();
      boolean ended = false;
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "ingest" -> {
            ingest = Long.parseLong(f[1]);
            at = f[2];
          }
          // A seventh field, the vocabulary, came later: older manifests have six.
          case "partition" -> partitions.add(new Partition(f[1], LocalDate.parse(f[2]),
              LocalDate.parse(f[3]), f[4], Long.parseLong(f[5]), f.length > 6 ? f[6] : ""));
          case "file" -> files.add(new SourceFile(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]),
              f[4], Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]),
              Long.parseLong(f[8])));
          case END -> ended = true;
          default -> throw corrupt(file, "it has a line of unknown kind '" + f[0] + "'");
        }
      }
      if (!ended || ingest < 0) {
        throw corrupt(file, "it is incomplete");
      }
      return new Manifest(ingest, at, List.copyOf(partitions), List.copyOf(files));
    } catch (IOException | RuntimeException e) {
      if (e instanceof StoreException s) {
        throw s;
      }
      throw new StoreException("cannot read the store's manifest " + file + ": " + e.getMessage()
          + "; it may have been edited by hand. Restore it from a backup, or ingest into a new"
          + " store", e);
    }
  }

  private static StoreException corrupt(Path file, String what) {
    return new StoreException("the store's manifest " + file + " is not usable: " + what
        + ". Restore it from a backup, or ingest into a new store", null);
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ');
  }

  static String name(long ingest) {
    return String.format(Locale.ROOT, "%08d.tsv", ingest);
  }
}
