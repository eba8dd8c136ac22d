package org.whotakespart.cli;

import java.nio.file.Path;
import java.util.List;
import org.whotakespart.config.Engine;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.JobFile;
import picocli.CommandLine.Option;

/** The settings every job takes: from a job file, then the command line, which wins. */
final class JobOptions {
  @Option(
      names = "--job",
      paramLabel = "FILE",
      description =
          "A job file with the settings below (records, projects, baselines, period, ...).")
  Path job;

  @Option(
      names = "--records",
      paramLabel = "PATH",
      split = ",",
      description =
          "Participation records: files, folders (all participation*.csv inside) or"
              + " globs. Repeat or separate with commas.")
  List<String> records;

  @Option(
      names = "--projects",
      paramLabel = "FILE",
      description = "The projects file (projects.csv).")
  String projects;

  @Option(
      names = "--baselines",
      paramLabel = "FILE",
      split = ",",
      description =
          "Population baselines (e.g. sample-data/baselines-census2021.csv), and any of"
              + " your own in the same format. Repeat or separate with commas.")
  List<String> baselines;

  @Option(
      names = "--period",
      paramLabel = "QUARTER",
      description =
          "The quarter: a UK financial quarter such as \"2025-26 Q2\" (July to"
              + " September 2025) or a calendar quarter such as \"2025 Q3\".")
  String period;

  @Option(
      names = "--aliases",
      paramLabel = "FILE",
      description =
          "Alias table mapping your spellings to the contract's codes (default: the"
              + " built-in table, the same as src/main/resources/org/whotakespart/validate/aliases.csv).")
  String aliases;

  @Option(
      names = "--output",
      paramLabel = "FOLDER",
      description = "Where to write (default: reports/<quarter>).")
  String output;

  @Option(
      names = "--encoding",
      paramLabel = "NAME",
      description =
          "Text encoding of the input files (default UTF-8; windows-1252 for files"
              + " saved by Excel).")
  String encoding;

  @Option(
      names = "--store",
      paramLabel = "FOLDER",
      description =
          "The history store: where ingest adds records, and report --from-store reads"
              + " them (a folder, or a Hadoop URI such as hdfs://...).")
  String store;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default local[*]: this computer's cores).")
  String master;

  @Option(
      names = "--engine",
      paramLabel = "spark|comet",
      description =
          "What runs the Spark plans: comet (the default where its native library"
              + " loads: Apache DataFusion Comet, native and vectorised) or spark (Spark's own).")
  String engine;

  /** The job file's settings, then the flags given. */
  JobConfig.Builder builder() {
    JobConfig.Builder b = JobConfig.builder();
    if (job != null) {
      JobFile.applyTo(job, b);
    }
    if (records != null) {
      b.records(records);
    }
    if (projects != null) {
      b.projects(projects);
    }
    if (baselines != null) {
      b.baselines(baselines);
    }
    if (period != null) {
      b.period(period);
    }
    if (aliases != null) {
      b.aliases(aliases);
    }
    if (output != null) {
      b.output(output);
    }
    if (encoding != null) {
      b.encoding(encoding);
    }
    if (master != null) {
      b.sparkMaster(master);
    }
    if (store != null) {
      b.store(store);
    }
    if (engine != null) {
      b.engine(Engine.parse(engine));
    }
    return b;
  }
}
