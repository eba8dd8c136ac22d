package org.whotakespart.config;

import java.util.Optional;

/**
 * A constant with a stable code, as files and tables write it ({@code "under_represented"}). The
 * enums of codes implement it and find a constant by its code with {@link #byCode}.
 *
 * <pre>{@code
 * Status s = Coded.byCode(Status.class, "in_line").orElseThrow();
 * }</pre>
 */
public interface Coded {
  /** The code as files and tables write it. */
  String code();

  /** The constant of {@code type} whose code is {@code code}, or empty when none has it. */
  static <E extends Enum<E> & Coded> Optional<E> byCode(Class<E> type, String code) {
    for (E e : type.getEnumConstants()) {
      if (e.code().equals(code)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
