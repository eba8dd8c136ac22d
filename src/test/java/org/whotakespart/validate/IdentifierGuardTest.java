package org.whotakespart.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
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

  /** The regular expressions the quick checks replace, as the contract's rules state them. */
  private static final Pattern PHONE = Pattern.compile("^(\\+44|0044|0)[1-9][0-9]{8,9}$");

  private static final Pattern TEN_DIGITS = Pattern.compile("^[0-9]{10}$");
  private static final String POSTCODE_BODY =
      "(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNP-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})";
  private static final Pattern POSTCODE = Pattern.compile("^(?i)" + POSTCODE_BODY + "$");
  private static final Pattern POSTCODE_IN_TEXT =
      Pattern.compile("(?i)(?<![A-Za-z0-9])" + POSTCODE_BODY + "(?![A-Za-z0-9])");

  @Test
  void theQuickChecksGiveThePatternsAnswers() {
    // Strings of the characters that matter to the patterns, many of them near misses.
    String alphabet = "0123456789012345678944 ().-+ABDGIRSWXaqz\n";
    SplittableRandom random = new SplittableRandom(7);
    int phones = 0;
    for (int i = 0; i < 300_000; i++) {
      StringBuilder b = new StringBuilder();
      if (random.nextInt(3) == 0) {
        b.append(new String[] {"+44", "0044", "0", "07", "44"}[random.nextInt(5)]);
      }
      int length = random.nextInt(15);
      for (int k = 0; k < length; k++) {
        b.append(
            random.nextInt(4) == 0
                ? alphabet.charAt(random.nextInt(alphabet.length()))
                : (char) ('0' + random.nextInt(10)));
      }
      String v = b.toString();
      assertEquals(v.replaceAll("[ ().-]", ""), IdentifierGuard.withoutSeparators(v), v);
      assertEquals(TEN_DIGITS.matcher(v).matches(), IdentifierGuard.isTenDigits(v), v);
      assertEquals(PHONE.matcher(v).matches(), IdentifierGuard.isPhone(v), v);
      phones += PHONE.matcher(v).matches() ? 1 : 0;
      if (POSTCODE.matcher(v).matches()) {
        assertTrue(IdentifierGuard.endsAsAPostcode(v), v);
      }
      if (POSTCODE_IN_TEXT.matcher(v).find()) {
        assertTrue(IdentifierGuard.hasAPostcodeEnd(v), v);
      }
    }
    assertTrue(phones > 1_000, "too few phone numbers among the strings tried: " + phones);
  }

  @Test
  void everyShapeOfPostcodePassesTheQuickChecks() {
    String[] shapes = {
      "A9 9AA", "A99 9AA", "A9A 9AA", "AA9 9AA", "AA99 9AA", "AA9A 9AA", "GIR 0AA"
    };
    SplittableRandom random = new SplittableRandom(11);
    int postcodes = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (char c : shapes[random.nextInt(shapes.length)].toCharArray()) {
        char d =
            c == 'A'
                ? (char) ((random.nextBoolean() ? 'A' : 'a') + random.nextInt(26))
                : c == '9' ? (char) ('0' + random.nextInt(10)) : c;
        if (c != ' ' || random.nextBoolean()) {
          b.append(d);
        }
      }
      String postcode = b.toString();
      String text = "lives at " + postcode + ", flat 2";
      if (POSTCODE.matcher(postcode).matches()) {
        postcodes++;
        assertTrue(IdentifierGuard.endsAsAPostcode(postcode), postcode);
        assertTrue(IdentifierGuard.hasAPostcodeEnd(text), text);
        assertEquals(Optional.of("a full UK postcode"), IdentifierGuard.kindOf(postcode), postcode);
      }
      if (POSTCODE_IN_TEXT.matcher(text).find()) {
        assertTrue(IdentifierGuard.hasAPostcodeEnd(text), text);
      }
    }
    assertTrue(postcodes > 2_000, "too few postcodes among the strings made: " + postcodes);
  }
}
