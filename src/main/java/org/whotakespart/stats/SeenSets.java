package org.whotakespart.stats;

import static org.apache.spark.sql.functions.bit_count;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Vocabulary;

/**
 * What a person was seen as, as bits of one {@code long}, so that one {@code bit_or} per person
 * gathers it: the categories of every characteristic they gave ({@link CountColumns#SEEN}, two or
 * more of one characteristic are a conflict), and the role groups they took part in ({@link
 * CountColumns#ROLES}).
 */
final class SeenSets {
  private SeenSets() {}

  /**
   * Where each characteristic's bits start in {@link CountColumns#SEEN}: all the values a person
   * gave, for every characteristic, fit one {@code long} (54 categories), so one {@code bit_or} per
   * person stands for one per characteristic (a third of the aggregates updated per record).
   */
  private static final int[] OFFSET = offsets();

  private static int[] offsets() {
    int[] offset = new int[Characteristic.values().length];
    int next = 0;
    for (Characteristic c : Characteristic.values()) {
      offset[c.ordinal()] = next;
      next += c.categoryCodes().size();
    }
    if (next > Long.SIZE) {
      throw new IllegalStateException(
          "the characteristics have "
              + next
              + " categories; the"
              + " values a person gave are kept in one 64-bit set: give CountColumns.SEEN a second one");
    }
    return offset;
  }

  /**
   * The record's category of every characteristic (from its {@link CountColumns#categoryIndexOf}
   * column), as bits of {@link CountColumns#SEEN}.
   */
  static Column categories() {
    Column seen = lit(0L);
    for (Characteristic c : Characteristic.values()) {
      seen =
          seen.bitwiseOR(
              coalesce(
                  call_function(
                      "shiftleft",
                      lit(1L),
                      col(CountColumns.categoryIndexOf(c)).plus(lit(OFFSET[c.ordinal()]))),
                  lit(0L)));
    }
    return seen;
  }

  /** True when a person's {@link CountColumns#SEEN} holds more than one category of {@code c}. */
  static Column isConflict(Characteristic c) {
    return bit_count(
            shiftright(coalesce(col(CountColumns.SEEN), lit(0L)), OFFSET[c.ordinal()])
                .bitwiseAND(lit((1L << c.categoryCodes().size()) - 1)))
        .gt(lit(1));
  }

  /** The role groups people are counted in: each role, then measured roles, then everyone. */
  static List<String> roleGroups() {
    List<String> groups = new ArrayList<>(Vocabulary.ROLES);
    groups.add(PeopleRow.MEASURED);
    groups.add(PeopleRow.EVERYONE);
    return groups;
  }

  /** A record's role groups as bits, in {@link #roleGroups()} order. */
  static Column roleBits(List<String> groups, Set<String> measuredRoles) {
    // Each role's bit is its index in Vocabulary.ROLES, which begins roleGroups().
    return call_function("shiftleft", lit(1L), PeopleCounts.roleIndex())
        .bitwiseOR(
            when(
                    PeopleCounts.isMeasuredRole(measuredRoles),
                    lit(1L << groups.indexOf(PeopleRow.MEASURED)))
                .otherwise(lit(0L)))
        .bitwiseOR(lit(1L << groups.indexOf(PeopleRow.EVERYONE)));
  }

  /**
   * Per role group, the people whose {@link CountColumns#ROLES} mask has its bit: columns {@link
   * CountColumns#roleCount} 0, 1, ...
   */
  static Column[] roleSums(List<String> groups) {
    Column[] sums = new Column[groups.size()];
    for (int i = 0; i < groups.size(); i++) {
      sums[i] =
          sum(when(col(CountColumns.ROLES).bitwiseAND(lit(1L << i)).notEqual(lit(0L)), 1L)
                  .otherwise(0L))
              .as(CountColumns.roleCount(i));
    }
    return sums;
  }
}
