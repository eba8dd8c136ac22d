package org.whotakespart.output.table;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writing one file on any Hadoop file system, replacing what was there. */
public final class HadoopFiles {
  private HadoopFiles() {}

  public static OutputStream create(String file, Configuration conf) {
    try {
      Path p = new Path(file);
      FileSystem fs = p.getFileSystem(conf);
      if (fs instanceof ChecksumFileSystem local) {
        local.setWriteChecksum(false); // no hidden .crc files beside the outputs on a local disk
      }
      return fs.create(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A UTF-8 writer of one file, for text handed over in large pieces ({@link CsvRows} buffers its
   * rows itself).
   */
  public static Writer writer(String file, Configuration conf) {
    return new OutputStreamWriter(create(file, conf), StandardCharsets.UTF_8);
  }

  /** Moves the single {@code part-*} file Spark wrote into {@code folder} to {@code target}. */
  public static void promoteSinglePart(String folder, String target, Configuration conf) {
    try {
      Path dir = new Path(folder);
      FileSystem fs = dir.getFileSystem(conf);
      Path part = null;
      for (FileStatus s : fs.listStatus(dir)) {
        if (s.getPath().getName().startsWith("part-")) {
          part = s.getPath();
        }
      }
      Path out = new Path(target);
      fs.delete(out, false);
      if (part == null) {
        throw new IOException("no part file in " + folder);
      }
      if (!fs.rename(part, out)) {
        throw new IOException("rename to " + target + " failed");
      }
      fs.delete(dir, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
