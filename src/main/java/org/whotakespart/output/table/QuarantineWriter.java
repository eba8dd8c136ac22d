package org.whotakespart.output.table;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.udf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.whotakespart.ingest.RecordColumns;
import org.whotakespart.validate.IdentifierGuard;
import org.whotakespart.validate.RejectReason;
import org.whotakespart.validate.ValidatedColumns;

/**
 * Writes {@code quarantine.csv}: every rejected row with its file, line, reason code, plain reason,
 * detail, and the contract's values as sent, so the person who made the export can find and fix it.
 * Nothing outside the contract's columns is written. Each text cell is {@link #cell cleaned}: a
 * value the anonymisation guard would refuse is withheld with its kind, a long value is cut with a
 * note, and text is made inert for spreadsheets. Written by Spark (the rows stay on the executors)
 * into one file, in file and line order.
 */
public final class QuarantineWriter {
  public static final List<String> LEAD_COLUMNS =
      List.of("source_file", "line_number", "reason_code", "reason", "detail");

  /** The longest value written whole; longer ones are cut, with a note of how much was left out. */
  public static final int MAX_VALUE = 200;

  private QuarantineWriter() {}

  /** The quarantine of a run that rejected nothing: the header alone, as {@link #write} has it. */
  public static void writeEmpty(String file, Configuration conf) {
    List<String> header = new ArrayList<>(LEAD_COLUMNS);
    header.addAll(RecordColumns.CONTRACT);
    try (OutputStream out = HadoopFiles.create(file, conf)) {
      out.write((String.join(",", header) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** A quarantine cell: withheld if it looks like an identifier, cut if long, inert. */
  public static String cell(String value) {
    if (value == null) {
      return null;
    }
    String v = IdentifierGuard.withheld(value);
    if (v.length() > MAX_VALUE) {
      v = v.substring(0, MAX_VALUE) + "... [cut: " + (v.length() - MAX_VALUE) + " more characters]";
    }
    return CsvText.inert(v);
  }

  public static void write(Dataset<Row> validated, String file, Configuration conf) {
    List<Column> kv = new ArrayList<>();
    for (RejectReason r : RejectReason.values()) {
      kv.add(lit(r.code()));
      kv.add(lit(r.plain()));
    }
    UserDefinedFunction clean =
        udf((UDF1<String, String>) QuarantineWriter::cell, DataTypes.StringType);
    List<Column> out = new ArrayList<>();
    out.add(clean.apply(col(RecordColumns.SOURCE_FILE)).as(RecordColumns.SOURCE_FILE));
    out.add(col(RecordColumns.LINE_NUMBER));
    out.add(col(ValidatedColumns.REJECT_REASON).as("reason_code"));
    out.add(
        element_at(map(kv.toArray(new Column[0])), col(ValidatedColumns.REJECT_REASON))
            .as("reason"));
    out.add(clean.apply(col(ValidatedColumns.REJECT_DETAIL)).as("detail"));
    List<String> present = Arrays.asList(validated.columns());
    for (String c : RecordColumns.CONTRACT) {
      // The spelling as sent where it was kept (rejected rows); the code where it was not (a
      // conflict is only found later, between rows that were each fine on their own).
      out.add(
          clean
              .apply(
                  present.contains(ValidatedColumns.code(c))
                      ? coalesce(col(c), col(ValidatedColumns.code(c)))
                      : col(c))
              .as(c));
    }
    String folder = file + ".parts";
    validated
        .filter(col(ValidatedColumns.ROW_STATUS).equalTo(lit(ValidatedColumns.QUARANTINED)))
        .orderBy(col(RecordColumns.SOURCE_FILE), col(RecordColumns.LINE_NUMBER))
        .select(out.toArray(new Column[0]))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("header", true)
        .option("escape", "\"")
        .option("emptyValue", "")
        .csv(folder);
    HadoopFiles.promoteSinglePart(folder, file, conf);
  }
}
