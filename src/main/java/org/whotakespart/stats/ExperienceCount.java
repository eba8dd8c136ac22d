package org.whotakespart.stats;

import static org.apache.spark.sql.functions.expr;

import java.util.Locale;
import org.apache.spark.sql.Column;

/**
 * How many people of one project and group (a characteristic's category, or unknown) had each
 * experience in a quarter, counted in the same pass as {@link CategoryCount}. A person is counted
 * once per project; what their activities in the quarter say is read as follows:
 *
 * <ul>
 *   <li>stage: they took part in at least one activity at that stage; known when any activity has a
 *       stage;
 *   <li>paid: at least one activity was paid or reimbursed; known when any activity says yes or no;
 *   <li>adjustments met: every activity where they asked for adjustments and the answer is recorded
 *       had them met; known when they asked at least once and the answer is recorded;
 *   <li>deprivation: their latest recorded IMD decile is 1 or 2 (most deprived 20% of areas), or 1
 *       (10%); known when a decile is recorded;
 *   <li>retained: they took part in the same project in the next quarter (so this count, made in
 *       one quarter, is the retention of the next).
 * </ul>
 *
 * @param counts people with each {@link Flag}, by the flag's ordinal
 */
public record ExperienceCount(
    String projectId, String characteristic, Integer categoryIndex, long people, long[] counts) {

  /**
   * A per-person yes/no read from the per-person columns of {@link PeopleCounts#perPerson(int)}.
   */
  public enum Flag {
    DESIGN("(coalesce(" + CountColumns.STAGES + ", 0) & 1) <> 0"),
    DELIVERY("(coalesce(" + CountColumns.STAGES + ", 0) & 2) <> 0"),
    EVALUATION("(coalesce(" + CountColumns.STAGES + ", 0) & 4) <> 0"),
    STAGE_KNOWN(CountColumns.STAGES + " is not null"),
    PAID("(coalesce(" + CountColumns.PAID + ", 0) & 2) <> 0"),
    PAID_KNOWN(CountColumns.PAID + " is not null"),
    MET("coalesce(" + CountColumns.ADJUSTMENTS + ", 0) = 2"),
    MET_KNOWN(CountColumns.ADJUSTMENTS + " is not null"),
    MOST_DEPRIVED_20("coalesce(pmod(" + CountColumns.DECILE + ", 64), 99) <= 2"),
    MOST_DEPRIVED_10("coalesce(pmod(" + CountColumns.DECILE + ", 64), 99) = 1"),
    DECILE_KNOWN(CountColumns.DECILE + " is not null"),
    RETAINED(CountColumns.ACTIVE_NEXT);

    private final String sql;

    Flag(String sql) {
      this.sql = sql;
    }

    /** True for a person with this experience. */
    Column of() {
      return expr(sql);
    }

    /** The column of the per-category count. */
    public String column() {
      return "n_" + name().toLowerCase(Locale.ROOT);
    }
  }

  public long get(Flag f) {
    return counts[f.ordinal()];
  }
}
