package org.whotakespart.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coded record columns that are not characteristics, with their allowed codes
 * (data-contract.md §1). Characteristics carry their own codes in {@link Characteristic}.
 */
public final class Vocabulary {
  /** What a person chose when they did not want to answer: unknown, never a category. */
  public static final String PREFER_NOT_TO_SAY = "prefer_not_to_say";

  public static final String ROLE_LIVED_EXPERIENCE = "lived_experience";

  public static final List<String> ROLES =
      List.of(ROLE_LIVED_EXPERIENCE, "carer", "community_member", "professional", "other");
  public static final List<String> MEASURED_ROLES_DEFAULT =
      List.of(ROLE_LIVED_EXPERIENCE, "carer", "community_member");
  public static final List<String> STAGES = List.of("design", "delivery", "evaluation");
  public static final List<String> COMMUNICATION_NEEDS =
      List.of("none", "bsl", "easy_read", "interpreter", "other");
  public static final List<String> YES_NO = List.of("yes", "no");
  public static final List<String> IMD_DECILES =
      List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

  private Vocabulary() {}

  /** Every coded column of the records, characteristic or not, with its codes in order. */
  public static Map<String, List<String>> codedColumns() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("role", ROLES);
    m.put("stage", STAGES);
    for (Characteristic c : Characteristic.values()) {
      if (c.isRecordColumn()) {
        m.put(c.code(), c.categoryCodes());
      }
    }
    m.put("imd_decile", IMD_DECILES);
    m.put("communication_needs", COMMUNICATION_NEEDS);
    m.put("paid", YES_NO);
    m.put("adjustments_requested", YES_NO);
    m.put("adjustments_met", YES_NO);
    return m;
  }

  /** True for the columns where {@code prefer_not_to_say} is an accepted answer. */
  public static boolean acceptsPreferNotToSay(String column) {
    return Characteristic.fromCode(column).isPresent() || column.equals("imd_decile")
        || column.equals("communication_needs");
  }
}
