package org.whotakespart.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Period;
import org.whotakespart.config.Vocabulary;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.RecordColumns;

/**
 * Writes a realistic, deterministic sample: projects in real local authorities, and participation
 * records over several quarters whose people are drawn from each catchment's Census population,
 * tilted the way involvement groups usually are (older, female, White British), with some projects
 * that do well, some groups absent, unknown answers, answers that change between activities,
 * different spellings, exports from different systems (column order, BOM, CRLF), and a few rows
 * that are wrong in each way the validation catches. The same seed gives byte-identical files.
 */
public final class SampleGenerator {
  /** The share of a narrower project's people drawn from outside its ages or sex. */
  static final double OUTSIDE = 0.03;

  /** The stream every draw takes from: the main one, or the neighbourhood projects' own. */
  private SplittableRandom random;

  private final SplittableRandom mainRandom;

  /**
   * The neighbourhood projects' own stream, so that adding them left every other project's records
   * as they were.
   */
  private final SplittableRandom neighbourhoodRandom;

  private final SamplePopulation population;
  private final List<Period> quarters;
  private final int scale;

  public SampleGenerator(long seed, List<BaselineRow> baselines, Period last, int quarterCount) {
    this(seed, baselines, last, quarterCount, 1);
  }

  /**
   * @param scale multiplies every project's number of people, and so the records (about 20,000
   *     times the scale for 8 quarters), for measuring speed on larger inputs
   */
  public SampleGenerator(
      long seed, List<BaselineRow> baselines, Period last, int quarterCount, int scale) {
    this.scale = scale;
    this.mainRandom = new SplittableRandom(seed);
    this.random = mainRandom;
    this.neighbourhoodRandom = new SplittableRandom(~seed);
    this.population = new SamplePopulation(baselines);
    List<Period> q = new ArrayList<>();
    Period p = last;
    for (int i = 0; i < quarterCount; i++) {
      q.add(0, p);
      p = p.previous();
    }
    this.quarters = q;
  }

  /**
   * Writes projects.csv and the records folder under {@code out}; returns the number of records.
   */
  public long write(Path out) {
    try {
      Files.createDirectories(out);
      SampleProjects.write(out.resolve("projects.csv"));
      return writeRecords(out.resolve("records"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the sample to " + out + ": " + e.getMessage(), e);
    }
  }

  /** One person as the project knows them: their true answers, drawn once. */
  private record Person(String id, Map<String, String> answers) {}

  /** The projects of one organisation, which sends one export a quarter with all of them. */
  private record Organisation(String name, int index, List<SampleProject> projects) {
    /** The organisation's folder under records. */
    String slug() {
      return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
  }

  private long writeRecords(Path folder) throws IOException {
    Map<String, List<Person>> pools = drawPools();
    Map<String, Integer> recordNumbers = new HashMap<>();
    long total = 0;
    for (Organisation org : organisations()) {
      Path dir = folder.resolve(org.slug());
      Files.createDirectories(dir);
      for (int q = 0; q < quarters.size(); q++) {
        total += writeExport(dir, org, q, pools, recordNumbers);
      }
    }
    return total;
  }

  private static List<Organisation> organisations() {
    Map<String, List<SampleProject>> byOrganisation = new LinkedHashMap<>();
    for (SampleProject p : SampleProjects.ALL) {
      byOrganisation.computeIfAbsent(p.project().organisation(), o -> new ArrayList<>()).add(p);
    }
    List<Organisation> organisations = new ArrayList<>();
    byOrganisation.forEach(
        (name, projects) ->
            organisations.add(new Organisation(name, organisations.size(), projects)));
    return organisations;
  }

  /** Each project's people, twice its size: a few people take part in more than one project. */
  private Map<String, List<Person>> drawPools() {
    Map<String, List<Person>> pools = new HashMap<>();
    List<Person> everyone = new ArrayList<>();
    for (SampleProject p : SampleProjects.ALL) {
      List<Person> pool = new ArrayList<>();
      drawFor(p);
      for (int i = 0; i < p.size() * 2 * scale; i++) {
        Person person =
            !everyone.isEmpty() && random.nextDouble() < 0.04
                ? everyone.get(random.nextInt(everyone.size()))
                : newPerson(p, everyone.size());
        pool.add(person);
        everyone.add(person);
      }
      pools.put(p.id(), pool);
    }
    return pools;
  }

  /** Draws for the project from its stream: the neighbourhood projects' own, or the main one. */
  private void drawFor(SampleProject p) {
    random = p.isNeighbourhood() ? neighbourhoodRandom : mainRandom;
  }

  /** One organisation's export for quarter {@code q}; returns the number of rows written. */
  private long writeExport(
      Path dir,
      Organisation org,
      int q,
      Map<String, List<Person>> pools,
      Map<String, Integer> recordNumbers)
      throws IOException {
    List<String> columns = columnOrder(org.index());
    Period quarter = quarters.get(q);
    Path file = dir.resolve("participation-" + quarter.folderName() + ".csv");
    boolean windows = org.index() % 3 == 1;
    long total = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter out =
            new CSVPrinter(
                w, CSVFormat.RFC4180.builder().setRecordSeparator(windows ? "\r\n" : "\n").get())) {
      if (windows) {
        w.write('\uFEFF'); // exported from Excel: byte-order mark and CRLF
      }
      out.printRecord(
          org.index() % 4 == 2
              ? columns.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList()
              : columns);
      for (SampleProject p : org.projects()) {
        drawFor(p);
        total += writeQuarter(out, columns, p, pools.get(p.id()), quarter, q, recordNumbers);
      }
      if (q == quarters.size() - 1 || q == quarters.size() - 3) {
        total += SampleFaults.write(out, columns, org.projects().get(0), quarter, org.index());
      }
    }
    return total;
  }

  /** Exports from different systems put the columns in different orders and leave some out. */
  private List<String> columnOrder(int orgIndex) {
    List<String> columns = new ArrayList<>(RecordColumns.CONTRACT);
    if (orgIndex % 2 == 1) {
      Collections.reverse(columns);
    }
    if (orgIndex % 5 == 3) {
      columns.remove(RecordColumns.COMMUNICATION_NEEDS);
      columns.add("notes_for_facilitator");
    }
    return columns;
  }

  private Person newPerson(SampleProject p, int n) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (Characteristic c : Characteristic.values()) {
      if (c.isRecordColumn()) {
        answers.put(c.code(), draw(p, c));
      }
    }
    double r = random.nextDouble();
    answers.put(
        RecordColumns.ROLE,
        r < 0.78
            ? "lived_experience"
            : r < 0.86
                ? "carer"
                : r < 0.92 ? "community_member" : r < 0.98 ? "professional" : "other");
    answers.put(
        RecordColumns.IMD_DECILE,
        Integer.toString(
            1
                + Math.min(
                    9,
                    (int)
                        (10
                            * Math.pow(
                                random.nextDouble(), p.profile() == Profile.USUAL ? 0.8 : 1.2)))));
    answers.put(
        RecordColumns.COMMUNICATION_NEEDS,
        pick(
            new String[] {
              "none",
              "none",
              "none",
              "none",
              "none",
              "none",
              "bsl",
              "easy_read",
              "interpreter",
              "other"
            }));
    // A scrambled six-digit id while they last (the shipped sample), then seven digits.
    String id =
        n < 900_000
            ? String.format(Locale.ROOT, "P%06d", 100_000 + (long) n * 7919 % 900_000)
            : "P" + (1_000_000 + n);
    return new Person(id, answers);
  }

  /** A category drawn from the catchment's population, tilted by the project's profile. */
  private String draw(SampleProject p, Characteristic c) {
    Map<String, Double> weights = new LinkedHashMap<>();
    // A narrower project's people are of its ages and sex, but for a few (OUTSIDE) who are not.
    boolean inside =
        p.isForEveryone()
            || (c != Characteristic.AGE_BAND && c != Characteristic.SEX)
            || random.nextDouble() >= OUTSIDE;
    for (String category : c.categoryCodes()) {
      if (inside != p.isFor(c, category) && !(inside && p.isForEveryone())) {
        weights.put(category, 0.0);
        continue;
      }
      double population = 0;
      for (String area : p.project().catchment()) {
        population += this.population.of(area, c, category);
      }
      weights.put(
          category,
          population
              * p.profile().tilt(c, category)
              * p.defining(c, category)
              * (inside && !p.isForEveryone() ? p.intendedFraction(c, category) : 1.0));
    }
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    if (sum == 0) {
      return null;
    }
    double x = random.nextDouble() * sum;
    String last = null;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (e.getValue() > 0) {
        last = e.getKey();
        x -= e.getValue();
        if (x < 0) {
          return e.getKey();
        }
      }
    }
    return last;
  }

  private long writeQuarter(
      CSVPrinter out,
      List<String> columns,
      SampleProject p,
      List<Person> pool,
      Period quarter,
      int q,
      Map<String, Integer> recordNumbers)
      throws IOException {
    // Projects grow a little over the quarters; a core of regulars plus newcomers.
    int active =
        Math.max(
            4,
            (int)
                Math.round(
                    p.size() * scale * (0.55 + 0.05 * q) * (0.8 + 0.4 * random.nextDouble())));
    int offset = (q * 5) % Math.max(1, pool.size() - active);
    List<Person> people = pool.subList(offset, Math.min(pool.size(), offset + active));
    int activities = 4 + random.nextInt(4);
    LocalDate[] days = new LocalDate[activities];
    String[] stages = new String[activities];
    long quarterDays = quarter.endExclusive().toEpochDay() - quarter.start().toEpochDay();
    for (int a = 0; a < activities; a++) {
      days[a] = quarter.start().plusDays(random.nextLong(quarterDays));
      stages[a] = pick(new String[] {"design", "design", "delivery", "evaluation", ""});
    }
    long written = 0;
    for (Person person : people) {
      for (int a = 0; a < activities; a++) {
        if (random.nextDouble() > 0.6) {
          continue;
        }
        int n = recordNumbers.merge(p.id(), 1, Integer::sum);
        Map<String, String> row = recorded(person, p, days[a], stages[a]);
        row.put(RecordColumns.RECORD_ID, String.format(Locale.ROOT, "%s-%06d", p.id(), n));
        row.put(RecordColumns.PARTICIPANT_ID, person.id());
        row.put(RecordColumns.PROJECT_ID, p.id());
        row.put(RecordColumns.ACTIVITY_DATE, days[a].toString());
        out.printRecord(columns.stream().map(c -> row.getOrDefault(c, "")).toList());
        written++;
      }
    }
    return written;
  }

  /**
   * What one activity's register says: mostly the true answers, sometimes blank or spelt otherwise.
   */
  private Map<String, String> recorded(
      Person person, SampleProject p, LocalDate day, String stage) {
    Map<String, String> row = new HashMap<>();
    for (Map.Entry<String, String> e : person.answers().entrySet()) {
      String column = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      double blank =
          switch (column) {
            case "sexual_orientation", "gender_identity" -> 0.22;
            case "religion", "imd_decile" -> 0.15;
            case "unpaid_carer", "disability" -> 0.10;
            default -> 0.05;
          };
      double r = random.nextDouble();
      if (r < blank) {
        value = "";
      } else if (r < blank + 0.03 && Vocabulary.acceptsPreferNotToSay(column)) {
        value = pick(new String[] {"prefer_not_to_say", "Prefer not to say", "PREFER NOT TO SAY"});
      } else if (r > 0.995 && Characteristic.fromCode(column).isPresent()) {
        value = draw(p, Characteristic.fromCode(column).get()); // an answer recorded differently
      } else if (column.equals("sex") && r > 0.9) {
        value = value.equals("female") ? "F" : "M";
      } else if (column.equals("ethnic_group") && r > 0.92 && value.equals("white_british")) {
        value = "White - British";
      }
      row.put(column, value == null ? "" : value);
    }
    row.put(RecordColumns.STAGE, stage);
    boolean requested = random.nextDouble() < 0.2;
    row.put(RecordColumns.ADJUSTMENTS_REQUESTED, requested ? "yes" : "no");
    row.put(
        RecordColumns.ADJUSTMENTS_MET, requested ? (random.nextDouble() < 0.8 ? "yes" : "no") : "");
    row.put(RecordColumns.PAID, random.nextDouble() < 0.6 ? "yes" : "no");
    return row;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
