package org.whotakespart.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentifierGuardTest {
  @Test
  void eachKindIsNamed() {
    assertEquals(Optional.of("an e-mail address"), IdentifierGuard.kindOf(" jane.doe@example.org "));
    assertEquals(Optional.of("an NHS number"), IdentifierGuard.kindOf("943 476 5919"));
    assertEquals(Optional.of("a UK phone number"), IdentifierGuard.kindOf("07700 900123"));
    assertEquals(Optional.of("a full UK postcode"), IdentifierGuard.kindOf("S1 2HE"));
    assertEquals(Optional.empty(), IdentifierGuard.kindOf("943 476 5918"), "fails the NHS check");
    assertEquals(Optional.empty(), IdentifierGuard.kindOf("PRJ-0001"));
    assertEquals(Optional.empty(), IdentifierGuard.kindOf("p-1234567"));
  }
}
