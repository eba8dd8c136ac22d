package org.whotakespart.report;

/** A board-facing output that fails the disclosure audit: it is not written, and the run stops. */
public final class DisclosureException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public DisclosureException(String message) {
    super(message);
  }
}
