package org.whotakespart.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coded record columns that are not characteristics, with their allowed codes (data-contract.md
 * §1). Characteristics carry their own codes in {@link Characteristic}.
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

  /**
   * Where a code sits in its column's list ({@link #codedColumns()}): the small number the counting
   * works with, kept beside each code (data-contract.md §5). Null for a blank value, for {@code
   * prefer_not_to_say} and for anything not in the list.
   */
  public static Integer indexOf(String column, String code) {
    return code == null ? null : INDEX.get(column).get(code);
  }

  private static final Map<String, Map<String, Integer>> INDEX = indices();

  private static Map<String, Map<String, Integer>> indices() {
    Map<String, Map<String, Integer>> index = new HashMap<>();
    codedColumns()
        .forEach(
            (column, codes) -> {
              Map<String, Integer> at = new HashMap<>();
              for (int i = 0; i < codes.size(); i++) {
                at.put(codes.get(i), i);
              }
              index.put(column, Map.copyOf(at));
            });
    return Map.copyOf(index);
  }

  /**
   * A fingerprint of every coded column's list, in order: a history store records it beside each
   * quarter it writes, so that a store written by a version of the tool whose lists differ is read
   * by its codes, never by indices that now mean something else.
   */
  public static String fingerprint() {
    return FINGERPRINT;
  }

  private static final String FINGERPRINT = fingerprintOf(codedColumns());

  static String fingerprintOf(Map<String, List<String>> columns) {
    StringBuilder text = new StringBuilder();
    columns.forEach(
        (column, codes) ->
            text.append(column).append('=').append(String.join(",", codes)).append('\n'));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }

  /** True for the columns where {@code prefer_not_to_say} is an accepted answer. */
  public static boolean acceptsPreferNotToSay(String column) {
    return Characteristic.fromCode(column).isPresent()
        || column.equals("imd_decile")
        || column.equals("communication_needs");
  }
}
