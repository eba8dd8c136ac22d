package org.whotakespart.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A Delta table's commits as {@code DESCRIBE HISTORY} gives them (version, time, operation, user
 * metadata, operation metrics), read from the commit files of its {@code _delta_log} on the driver.
 * Delta's own history plans a query and runs a Spark job for it (about 2.5 s of a 17 s run of the
 * benchmark's metrics from the sample's store); this reads the same small files directly (one
 * listing, then the first line of each commit file that holds its {@code commitInfo}). Like Delta's
 * history, it sees the commits whose files the log still keeps.
 */
final class DeltaCommits {
  /** One commit, as its {@code commitInfo} says. */
  record Entry(
      long version,
      Instant at,
      String operation,
      String userMetadata,
      Map<String, String> metrics) {}

  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeltaCommits() {}

  /** The commits of the table at {@code table}, oldest first; none when it has no log. */
  static List<Entry> read(String table, Configuration conf) {
    List<Entry> out = new ArrayList<>();
    try {
      for (FileStatus f : commitFiles(table, conf)) {
        out.add(entry(f.getPath().getFileSystem(conf), f));
      }
    } catch (IOException e) {
      throw cannotRead(table, e);
    }
    out.sort(Comparator.comparingLong(Entry::version));
    return List.copyOf(out);
  }

  /** The latest version of the table at {@code table}, or -1 when it has no commit. */
  static long latest(String table, Configuration conf) {
    FileStatus newest = newestFile(table, conf);
    return newest == null ? -1 : version(newest);
  }

  /** The latest commit of the table at {@code table}, or null when it has none. */
  static Entry newest(String table, Configuration conf) {
    FileStatus newest = newestFile(table, conf);
    if (newest == null) {
      return null;
    }
    try {
      return entry(newest.getPath().getFileSystem(conf), newest);
    } catch (IOException e) {
      throw cannotRead(table, e);
    }
  }

  private static FileStatus newestFile(String table, Configuration conf) {
    FileStatus newest = null;
    for (FileStatus f : commitFiles(table, conf)) {
      if (newest == null || version(f) > version(newest)) {
        newest = f;
      }
    }
    return newest;
  }

  /** The commit files of the table's log, in no order; none when it has no log. */
  private static FileStatus[] commitFiles(String table, Configuration conf) {
    Path log = new Path(table, "_delta_log");
    try {
      return log.getFileSystem(conf)
          .listStatus(log, p -> COMMIT_FILE.matcher(p.getName()).matches());
    } catch (FileNotFoundException e) {
      return new FileStatus[0];
    } catch (IOException e) {
      throw cannotRead(table, e);
    }
  }

  private static StoreException cannotRead(String table, IOException e) {
    return new StoreException(
        "cannot read the history of the Delta table at " + table + ": " + e.getMessage(), e);
  }

  private static long version(FileStatus f) {
    return Long.parseLong(f.getPath().getName().substring(0, 20));
  }

  private static Entry entry(FileSystem fs, FileStatus f) throws IOException {
    long version = version(f);
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.startsWith("{\"commitInfo\"")) {
          continue;
        }
        JsonNode c = JSON.readTree(line).path("commitInfo");
        // Delta's history gives the in-commit timestamp where the table keeps one, else the time
        // the commit file was written.
        long millis =
            c.hasNonNull("inCommitTimestamp")
                ? c.get("inCommitTimestamp").asLong()
                : f.getModificationTime();
        Map<String, String> metrics = new TreeMap<>();
        c.path("operationMetrics")
            .fields()
            .forEachRemaining(m -> metrics.put(m.getKey(), m.getValue().asText()));
        return new Entry(
            version,
            Instant.ofEpochMilli(millis),
            c.path("operation").asText(null),
            c.hasNonNull("userMetadata") ? c.get("userMetadata").asText() : null,
            Map.copyOf(metrics));
      }
    }
    // A writer that keeps no commitInfo: Delta's history shows such a commit with no details.
    return new Entry(version, Instant.ofEpochMilli(f.getModificationTime()), null, null, Map.of());
  }
}
