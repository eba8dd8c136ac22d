package org.whotakespart.validate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.RecordColumns;

/**
 * The anonymisation guard: inputs must carry no direct identifiers (data-contract.md §1). A column
 * named like one, a header cell that looks like one, or a value in any column (used by the report
 * or not) that holds an e-mail address, a UK phone number, a full UK postcode or a valid NHS number
 * (by its check digit), on its own or inside longer text, stops the run before anything is written.
 * The error names the file, the column and the line, never the value.
 *
 * <p>Column names are compared as letters and digits only, lower case ("Tel. No" is "telno"). Names
 * that say they hold a direct identifier:
 *
 * <ul>
 *   <li>a person's name: name, names, first/last/full/given/family/middle/maiden/preferred name,
 *       forename(s), surname, initials, known as, and any name that ends in "name" (client name,
 *       participant name, patient name...) except the names of things: project, organisation, area,
 *       venue, team, event, activity, site, service, commissioner, trust, group, session, region,
 *       ward, file;
 *   <li>contact details: e-mail / email, phone, telephone, tel, tel no, mobile, contact (contact
 *       number, contact details...), address, postcode / post code, postal code, zip code;
 *   <li>dates of birth: dob, date of birth, birth date, birthday;
 *   <li>national numbers: NHS number / NHS no / NHS id, CHI number, national insurance, NI number,
 *       hospital number, MRN.
 * </ul>
 */
public final class IdentifierGuard {
  /** Column names (letters and digits only, lower case) that hold direct identifiers. */
  private static final Pattern IDENTIFIER_COLUMN =
      Pattern.compile(
          "^(name|names|firstname|firstnames|forename|forenames|lastname|surname|fullname|givenname"
              + "|familyname|middlename|maidenname|preferredname|knownas|initials)$"
              + "|email|phone|mobile|telephone|^tel$|^telno|^telnumber|^tel[0-9]*(home|work|day)?$"
              + "|contact|address|postcode|postalcode|zipcode"
              + "|^dob$|dateofbirth|birthdate|birthday|nhsnumber|nhsno|nhsid|chinumber"
              + "|nationalinsurance|^ninumber$|^nino$|hospitalnumber|hospitalno|^mrn$");

  /** Any column name ending in "name" holds a person's name unless it names a thing. */
  private static final Pattern SOME_NAME = Pattern.compile("names?$");

  private static final Pattern NAME_OF_A_THING =
      Pattern.compile(
          "(project|organisation|organization|org|area|venue|team|event|activity|site|service"
              + "|commissioner|trust|group|session|region|ward|file|la|scheme"
              + "|localauthority|programme|program|course)names?$");

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  private static final String POSTCODE_BODY =
      "(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNP-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})";

  /** A full UK postcode, outward and inward codes (the inward part is what makes it full). */
  private static final Pattern POSTCODE = Pattern.compile("^(?i)" + POSTCODE_BODY + "$");

  /** The same inside longer text, not part of a longer word. */
  private static final Pattern POSTCODE_IN_TEXT =
      Pattern.compile("(?i)(?<![A-Za-z0-9])" + POSTCODE_BODY + "(?![A-Za-z0-9])");

  /**
   * A run of digits with separators inside longer text, not part of a longer word nor joined by a
   * hyphen to one: "PRJ-0100-2023-24-Q3-0" is a code, and its "0100-2023-24" no phone number.
   */
  private static final Pattern NUMBER_RUN =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?<![A-Za-z0-9]-)"
              + "\\+?[0-9][0-9 ().-]{8,24}[0-9](?![A-Za-z0-9])(?!-[A-Za-z0-9])");

  /**
   * The columns whose values are free text in the contract. The rest are codes, and activity_date
   * must be a date of the form YYYY-MM-DD (anything else is quarantined, and so checked as an
   * unmapped value would be).
   */
  static final List<String> FREE_TEXT =
      List.of(RecordColumns.RECORD_ID, RecordColumns.PARTICIPANT_ID, RecordColumns.PROJECT_ID);

  public static final String FOUND = "identifier_found";

  private IdentifierGuard() {}

  /** True when a column's name says it holds a direct identifier. */
  public static boolean isIdentifierColumn(String name) {
    String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return IDENTIFIER_COLUMN.matcher(n).find()
        || (SOME_NAME.matcher(n).find() && !NAME_OF_A_THING.matcher(n).find());
  }

  /**
   * Stops on a column named like an identifier, naming the file and the column, or on a header cell
   * that itself looks like one (naming its position, never its text).
   */
  public static void checkColumns(String file, List<String> header) {
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      Optional<String> kind = kindOf(h);
      if (kind.isPresent()) {
        throw new InputException(
            file
                + ": header cell "
                + (i + 1)
                + " looks like "
                + kind.get()
                + "; inputs must carry no direct identifiers. Correct the header row and send the file"
                + " again. Nothing was written.");
      }
      if (isIdentifierColumn(h)) {
        throw new InputException(
            file
                + ": the column '"
                + h
                + "' looks like a direct identifier;"
                + " inputs must be anonymised at source. Remove the column from the export and send"
                + " it again. Nothing was written.");
      }
    }
  }

  /**
   * What was found in a header row that lacks required columns, for an error message: the cells
   * that are known column names, and how many others there are, never the others' text (the header
   * row may be missing, so that this is a row of data).
   */
  public static String describeHeader(List<String> header, Collection<String> known) {
    List<String> shown = new ArrayList<>();
    for (String h : header) {
      if (known.contains(h)) {
        shown.add(h);
      }
    }
    int others = header.size() - shown.size();
    return "found "
        + header.size()
        + " column"
        + (header.size() == 1 ? "" : "s")
        + (shown.isEmpty()
            ? ", none of them a known column name"
            : ": "
                + shown
                + (others == 0 ? "" : " and " + others + " other" + (others == 1 ? "" : "s")))
        + (shown.size() * 2 < header.size()
            ? " (is the header row missing? Its cells are not"
                + " shown, in case this is a row of data)"
            : "");
  }

  /** What a value looks like, if it holds something that looks like a direct identifier. */
  public static Optional<String> kindOf(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.indexOf('@') >= 0 && EMAIL.matcher(v).find()) {
      return Optional.of("an e-mail address");
    }
    int digits = 0;
    for (int i = 0; i < v.length() && digits < 10; i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    if (digits == 0) {
      return Optional.empty(); // one cheap test clears most values
    }
    if (digits >= 10) {
      Optional<String> number = numberKind(withoutSeparators(v));
      if (number.isPresent()) {
        return number;
      }
      Matcher m = NUMBER_RUN.matcher(v);
      while (m.find()) {
        number = numberInRun(m.group());
        if (number.isPresent()) {
          return number;
        }
      }
    }
    if (v.length() <= 8
        ? endsAsAPostcode(v) && POSTCODE.matcher(v).matches()
        : hasAPostcodeEnd(v) && POSTCODE_IN_TEXT.matcher(v).find()) {
      return Optional.of("a full UK postcode");
    }
    return Optional.empty();
  }

  /*
   * The checks below are plain character tests where regular expressions were (IdentifierGuardTest
   * keeps those and compares the answers): each record's ids (PRJ-0430-2025-26-Q2-0, P4300000083)
   * hold ten digits or more and were read by four of them, about a tenth of the time spent parsing
   * and checking 2 M records. The postcode patterns above still decide; the tests before them
   * only rule out text that cannot hold a postcode.
   */

  /**
   * {@code v} without the separators a number may be written with: spaces, brackets, dots, dashes.
   */
  static String withoutSeparators(String v) {
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c != ' ' && c != '(' && c != ')' && c != '.' && c != '-') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Whether {@code v} ends as every {@link #POSTCODE} does, in a digit and two letters (its inward
   * code): true of every postcode, so false rules one out.
   */
  static boolean endsAsAPostcode(String v) {
    int n = v.length();
    return n >= 5
        && isDigit(v.charAt(n - 3))
        && isLetter(v.charAt(n - 2))
        && isLetter(v.charAt(n - 1));
  }

  /** Whether a digit followed by two letters is anywhere in {@code v}: true of text holding one. */
  static boolean hasAPostcodeEnd(String v) {
    for (int i = 0; i + 2 < v.length(); i++) {
      if (isDigit(v.charAt(i)) && isLetter(v.charAt(i + 1)) && isLetter(v.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static Optional<String> numberKind(String digits) {
    if (isTenDigits(digits) && isValidNhsNumber(digits)) {
      return Optional.of("an NHS number");
    }
    if (isPhone(digits)) {
      return Optional.of("a UK phone number");
    }
    return Optional.empty();
  }

  /** Ten digits and nothing else. */
  static boolean isTenDigits(CharSequence s) {
    return s.length() == 10 && allDigits(s, 0);
  }

  /** A UK number: +44, 0044 or 0, then a digit from 1 to 9 and 8 or 9 more digits. */
  static boolean isPhone(CharSequence s) {
    for (String prefix : PHONE_PREFIXES) {
      int rest = s.length() - prefix.length();
      if ((rest == 9 || rest == 10)
          && startsWith(s, prefix)
          && s.charAt(prefix.length()) != '0'
          && allDigits(s, prefix.length())) {
        return true;
      }
    }
    return false;
  }

  private static final String[] PHONE_PREFIXES = {"+44", "0044", "0"};

  private static boolean startsWith(CharSequence s, String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      if (s.charAt(i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allDigits(CharSequence s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A phone or NHS number within a run of digit groups ("2025-07-01 07700 900789"): each group
   * boundary is tried as a start, and each later boundary as an end. Inside text, an NHS number
   * counts only as written (ten digits together, or 3, 3 and 4): ids such as "PRJ-0001-2025-26-Q1"
   * hold ten digits that pass the check by chance (1 in 11).
   */
  private static Optional<String> numberInRun(String run) {
    String[] groups = run.split("[ ().-]+");
    for (int s = 0; s < groups.length; s++) {
      StringBuilder b = new StringBuilder();
      for (int e = s; e < groups.length && b.length() < 14; e++) {
        b.append(groups[e]);
        if (b.length() >= 10) {
          Optional<String> k = numberKind(b.toString());
          if (k.isPresent()
              && k.get().equals("an NHS number")
              && !(e == s
                  || e == s + 2 && groups[s].length() == 3 && groups[s + 1].length() == 3)) {
            k = isPhone(b) ? Optional.of("a UK phone number") : Optional.empty();
          }
          if (k.isPresent()) {
            return k;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The NHS modulus 11 check: weights 10 to 2 on the first nine digits. */
  public static boolean isValidNhsNumber(String tenDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (tenDigits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == tenDigits.charAt(9) - '0';
  }

  /**
   * The first line holding an identifier, as an aggregate over rows grouped by file (null where
   * none), so that the run's own counting pass finds them; {@link #stopAt} the first file's.
   */
  public static Column firstLineFound() {
    return min(when(col(FOUND).isNotNull(), col(RecordColumns.LINE_NUMBER)));
  }

  /**
   * Stops the run at the identifier found in {@code file} at {@code line} (found by {@link
   * #firstLineFound()}): file, line and column, never the value.
   */
  public static void stopAt(Dataset<Row> checked, String file, long line) {
    Row r =
        checked
            .filter(
                col(RecordColumns.SOURCE_FILE)
                    .equalTo(lit(file))
                    .and(col(RecordColumns.LINE_NUMBER).equalTo(lit(line)))
                    .and(col(FOUND).isNotNull()))
            .select(col(FOUND))
            .first();
    String found = r.getString(0);
    throw new InputException(
        file
            + " line "
            + line
            + ", column "
            + found.replace(": ", ": the value looks like ")
            + "; inputs must carry no direct"
            + " identifiers. Remove it from the export and send it again."
            + rekeyHint(found)
            + " Nothing was written.");
  }

  /**
   * For an id column holding what passes the NHS number check: how to go on when the ids are
   * pseudonymous numbers (about 1 in 11 ten-digit numbers passes the check by chance).
   */
  private static String rekeyHint(String found) {
    if (!found.endsWith("an NHS number")) {
      return "";
    }
    String column = found.substring(0, found.indexOf(':'));
    if (!FREE_TEXT.contains(column)) {
      return "";
    }
    return " If the "
        + column
        + " values are pseudonymous numbers, not NHS numbers, re-key them"
        + " with a letter in front (e.g. P followed by the number) in the export and in every"
        + " later one, so that none can be taken for an NHS number.";
  }

  /** A found identifier's line, as {@link #stopAt} words it, for checks outside Spark. */
  public static void checkValue(String where, String column, String value) {
    kindOf(value)
        .ifPresent(
            kind -> {
              throw new InputException(
                  where
                      + ", column "
                      + column
                      + ": the value looks like "
                      + kind
                      + "; inputs must carry no direct identifiers. Remove it and send the file again."
                      + " Nothing was written.");
            });
  }

  /** What quarantine.csv shows instead of a value the guard would refuse. */
  public static String withheld(String value) {
    return kindOf(value).map(k -> "[withheld: looks like " + k + "]").orElse(value);
  }
}
