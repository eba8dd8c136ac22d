package org.whotakespart.store;

import org.whotakespart.ingest.InputException;

/** The history store cannot be read or written as asked; the message says how to fix it. */
public final class StoreException extends InputException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public StoreException reworded(String message) {
    return new StoreException(message, this);
  }
}
