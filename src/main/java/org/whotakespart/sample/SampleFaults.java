package org.whotakespart.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.RecordColumns;

/** A handful of rows wrong in each way the validation catches, as real exports are. */
final class SampleFaults {
  private SampleFaults() {}

  /** Writes the faulty rows for the project's quarter; returns how many rows were written. */
  static long write(
      CSVPrinter out, List<String> columns, SampleProject p, Period quarter, int orgIndex)
      throws IOException {
    String day = quarter.start().plusDays(20).toString();
    List<Map<String, String>> rows = new ArrayList<>();
    String id = String.format(Locale.ROOT, "%s-F%s-", p.id(), quarter.folderName());
    rows.add(fault(id + "1", "P999001", p.id(), "31/02/" + quarter.start().getYear()));
    rows.add(fault(id + "2", "P999002", "UNKNOWN-" + orgIndex, day));
    Map<String, String> badValue = fault(id + "3", "P999003", p.id(), day);
    badValue.put(RecordColumns.SEX, "Fmale");
    rows.add(badValue);
    rows.add(fault(id + "4", "", p.id(), day));
    Map<String, String> original = fault(id + "5", "P999005", p.id(), day);
    rows.add(original);
    rows.add(new HashMap<>(original)); // the same record sent twice: counted once
    Map<String, String> conflict = fault(id + "6", "P999006", p.id(), day);
    rows.add(conflict);
    Map<String, String> changed = new HashMap<>(conflict);
    changed.put(RecordColumns.AGE_BAND, "85_plus");
    rows.add(changed); // the same record_id with different content: both quarantined
    long n = 0;
    for (Map<String, String> r : rows) {
      out.printRecord(columns.stream().map(c -> r.getOrDefault(c, "")).toList());
      n++;
    }
    // A row cut short, as when a line break slips into an export.
    out.printRecord(Arrays.asList(id + "7", "P999007", p.id()));
    return n + 1;
  }

  private static Map<String, String> fault(
      String recordId, String participant, String project, String date) {
    Map<String, String> m = new HashMap<>();
    m.put(RecordColumns.RECORD_ID, recordId);
    m.put(RecordColumns.PARTICIPANT_ID, participant);
    m.put(RecordColumns.PROJECT_ID, project);
    m.put(RecordColumns.ACTIVITY_DATE, date);
    m.put(RecordColumns.AGE_BAND, "45_54");
    m.put(RecordColumns.SEX, "female");
    m.put(RecordColumns.ETHNIC_GROUP, "white_british");
    return m;
  }
}
