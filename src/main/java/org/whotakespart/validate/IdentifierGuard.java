package org.whotakespart.validate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.RecordColumns;

/**
 * The anonymisation guard: inputs must carry no direct identifiers (data-contract.md §1). A column
 * named like one, or a value that looks like an e-mail address, a UK phone number, a full UK
 * postcode or a valid NHS number (by its check digit), stops the run before anything is written.
 * The error names the file, the column and the line, never the value.
 */
public final class IdentifierGuard {
  /** Column names (letters and digits only, lower case) that hold direct identifiers. */
  private static final Pattern IDENTIFIER_COLUMN = Pattern.compile(
      "^(name|names|firstname|forename|forenames|lastname|surname|fullname|givenname|familyname)$"
          + "|email|phone|mobile|telephone|address|postcode|postalcode|zipcode"
          + "|dob|dateofbirth|birthdate|birthday|nhsnumber|nhsno|nhsid|chinumber|nationalinsurance");

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  /** UK numbers after spaces, dashes, dots and brackets are removed: +44 or 0, then 9 or 10 digits. */
  private static final Pattern PHONE = Pattern.compile("^(\\+44|0044|0)[1-9][0-9]{8,9}$");
  /** A full UK postcode, outward and inward codes (the inward part is what makes it full). */
  private static final Pattern POSTCODE = Pattern.compile(
      "^(?i)(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNP-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})$");
  /** A cheap first test (one regular expression) before the exact ones. */
  private static final Pattern MAYBE = Pattern.compile(
      "@|^[0-9 +().-]{10,20}$|^[A-Za-z]{1,2}[0-9][0-9A-Za-z]? ?[0-9][A-Za-z]{2}$");
  private static final Pattern SEPARATORS = Pattern.compile("[ ().-]");
  private static final Pattern TEN_DIGITS = Pattern.compile("^[0-9]{10}$");

  /**
   * The columns whose values are free text in the contract. The rest are codes, and
   * activity_date must be a date of the form YYYY-MM-DD (anything else is quarantined, and so
   * checked as an unmapped value would be).
   */
  static final List<String> FREE_TEXT = List.of(RecordColumns.RECORD_ID,
      RecordColumns.PARTICIPANT_ID, RecordColumns.PROJECT_ID);

  public static final String FOUND = "identifier_found";

  private IdentifierGuard() {}

  /** True when a column's name says it holds a direct identifier. */
  public static boolean isIdentifierColumn(String name) {
    return IDENTIFIER_COLUMN.matcher(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""))
        .find();
  }

  /** Stops on a column named like an identifier, naming the file and the column. */
  public static void checkColumns(String file, List<String> header) {
    for (String h : header) {
      if (isIdentifierColumn(h)) {
        throw new InputException(file + ": the column '" + h + "' looks like a direct identifier;"
            + " inputs must be anonymised at source. Remove the column from the export and send"
            + " it again. Nothing was written.");
      }
    }
  }

  /** What a value looks like, if it looks like a direct identifier. */
  public static Optional<String> kindOf(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (!MAYBE.matcher(v).find()) {
      return Optional.empty(); // one cheap test clears nearly every value
    }
    if (EMAIL.matcher(v).find()) {
      return Optional.of("an e-mail address");
    }
    String digits = SEPARATORS.matcher(v).replaceAll("");
    if (TEN_DIGITS.matcher(digits).matches() && isValidNhsNumber(digits)) {
      return Optional.of("an NHS number");
    }
    if (PHONE.matcher(digits).matches()) {
      return Optional.of("a UK phone number");
    }
    if (POSTCODE.matcher(v).matches()) {
      return Optional.of("a full UK postcode");
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
   * Stops the run at the identifier found in {@code file} at {@code line} (found by
   * {@link #firstLineFound()}): file, line and column, never the value.
   */
  public static void stopAt(Dataset<Row> checked, String file, long line) {
    Row r = checked.filter(col(RecordColumns.SOURCE_FILE).equalTo(lit(file))
            .and(col(RecordColumns.LINE_NUMBER).equalTo(lit(line))).and(col(FOUND).isNotNull()))
        .select(col(FOUND)).first();
    throw new InputException(file + " line " + line + ", column "
        + r.getString(0).replace(": ", ": the value looks like ") + "; inputs must carry no direct"
        + " identifiers. Remove it from the export and send it again. Nothing was written.");
  }

  /** A found identifier's line, as {@link #stopAt} words it, for checks outside Spark. */
  public static void checkValue(String where, String column, String value) {
    kindOf(value).ifPresent(kind -> {
      throw new InputException(where + ", column " + column + ": the value looks like " + kind
          + "; inputs must carry no direct identifiers. Remove it and send the file again."
          + " Nothing was written.");
    });
  }
}
