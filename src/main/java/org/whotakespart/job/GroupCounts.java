package org.whotakespart.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.whotakespart.stats.CountColumns;
import org.whotakespart.stats.ExperienceCount;
import org.whotakespart.stats.PeopleCounts;

/**
 * The counted groups ({@link PeopleCounts#perCategory(boolean)}) brought to the driver in one Spark
 * job: each part is packed into bytes where it was counted (numbers as variable-length integers,
 * each name once per part), and unpacked on the driver a group at a time.
 *
 * <p>Read with {@code toLocalIterator}, the million groups of 10 M records took one Spark job per
 * part, one after another: the last step of the count ran on one core while the other waited.
 */
final class GroupCounts {
  private GroupCounts() {}

  /**
   * One counted group: a project's people in a quarter (its index in the quarters counted) with a
   * characteristic's category (null: unknown), age band and sex (null: not known), and how many of
   * them had each experience ({@link ExperienceCount.Flag} order).
   */
  record Group(
      int period,
      String project,
      String characteristic,
      Integer category,
      Integer age,
      Integer sex,
      long people,
      long conflicts,
      long[] flags) {}

  /** The groups of {@code perCategory}, packed a part at a time, in one Spark job. */
  static List<byte[]> collect(Dataset<Row> perCategory) {
    Fields at = Fields.of(perCategory.schema());
    MapPartitionsFunction<Row, byte[]> pack = rows -> List.of(pack(rows, at)).iterator();
    return perCategory.mapPartitions(pack, Encoders.BINARY()).collectAsList();
  }

  /** Each group of the packed parts, in the order they were packed. */
  static void forEach(List<byte[]> parts, Consumer<Group> each) {
    for (byte[] part : parts) {
      unpack(part, each);
    }
  }

  /** The rows of one part as bytes. */
  static byte[] pack(Iterator<Row> rows, Fields at) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Map<String, Integer> names = new HashMap<>();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      while (rows.hasNext()) {
        Row r = rows.next();
        out.writeBoolean(true);
        writeNumber(out, r.getInt(at.period()));
        writeName(out, names, r.getString(at.project()));
        writeName(out, names, r.getString(at.characteristic()));
        writeMaybe(out, r, at.category());
        writeMaybe(out, r, at.age());
        writeMaybe(out, r, at.sex());
        writeNumber(out, r.getLong(at.people()));
        writeNumber(out, r.getLong(at.conflicts()));
        for (int f : at.flags()) {
          writeNumber(out, r.getLong(f));
        }
      }
      out.writeBoolean(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Each group of one packed part. */
  static void unpack(byte[] part, Consumer<Group> each) {
    List<String> names = new ArrayList<>();
    int flags = ExperienceCount.Flag.values().length;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(part))) {
      while (in.readBoolean()) {
        int period = (int) readNumber(in);
        String project = readName(in, names);
        String characteristic = readName(in, names);
        Integer category = readMaybe(in);
        Integer age = readMaybe(in);
        Integer sex = readMaybe(in);
        long people = readNumber(in);
        long conflicts = readNumber(in);
        long[] counts = new long[flags];
        for (int i = 0; i < flags; i++) {
          counts[i] = readNumber(in);
        }
        each.accept(
            new Group(
                period, project, characteristic, category, age, sex, people, conflicts, counts));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A name: its number in the part if written before, else the name itself after a 0. */
  private static void writeName(DataOutputStream out, Map<String, Integer> names, String name)
      throws IOException {
    Integer seen = names.get(name);
    if (seen != null) {
      writeNumber(out, seen + 1L);
      return;
    }
    names.put(name, names.size());
    writeNumber(out, 0);
    out.writeUTF(name);
  }

  private static String readName(DataInputStream in, List<String> names) throws IOException {
    long n = readNumber(in);
    if (n > 0) {
      return names.get((int) (n - 1));
    }
    String name = in.readUTF();
    names.add(name);
    return name;
  }

  /** A null or non-negative int: 0 for null, else one more than the value. */
  private static void writeMaybe(DataOutputStream out, Row r, int field) throws IOException {
    writeNumber(out, r.isNullAt(field) ? 0 : r.getInt(field) + 1L);
  }

  private static Integer readMaybe(DataInputStream in) throws IOException {
    long n = readNumber(in);
    return n == 0 ? null : (int) (n - 1);
  }

  /** A non-negative number in 7-bit groups, lowest first; the top bit says more follow. */
  static void writeNumber(DataOutputStream out, long n) throws IOException {
    if (n < 0) {
      throw new IllegalArgumentException("a count or index below 0: " + n);
    }
    while (n >= 0x80) {
      out.writeByte((int) (n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.writeByte((int) n);
  }

  static long readNumber(DataInputStream in) throws IOException {
    long n = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.readUnsignedByte();
      n |= (long) (b & 0x7f) << shift;
      if (b < 0x80) {
        return n;
      }
    }
  }

  /**
   * Where each value is in a row of {@link PeopleCounts#perCategory(boolean)}, found once: read by
   * name, the million rows of 10 M records took a look-up by name for every value.
   */
  record Fields(
      int period,
      int project,
      int characteristic,
      int category,
      int people,
      int conflicts,
      int age,
      int sex,
      int[] flags)
      implements Serializable {
    static Fields of(StructType schema) {
      ExperienceCount.Flag[] all = ExperienceCount.Flag.values();
      int[] flags = new int[all.length];
      for (ExperienceCount.Flag f : all) {
        flags[f.ordinal()] = schema.fieldIndex(f.column());
      }
      return new Fields(
          schema.fieldIndex(CountColumns.PERIOD_INDEX),
          schema.fieldIndex(CountColumns.PROJECT_ID),
          schema.fieldIndex(CountColumns.CHARACTERISTIC),
          schema.fieldIndex(CountColumns.CATEGORY_INDEX),
          schema.fieldIndex(CountColumns.PEOPLE),
          schema.fieldIndex(CountColumns.CONFLICTS),
          schema.fieldIndex(CountColumns.AGE_INDEX),
          schema.fieldIndex(CountColumns.SEX_INDEX),
          flags);
    }
  }
}
