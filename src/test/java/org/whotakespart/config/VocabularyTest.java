package org.whotakespart.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  @Test
  void aCodesPlaceIsItsPositionInTheContractsList() {
    assertEquals(0, Vocabulary.indexOf("role", "lived_experience"));
    assertEquals(4, Vocabulary.indexOf("role", "other"));
    assertEquals(9, Vocabulary.indexOf("imd_decile", "10"));
    assertEquals(1, Vocabulary.indexOf("paid", "no"));
    assertEquals(
        Characteristic.ETHNIC_GROUP.categoryCodes().indexOf("white_irish"),
        Vocabulary.indexOf("ethnic_group", "white_irish"));
    assertEquals(null, Vocabulary.indexOf("imd_decile", Vocabulary.PREFER_NOT_TO_SAY));
    assertEquals(null, Vocabulary.indexOf("sex", null));
  }

  @Test
  void theFingerprintChangesWithAnyListOrItsOrder() {
    Map<String, List<String>> lists = Vocabulary.codedColumns();
    assertEquals(Vocabulary.fingerprint(), Vocabulary.fingerprintOf(lists));
    assertEquals(16, Vocabulary.fingerprint().length());

    Map<String, List<String>> reordered = new LinkedHashMap<>(lists);
    reordered.put("paid", List.of("no", "yes"));
    assertNotEquals(Vocabulary.fingerprint(), Vocabulary.fingerprintOf(reordered));

    Map<String, List<String>> added = new LinkedHashMap<>(lists);
    added.put("stage", List.of("design", "delivery", "evaluation", "review"));
    assertNotEquals(Vocabulary.fingerprint(), Vocabulary.fingerprintOf(added));

    // Codes moved from the end of one list to the start of the next are a change too.
    Map<String, List<String>> a = new LinkedHashMap<>();
    a.put("x", List.of("1", "2"));
    a.put("y", List.of("3"));
    Map<String, List<String>> b = new LinkedHashMap<>();
    b.put("x", List.of("1"));
    b.put("y", List.of("2", "3"));
    assertNotEquals(Vocabulary.fingerprintOf(a), Vocabulary.fingerprintOf(b));
  }
}
