package org.whotakespart.output;

import java.nio.file.AccessDeniedException;

/**
 * The report cannot be written: the output folder is a file or cannot be written, or the disk is
 * full. The message names the folder and the fix; the command exits with code 3.
 */
public final class OutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OutputException(String message) {
    super(message);
  }

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The plain reason when {@code e} (or a cause) is a failure of the disk or folder being written
   * (full, read-only, no permission, not a folder), or null for anything else.
   */
  public static String diskProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
        return "the disk is full";
      }
      if (m.contains("Read-only file system")) {
        return "the disk is read-only";
      }
      if (t instanceof AccessDeniedException || m.contains("Permission denied")) {
        return "permission denied";
      }
      if (m.contains("Not a directory")) {
        return "part of the path is a file, not a folder";
      }
    }
    return null;
  }
}
