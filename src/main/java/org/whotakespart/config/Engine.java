package org.whotakespart.config;

import java.util.Locale;

/**
 * What runs a job's Spark plans: Spark's own row-by-row engine, or Apache DataFusion Comet, a
 * native vectorised engine under Spark (docs/spark.md, "The engine"). Comet is the default where
 * its native library loads.
 */
public enum Engine implements Coded {
  SPARK,
  COMET;

  /** The setting's spelling: {@code spark} or {@code comet}. */
  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code spark} or {@code comet} (any case); anything else is refused with the choices. */
  public static Engine parse(String text) {
    String t = text == null ? "" : text.trim();
    return Coded.byCode(Engine.class, t.toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                new SettingsException(
                    "engine '"
                        + t
                        + "' is not one of spark, comet (comet is"
                        + " the default where it can run; spark is Spark's own engine)"));
  }
}
