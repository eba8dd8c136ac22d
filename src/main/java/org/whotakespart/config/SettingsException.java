package org.whotakespart.config;

/**
 * A problem with the command or the job settings, which the user fixes (exit code 2). Its message
 * names the setting and how to fix it. Any other {@link IllegalArgumentException} is a broken
 * invariant inside the program, reported as an unexpected error.
 */
public final class SettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }
}
