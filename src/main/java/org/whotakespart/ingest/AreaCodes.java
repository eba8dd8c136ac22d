package org.whotakespart.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Area codes as the projects file gives them: ONS (GSS) codes, a letter for the nation and eight
 * digits (E08000019, W06000015, E12000003, E02001234...). A code is read without invisible
 * characters and in upper case (with a note when that changed it); one that is not of that form, or
 * that no baseline file knows, is a warning ({@link #check}).
 */
public final class AreaCodes {
  private static final Pattern WELL_FORMED = Pattern.compile("^[EWSN][0-9]{8}$");

  private AreaCodes() {}

  /** The code without invisible characters and spaces, in upper case. */
  public static String normalise(String code) {
    return Text.stripInvisible(code).strip().toUpperCase(Locale.ROOT);
  }

  /** As {@link #normalise(String)}, adding a note to {@code notes} when the code changed. */
  public static String normalise(String code, String where, List<String> notes) {
    String n = normalise(code);
    if (!n.equals(code.strip()) && notes != null) {
      notes.add(
          where
              + ": catchment code '"
              + code.strip()
              + "' read as "
              + n
              + " (ONS codes are upper case); write it so in the projects file");
    }
    return n;
  }

  public static boolean isWellFormed(String code) {
    return WELL_FORMED.matcher(code).matches();
  }

  /**
   * Warnings, each with its fix, for catchment codes that are not of the ONS form, or that no
   * baseline file has ({@code known}: every area code of every baseline set read).
   */
  public static List<String> check(List<Project> projects, Set<String> known) {
    List<String> warnings = new ArrayList<>();
    for (Project p : projects) {
      for (String code : p.catchment()) {
        if (!isWellFormed(code)) {
          warnings.add(
              "project "
                  + p.projectId()
                  + ": catchment code '"
                  + code
                  + "' is not an"
                  + " ONS area code (a letter and 8 digits, e.g. E08000019); correct it in the projects"
                  + " file");
        } else if (!known.contains(code)) {
          warnings.add(
              "project "
                  + p.projectId()
                  + ": catchment code "
                  + code
                  + " is in no"
                  + " baseline file, so the project has no baseline; check the code (the ONS code of a"
                  + " local authority, region or neighbourhood) or add a baseline that has it");
        }
      }
    }
    return warnings;
  }
}
