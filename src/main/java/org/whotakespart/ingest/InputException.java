package org.whotakespart.ingest;

/**
 * An input the run cannot use, with a message that names the file, where in it, what is wrong and
 * how to fix it. The CLI prints the message as the one-line reason for a non-zero exit.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The same problem in other words (a report's message names its published folder, not the one it
   * was built in); a subclass keeps its kind, so callers can still tell a store's problem.
   */
  public InputException reworded(String message) {
    return new InputException(message, this);
  }
}
