package org.whotakespart.baseline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.InputException;

/**
 * Output-area Census tables (Parquet) summed to their MSOA, for the characteristics no MSOA table
 * has.
 */
final class OutputAreas {
  private OutputAreas() {}

  /**
   * A characteristic from an output-area Parquet file (columns {@code OA} and the table's cells),
   * summed to each MSOA. An output area the hierarchy does not place stops the import: its people
   * would silently be lost.
   */
  static List<BaselineRow> sum(
      String file,
      Configuration conf,
      Characteristic c,
      List<String> columns,
      String source,
      Map<String, String> msoaOf,
      Map<String, String> names) {
    Map<String, long[]> sums = new TreeMap<>();
    try (ParquetReader<Group> r =
        ParquetReader.builder(new GroupReadSupport(), new Path(file)).withConf(conf).build()) {
      Group g;
      long row = 0;
      while ((g = r.read()) != null) {
        row++;
        String oa = g.getValueToString(g.getType().getFieldIndex("OA"), 0);
        String msoa = msoaOf.get(oa);
        if (msoa == null) {
          throw new InputException(
              file
                  + " row "
                  + row
                  + ": an output area is not in the TS008 hierarchy; use the TS008 file that"
                  + " covers the same areas");
        }
        long[] s = sums.computeIfAbsent(msoa, k -> new long[columns.size()]);
        for (int i = 0; i < columns.size(); i++) {
          String v = g.getValueToString(g.getType().getFieldIndex(columns.get(i)), 0);
          double d = Double.parseDouble(v);
          if (d < 0 || d != Math.rint(d)) {
            throw new InputException(
                file + " row " + row + ": column " + columns.get(i) + " is not a whole number");
          }
          s[i] += (long) d;
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InputException ie) {
        throw ie;
      }
      throw new InputException(
          file
              + ": cannot read it as the output-area Parquet file with columns OA and "
              + String.join(", ", columns)
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    }
    List<String> codes = c.categoryCodes();
    List<BaselineRow> rows = new ArrayList<>();
    sums.forEach(
        (msoa, s) -> {
          for (int i = 0; i < codes.size(); i++) {
            rows.add(
                MsoaImporter.row(
                    msoa, names.getOrDefault(msoa, msoa), c, codes.get(i), 0, s[i], source));
          }
        });
    return rows;
  }
}
