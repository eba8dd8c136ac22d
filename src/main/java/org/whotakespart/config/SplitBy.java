package org.whotakespart.config;

/** Extra workbooks, one per commissioner or per project, to send to each. */
public enum SplitBy {
  NONE,
  COMMISSIONER,
  PROJECT;

  public static SplitBy parse(String text) {
    for (SplitBy s : values()) {
      if (s.name().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new SettingsException(
        "split_by '" + text + "' is not one of none, commissioner," + " project");
  }
}
