package org.whotakespart.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.whotakespart.config.Engine;
import org.whotakespart.config.JobConfig;
import org.whotakespart.config.NamedSettings;
import org.whotakespart.ingest.InputFiles;
import org.whotakespart.store.HistoryStore;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * What the launcher ({@code bin/run}) needs to know before it starts the JVM that runs a command:
 * whether the run is small enough to start quick (the quick compiler and the serial collector), and
 * which class archive fits it. It reads the command line and the job file exactly as the command
 * will, so the launcher never parses a job file itself.
 *
 * <p>{@code java -cp whotakespart.jar org.whotakespart.cli.LaunchPlan report --job ...} prints two
 * lines, {@code quick=yes|no} and {@code archive=KIND-ENGINE}, and always exits 0. A run whose
 * settings it will refuse starts quick, and says what is wrong; a command line that does not parse
 * starts as a large run would (the command then says what is wrong with it).
 */
public final class LaunchPlan {
  /**
   * Below this many bytes of input (about 200,000 records of CSV) a run starts quick. Measured on
   * the sample (20,226 records; 2 cores): 26.6 s with the JVM's defaults, 14.2 s with a class
   * archive, the quick compiler only and the serial collector. Long jobs need the optimising
   * compiler: the 1 M record report (170 MB of CSV) took 18% longer without it.
   */
  static final long QUICK_BELOW_BYTES = 32L * 1024 * 1024;

  /**
   * The store holds a record in about a tenth of the bytes of a CSV export (10 M records: 178 MB of
   * Parquet, 1.7 GB of CSV), so its bytes count ten times.
   */
  static final int STORE_BYTES_WEIGHT = 10;

  /** The launch of one command line. */
  record Plan(boolean quick, String archive) {
    void print(PrintStream out) {
      out.println("quick=" + (quick ? "yes" : "no"));
      out.println("archive=" + archive);
    }
  }

  /** What a run will read: its command, its records (or store), and its engine. */
  record Inputs(
      String command, List<String> records, String store, boolean fromStore, Engine engine) {
    static Inputs of(String command) {
      return new Inputs(command, List.of(), null, false, null);
    }
  }

  private LaunchPlan() {}

  public static void main(String[] args) {
    plan(args).print(System.out);
  }

  /** The plan for {@code args}, the arguments the launcher was given. */
  static Plan plan(String[] args) {
    Inputs in = inputs(args);
    boolean quick = inputBytes(in).map(b -> b < QUICK_BELOW_BYTES).orElse(false);
    return new Plan(quick, archiveKind(in) + "-" + engineName(in.engine()));
  }

  /** The command and settings {@code args} name; a command line that does not parse is "other". */
  static Inputs inputs(String[] args) {
    ParseResult parsed;
    try {
      parsed = WhoTakesPart.commandLine().parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      return Inputs.of("other");
    }
    if (!parsed.hasSubcommand()) {
      return Inputs.of("other");
    }
    Object command = parsed.subcommand().commandSpec().userObject();
    String name = parsed.subcommand().commandSpec().name();
    if (!(command instanceof JobCommand job)) {
      return Inputs.of(name);
    }
    try {
      JobConfig.Builder b = job.withFlags(job.options().builder());
      NamedSettings named = b.named();
      return new Inputs(name, named.records(), named.store(), named.fromStore(), named.engine());
    } catch (RuntimeException e) {
      return Inputs.of(name); // a job file or flag the run will refuse, saying why: start quick
    }
  }

  /**
   * The bytes a run reads (the store's records counted as the CSV they stand for); empty when that
   * cannot be known here (a file system not on this computer) or the command reads no records.
   */
  static Optional<Long> inputBytes(Inputs in) {
    if (!List.of("report", "validate", "ingest").contains(in.command())) {
      return Optional.empty();
    }
    if (in.fromStore()) {
      if (in.store() == null || hasScheme(in.store())) {
        return Optional.empty();
      }
      return Optional.of(
          STORE_BYTES_WEIGHT * bytesUnder(Path.of(in.store(), HistoryStore.RECORDS), p -> true));
    }
    if (in.records().stream().anyMatch(LaunchPlan::hasScheme)) {
      return Optional.empty();
    }
    return Optional.of(in.records().stream().mapToLong(LaunchPlan::recordBytes).sum());
  }

  /**
   * The bytes of the participation files one records setting names: a file, a folder (its
   * participation*.csv files at any depth) or a glob. Read here with plain file listings, not
   * Hadoop's (which take seconds to start), near enough to choose how to start the JVM.
   */
  static long recordBytes(String spec) {
    Path path = Path.of(spec).toAbsolutePath().normalize();
    if (Files.exists(path)) {
      return Files.isDirectory(path) ? participationBytes(path) : size(path);
    }
    Path root = path.getRoot();
    for (Path part : path) {
      if (part.toString().matches(".*[*?\\[{].*")) {
        break;
      }
      root = root.resolve(part);
    }
    PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + path);
    try (Stream<Path> found = Files.walk(root)) {
      return found
          .filter(glob::matches)
          .mapToLong(p -> Files.isDirectory(p) ? participationBytes(p) : size(p))
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static long participationBytes(Path folder) {
    return bytesUnder(folder, p -> InputFiles.isParticipationFile(p.getFileName().toString()));
  }

  /** Runs of one kind load the same classes, so each kind has its own class archive. */
  static String archiveKind(Inputs in) {
    return switch (in.command()) {
      case "report" -> in.fromStore() ? "report-store" : "report";
      case "validate", "ingest", "baselines", "generate-sample" -> in.command();
      default -> "other";
    };
  }

  /** Comet unless Spark's own engine is asked for: a run on Comet loads Comet's classes too. */
  static String engineName(Engine engine) {
    return (engine == Engine.SPARK ? Engine.SPARK : Engine.COMET).code();
  }

  private static boolean hasScheme(String path) {
    return path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
  }

  private static long bytesUnder(Path folder, Predicate<Path> which) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(p -> Files.isRegularFile(p) && which.test(p))
          .mapToLong(LaunchPlan::size)
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
