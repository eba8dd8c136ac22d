package org.whotakespart.validate;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.whotakespart.config.Vocabulary;

/**
 * Maps the spellings real exports use to the contract's codes, per column. Keys are compared after
 * {@link #normalise}: case, spaces, hyphens and punctuation do not matter ("White - British",
 * "white british" and "WHITE_BRITISH" are one key). A value with no entry is never guessed.
 */
public final class Aliases implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, Map<String, String>> byColumn;

  private Aliases(Map<String, Map<String, String>> byColumn) {
    this.byColumn = byColumn;
  }

  /** The contract's own codes, {@code prefer_not_to_say} where it is allowed, and common spellings. */
  public static Aliases defaults() {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : Vocabulary.codedColumns().entrySet()) {
      Map<String, String> codes = new HashMap<>();
      for (String code : e.getValue()) {
        codes.put(normalise(code), code);
      }
      if (Vocabulary.acceptsPreferNotToSay(e.getKey())) {
        codes.put(normalise(Vocabulary.PREFER_NOT_TO_SAY), Vocabulary.PREFER_NOT_TO_SAY);
      }
      m.put(e.getKey(), codes);
    }
    m.get("sex").put("f", "female");
    m.get("sex").put("m", "male");
    for (String yesNo : List.of("unpaid_carer", "paid", "adjustments_requested", "adjustments_met")) {
      m.get(yesNo).put("y", "yes");
      m.get(yesNo).put("n", "no");
    }
    return new Aliases(m);
  }

  /** Lower case, every run of characters other than letters and digits made one underscore. */
  public static String normalise(String value) {
    return value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_")
        .replaceAll("^_+|_+$", "");
  }

  /** Normalised spelling to code, for one column. */
  public Map<String, String> forColumn(String column) {
    return byColumn.getOrDefault(column, Map.of());
  }

  public List<String> columns() {
    return List.copyOf(byColumn.keySet());
  }
}
