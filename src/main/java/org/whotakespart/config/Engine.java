package org.whotakespart.config;

import java.util.Locale;

/**
 * What runs a job's Spark plans: Spark's own row-by-row engine, or Apache DataFusion Comet, a
 * native vectorised engine under Spark (docs/spark.md, "The engine"). Comet is the default where
 * its native library loads.
 */
public enum Engine {
  SPARK,
  COMET;

  /** The setting's spelling: {@code spark} or {@code comet}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code spark} or {@code comet} (any case); anything else is refused with the choices. */
  public static Engine parse(String text) {
    String t = text == null ? "" : text.trim();
    for (Engine e : values()) {
      if (e.code().equalsIgnoreCase(t)) {
        return e;
      }
    }
    throw new SettingsException(
        "engine '"
            + t
            + "' is not one of spark, comet (comet is"
            + " the default where it can run; spark is Spark's own engine)");
  }
}
