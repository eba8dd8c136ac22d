package org.whotakespart.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.JobFile;
import org.whotakespart.ingest.ParticipationReader;
import org.whotakespart.ingest.Project;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.ingest.RecordFileParser;
import org.whotakespart.job.Progress;
import org.whotakespart.job.RecordCheck;
import org.whotakespart.job.ReportJob;
import org.whotakespart.job.SparkSessions;
import org.whotakespart.validate.Aliases;
import org.whotakespart.validate.RecordValidation;
import org.whotakespart.validate.RowChecker;
import org.whotakespart.validate.ValidatedColumns;

/**
 * Benchmark only, never a product path: the same report with the checks taken out, to measure what
 * validation costs. Rows are coded (the statistics need codes) and their dates parsed, and nothing
 * else: no reasons, no identifier guard, no duplicates, no quarantine, every row accepted.
 *
 * <p>{@code java -cp ... org.whotakespart.bench.UncheckedReport JOB_FILE RECORDS PROJECTS OUTPUT}
 */
public final class UncheckedReport {
  private UncheckedReport() {}

  public static void main(String[] args) {
    JobConfig.Builder b = JobConfig.builder();
    JobFile.applyTo(java.nio.file.Path.of(args[0]), b);
    JobConfig config = b.records(List.of(args[1])).projects(args[2]).output(args[3]).build();
    SparkSession spark = SparkSessions.create(config.sparkMaster());
    try {
      ReportJob.run(config, spark, new Progress(System.err), UncheckedReport::codeOnly);
    } finally {
      spark.stop();
    }
  }

  static RecordCheck.Checked codeOnly(
      JobConfig config, SparkSession spark, Progress progress, List<Project> projects) {
    ParticipationReader.RecordInput input =
        ParticipationReader.read(spark, config.records(), config.encoding());
    Aliases aliases = Aliases.defaults();
    int values = 4;
    int n = RecordFileParser.SCHEMA.size();
    List<String> coded = RowCheckerColumns.CODED;
    Dataset<Row> checked =
        spark
            .createDataFrame(
                input
                    .rows()
                    .map(
                        in -> {
                          Object[] out = new Object[RowChecker.SCHEMA.size()];
                          for (int i = 0; i < n; i++) {
                            out[i] = in.get(i);
                          }
                          for (int k = 0; k < coded.size(); k++) {
                            String v =
                                in.getString(values + RecordColumns.CONTRACT.indexOf(coded.get(k)));
                            out[n + k] =
                                v == null
                                    ? null
                                    : aliases
                                        .forColumn(coded.get(k))
                                        .get(v.strip().toLowerCase(Locale.ROOT));
                          }
                          String day =
                              in.getString(
                                  values
                                      + RecordColumns.CONTRACT.indexOf(
                                          RecordColumns.ACTIVITY_DATE));
                          try {
                            out[n + coded.size()] =
                                java.sql.Date.valueOf(LocalDate.parse(day.strip()));
                          } catch (RuntimeException e) {
                            out[n + coded.size()] = null;
                          }
                          return RowFactory.create(out);
                        }),
                RowChecker.SCHEMA)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> rows =
        checked
            .withColumn(ValidatedColumns.ROW_STATUS, lit(ValidatedColumns.ACCEPTED))
            .transform(ValidatedColumns.indicesFromCodes());
    Map<String, long[]> byFile = new TreeMap<>();
    for (Row r : checked.groupBy(col(RecordColumns.SOURCE_FILE)).count().collectAsList()) {
      byFile.put(r.getString(0), new long[] {r.getLong(1), 0, 0});
    }
    long all = byFile.values().stream().mapToLong(a -> a[0]).sum();
    progress.step(String.format(Locale.ROOT, "Read %,d rows without checking them", all));
    RecordValidation.Validated v =
        new RecordValidation.Validated(rows, checked, spark.emptyDataFrame());
    return new RecordCheck.Checked(
        v,
        input.files(),
        new RecordCheck.Counts(byFile, Map.of(), all, all, null),
        config.output() + "/" + RecordCheck.QUARANTINE,
        input.checksums());
  }

  /** The coded columns, in the order RowChecker writes their codes. */
  static final class RowCheckerColumns {
    static final List<String> CODED =
        RecordColumns.CONTRACT.stream()
            .filter(
                c ->
                    java.util.Arrays.asList(RowChecker.SCHEMA.fieldNames())
                        .contains(ValidatedColumns.code(c)))
            .toList();
  }
}
