package org.whotakespart.ingest;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop settings carried to the executors (so that {@code spark.hadoop.*} settings
 * such as S3 credentials reach the readers there), rebuilt once per executor JVM and not once per
 * file: a fresh {@link Configuration} parses its XML defaults, which cost more than reading a small
 * file.
 */
public final class HadoopConf implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> entries = new HashMap<>();
  private transient Configuration conf;

  public HadoopConf(Configuration source) {
    source.forEach(e -> entries.put(e.getKey(), e.getValue()));
  }

  public synchronized Configuration get() {
    if (conf == null) {
      Configuration c = new Configuration(false);
      entries.forEach(c::set);
      conf = c;
    }
    return conf;
  }
}
