package org.whotakespart.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentifierGuardTest {
  @Test
  void eachKindIsNamed() {
    assertEquals(
        Optional.of("an e-mail address"), IdentifierGuard.kindOf(" jane.doe@example.org "));
    assertEquals(Optional.of("an NHS number"), IdentifierGuard.kindOf("943 476 5919"));
    assertEquals(Optional.of("a UK phone number"), IdentifierGuard.kindOf("07700 900123"));
    assertEquals(Optional.of("a full UK postcode"), IdentifierGuard.kindOf("S1 2HE"));
    assertEquals(Optional.empty(), IdentifierGuard.kindOf("943 476 5918"), "fails the NHS check");
    assertEquals(Optional.empty(), IdentifierGuard.kindOf("PRJ-0001"));
    assertEquals(Optional.empty(), IdentifierGuard.kindOf("p-1234567"));
  }

  @Test
  void identifiersInsideLongerTextAreFoundButIdsWithDigitsAreNot() {
    assertEquals(
        Optional.of("a UK phone number"), IdentifierGuard.kindOf("Tel 07700 900789 (daughter)"));
    assertEquals(
        Optional.of("a UK phone number"), IdentifierGuard.kindOf("2025-07-01 07700 900789"));
    assertEquals(
        Optional.of("a UK phone number"), IdentifierGuard.kindOf("ring +44 114 496 0000 pm"));
    assertEquals(Optional.of("an NHS number"), IdentifierGuard.kindOf("nhs 943 476 5919 on file"));
    assertEquals(Optional.of("an NHS number"), IdentifierGuard.kindOf("nhs:9434765919"));
    assertEquals(Optional.of("a full UK postcode"), IdentifierGuard.kindOf("lives at S1 2HE now"));
    assertEquals(
        Optional.of("an e-mail address"), IdentifierGuard.kindOf("mail kim.o@example.org"));
    // Ten digits that pass the NHS check only by chance, in the scale generator's record ids.
    assertEquals(Optional.empty(), IdentifierGuard.kindOf("PRJ-0001-2025-26-Q1-752"));
    // Digits joined by hyphens into a code are no phone number ("0100-2023-24" reads as 01002
    // 023 24 otherwise), but a number written with hyphens in a sentence still is.
    assertEquals(Optional.empty(), IdentifierGuard.kindOf("PRJ-0100-2023-24-Q3-0"));
    assertEquals(Optional.of("a UK phone number"), IdentifierGuard.kindOf("call 0114-496-0000 pm"));
    assertEquals(Optional.empty(), IdentifierGuard.kindOf("2025-07-01"));
    assertEquals(Optional.empty(), IdentifierGuard.kindOf("age 16 to 24, 3 sessions"));
  }

  @Test
  void columnNamesInTheirCommonSpellings() {
    for (String c :
        new String[] {
          "Client Name",
          "Participant Name",
          "Tel No",
          "Tel.",
          "Contact number",
          "Mobile",
          "E-mail",
          "Post Code",
          "D.O.B.",
          "Date of birth",
          "NHS No",
          "Surname",
          "Address line 1",
          "MRN"
        }) {
      org.junit.jupiter.api.Assertions.assertTrue(IdentifierGuard.isIdentifierColumn(c), c);
    }
    for (String c :
        new String[] {
          "project_name", "venue", "notes", "organisation name", "stage", "Team Name", "telemetry"
        }) {
      assertFalse(IdentifierGuard.isIdentifierColumn(c), c);
    }
  }
}
