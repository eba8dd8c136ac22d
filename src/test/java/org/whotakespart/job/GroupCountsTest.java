package org.whotakespart.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.whotakespart.stats.CountColumns;
import org.whotakespart.stats.ExperienceCount;

class GroupCountsTest {
  private static final int FLAGS = ExperienceCount.Flag.values().length;

  /** The columns of a counted group, in an order of their own (read by name, not position). */
  private static final StructType SCHEMA = schema();

  private static StructType schema() {
    StructType s =
        new StructType()
            .add(CountColumns.PEOPLE, "long")
            .add(CountColumns.PROJECT_ID, "string")
            .add(CountColumns.PERIOD_INDEX, "int")
            .add(CountColumns.CATEGORY_INDEX, "int")
            .add(CountColumns.CHARACTERISTIC, "string")
            .add(CountColumns.SEX_INDEX, "int")
            .add(CountColumns.AGE_INDEX, "int")
            .add(CountColumns.CONFLICTS, "long");
    for (ExperienceCount.Flag f : ExperienceCount.Flag.values()) {
      s = s.add(f.column(), "long");
    }
    return s;
  }

  private static Row row(GroupCounts.Group g) {
    Object[] v = new Object[SCHEMA.size()];
    v[SCHEMA.fieldIndex(CountColumns.PEOPLE)] = g.people();
    v[SCHEMA.fieldIndex(CountColumns.PROJECT_ID)] = g.project();
    v[SCHEMA.fieldIndex(CountColumns.PERIOD_INDEX)] = g.period();
    v[SCHEMA.fieldIndex(CountColumns.CATEGORY_INDEX)] = g.category();
    v[SCHEMA.fieldIndex(CountColumns.CHARACTERISTIC)] = g.characteristic();
    v[SCHEMA.fieldIndex(CountColumns.SEX_INDEX)] = g.sex();
    v[SCHEMA.fieldIndex(CountColumns.AGE_INDEX)] = g.age();
    v[SCHEMA.fieldIndex(CountColumns.CONFLICTS)] = g.conflicts();
    for (ExperienceCount.Flag f : ExperienceCount.Flag.values()) {
      v[SCHEMA.fieldIndex(f.column())] = g.flags()[f.ordinal()];
    }
    return new GenericRowWithSchema(v, SCHEMA);
  }

  private static long[] flags(long first) {
    long[] f = new long[FLAGS];
    for (int i = 0; i < FLAGS; i++) {
      f[i] = first + i * 1000L;
    }
    return f;
  }

  private static List<GroupCounts.Group> roundTrip(List<GroupCounts.Group> groups) {
    byte[] packed =
        GroupCounts.pack(
            groups.stream().map(GroupCountsTest::row).iterator(), GroupCounts.Fields.of(SCHEMA));
    List<GroupCounts.Group> back = new ArrayList<>();
    GroupCounts.forEach(List.of(packed), back::add);
    return back;
  }

  @Test
  void everyValueComesBackAsPackedIncludingUnknownsNamesSeenAgainAndLargeCounts() {
    List<GroupCounts.Group> groups =
        List.of(
            new GroupCounts.Group(0, "PRJ-1", "ethnic_group", 3, 5, 1, 12, 2, flags(0)),
            new GroupCounts.Group(8, "PRJ-1", "sex", null, null, null, 0, 0, new long[FLAGS]),
            new GroupCounts.Group(
                1, "Próject \"é\"", "ethnic_group", 63, 0, 0, 3_000_000_000L, 127, flags(128)),
            new GroupCounts.Group(
                2, "PRJ-1", "age_band", 0, 17, 2, Long.MAX_VALUE, 1, flags(Long.MAX_VALUE / 2)));
    List<GroupCounts.Group> back = roundTrip(groups);
    assertEquals(groups.size(), back.size());
    for (int i = 0; i < groups.size(); i++) {
      GroupCounts.Group a = groups.get(i);
      GroupCounts.Group b = back.get(i);
      assertEquals(
          List.of(a.period(), a.project(), a.characteristic(), a.people(), a.conflicts()),
          List.of(b.period(), b.project(), b.characteristic(), b.people(), b.conflicts()));
      assertEquals(a.category(), b.category());
      assertEquals(a.age(), b.age());
      assertEquals(a.sex(), b.sex());
      assertArrayEquals(a.flags(), b.flags());
    }
  }

  @Test
  void anEmptyPartHasNoGroups() {
    assertEquals(List.of(), roundTrip(List.of()));
  }

  @Test
  void partsAreReadInOrderEachWithItsOwnNames() {
    GroupCounts.Fields at = GroupCounts.Fields.of(SCHEMA);
    byte[] a =
        GroupCounts.pack(
            List.of(row(new GroupCounts.Group(0, "A", "sex", 1, 1, 1, 1, 0, flags(0)))).iterator(),
            at);
    byte[] b =
        GroupCounts.pack(
            List.of(row(new GroupCounts.Group(0, "B", "sex", 1, 1, 1, 2, 0, flags(0)))).iterator(),
            at);
    List<String> projects = new ArrayList<>();
    GroupCounts.forEach(List.of(a, b, a), g -> projects.add(g.project() + g.people()));
    assertEquals(List.of("A1", "B2", "A1"), projects);
  }

  @Test
  void numbersTakeOneByteBelow128AndNineAtMost() throws IOException {
    long[] values = {0, 1, 127, 128, 16_383, 16_384, 1L << 35, Long.MAX_VALUE};
    int[] sizes = {1, 1, 1, 2, 2, 3, 6, 9};
    for (int i = 0; i < values.length; i++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        GroupCounts.writeNumber(out, values[i]);
      }
      assertEquals(sizes[i], bytes.size(), "bytes for " + values[i]);
      try (DataInputStream in =
          new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        assertEquals(values[i], GroupCounts.readNumber(in));
      }
    }
    DataOutputStream out = new DataOutputStream(new ByteArrayOutputStream());
    assertThrows(IllegalArgumentException.class, () -> GroupCounts.writeNumber(out, -1));
  }
}
