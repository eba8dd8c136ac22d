package org.whotakespart.store;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.whotakespart.config.JobConfig;
import org.whotakespart.job.IngestJob;
import org.whotakespart.job.Progress;
import org.whotakespart.job.SparkSessions;

/**
 * Test only: an ingest whose process is killed (halted, as by {@code kill -9}) inside its MERGE,
 * before Delta's commit. {@code KilledIngest RECORDS PROJECTS STORE RECORD_ID}: the process dies
 * when a task reaches RECORD_ID as the MERGE reads its source. (Reading the source twice instead,
 * to die in the writing pass, is refused by Delta: the checked rows are cached.)
 */
public final class KilledIngest {
  static final AtomicInteger SEEN = new AtomicInteger();

  private KilledIngest() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSessions.create("local[1]");
    String victim = args[3];
    IngestJob.Hooks kill =
        new IngestJob.Hooks(
            rows ->
                rows.map(
                    (MapFunction<Row, Row>)
                        r -> {
                          if (victim.equals(r.getAs("record_id")) && SEEN.incrementAndGet() == 1) {
                            Runtime.getRuntime().halt(137);
                          }
                          return r;
                        },
                    Encoders.row(rows.schema())));
    IngestJob.run(
        JobConfig.builder()
            .records(List.of(args[0]))
            .projects(args[1])
            .store(args[2])
            .buildForIngest(),
        spark,
        Progress.silent(),
        kill);
    System.exit(0);
  }
}
