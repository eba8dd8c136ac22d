package org.whotakespart.ingest;

import java.util.regex.Pattern;

/** Text as exports bring it. */
public final class Text {
  /**
   * Characters that print as nothing but make two spellings differ: zero-width space, joiner and
   * non-joiner, word joiner, soft hyphen, byte-order mark, left-to-right and right-to-left marks
   * and embeddings.
   */
  private static final Pattern INVISIBLE =
      Pattern.compile(
          "[\\u200B-\\u200F\\u2060-\\u2064\\u00AD\\uFEFF\\u202A-\\u202E\\u2066-\\u2069]");

  private Text() {}

  /** The text without invisible characters (null stays null). */
  public static String stripInvisible(String s) {
    if (s == null) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u00AD' || c == '\uFEFF' || c >= '\u200B' && c <= '\u206F') {
        return INVISIBLE.matcher(s).replaceAll("");
      }
    }
    return s; // nearly every value: no copy
  }
}
