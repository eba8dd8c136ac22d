package org.whotakespart.ingest;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.whotakespart.validate.IdentifierGuard;

/**
 * Reads many participation files into one Dataset of {@link RecordFileParser#SCHEMA} rows. Headers
 * are checked on the driver first, so a file missing a required column fails the run at once with
 * the fix, before any work is spread over the cluster.
 */
public final class ParticipationReader {
  private ParticipationReader() {}

  /** What the run learnt about one input file before reading its rows. */
  public record FileInfo(String path, long bytes, boolean empty, List<String> ignoredColumns) {}

  /**
   * The rows of every file (as read, before Spark's columnar form), what was learnt of each file,
   * and each file's SHA-256 once its rows have been read ({@link #checksums()}).
   */
  public record RecordInput(
      JavaRDD<Row> rows, List<FileInfo> files, CollectionAccumulator<String> checksumLines) {
    /** File to SHA-256 (hex), for the files read so far. */
    public Map<String, String> checksums() {
      Map<String, String> m = new TreeMap<>();
      for (String line : checksumLines.value()) {
        String[] p = line.split("\t", 3);
        m.put(p[0], p[1]);
      }
      return m;
    }

    /** File to rows of blank fields only (skipped), for the files read so far. */
    public Map<String, Long> blankRows() {
      Map<String, Long> m = new TreeMap<>();
      for (String line : checksumLines.value()) {
        String[] p = line.split("\t", 3);
        m.put(p[0], p.length > 2 ? Long.parseLong(p[2]) : 0L);
      }
      return m;
    }
  }

  public static RecordInput read(SparkSession spark, List<String> specs, Charset charset) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<InputFiles.InputFile> files = InputFiles.expand(specs, conf);
    List<FileInfo> infos = new ArrayList<>();
    List<String> readable = new ArrayList<>();
    for (InputFiles.InputFile f : files) {
      List<String> header = CsvFiles.readHeader(f.path(), charset, conf);
      if (header.isEmpty()) {
        infos.add(new FileInfo(f.path(), f.bytes(), true, List.of()));
        continue;
      }
      infos.add(new FileInfo(f.path(), f.bytes(), false, checkHeader(f.path(), header)));
      readable.add(f.path());
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.max(1, Math.min(readable.size(), jsc.defaultParallelism() * 4));
    CollectionAccumulator<String> checksums =
        spark.sparkContext().collectionAccumulator("checksums");
    JavaRDD<Row> rows =
        jsc.parallelize(readable, slices)
            .flatMap(new RecordFileParser(charset, new HadoopConf(conf), checksums));
    return new RecordInput(rows, infos, checksums);
  }

  /**
   * Fails on a missing required column or a repeated column, naming the file, what is expected,
   * what was found and the nearest match; returns the columns the contract does not know (ignored).
   */
  public static List<String> checkHeader(String file, List<String> header) {
    IdentifierGuard.checkColumns(file, header);
    Set<String> seen = new HashSet<>();
    for (String h : header) {
      if (!h.isEmpty() && !seen.add(h)) {
        throw new InputException(
            file + ": the column '" + h + "' appears twice in the header;" + " keep one of them");
      }
    }
    List<String> missing = new ArrayList<>();
    for (String required : RecordColumns.REQUIRED) {
      if (!header.contains(required)) {
        missing.add(required);
      }
    }
    List<String> unknown = new ArrayList<>();
    for (String h : header) {
      if (!RecordColumns.CONTRACT.contains(h)) {
        unknown.add(h);
      }
    }
    if (!missing.isEmpty()) {
      throw new InputException(
          file
              + ": missing required column"
              + CsvTable.missingColumns(missing, unknown)
              + "; expected "
              + RecordColumns.REQUIRED
              + " (any order, any case), "
              + IdentifierGuard.describeHeader(header, RecordColumns.CONTRACT));
    }
    return unknown;
  }
}
