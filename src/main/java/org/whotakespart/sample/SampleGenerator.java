package org.whotakespart.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.whotakespart.baseline.MsoaImporter;
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
  /** How a project recruits, relative to its local population. */
  enum Profile {
    USUAL,
    REPRESENTATIVE,
    YOUNG,
    NARROW
  }

  /** A sample project and who it is for (max_age null: no limit; sex "": all). */
  record SampleProject(
      String id,
      String name,
      String organisation,
      String commissioner,
      List<String> catchment,
      int minAge,
      Integer maxAge,
      String sex,
      String notCompared,
      Profile profile,
      int size) {
    SampleProject(
        String id,
        String name,
        String organisation,
        String commissioner,
        List<String> catchment,
        int minAge,
        Profile profile,
        int size) {
      this(id, name, organisation, commissioner, catchment, minAge, null, "", "", profile, size);
    }

    /** True when the catchment lists neighbourhoods (MSOAs). */
    boolean isNeighbourhood() {
      return catchment.stream().anyMatch(MsoaImporter::isMsoa);
    }

    /** True for the usual adult project (16 or 18 and over, either sex): drawn as before. */
    boolean isForEveryone() {
      return maxAge == null && sex.isEmpty() && minAge <= 18;
    }

    /** True when the category is of the ages and sex the project is for. */
    boolean isFor(Characteristic c, String category) {
      return intendedFraction(c, category) > 0;
    }

    /**
     * The share of the category's years the project is for: 1 inside, 0 outside, and for an age
     * band straddling min_age or max_age the share of its years inside (25 to 34 for 16 to 25s: one
     * year in ten), so that a straddling band is drawn as often as its intended years are.
     */
    double intendedFraction(Characteristic c, String category) {
      if (c == Characteristic.SEX) {
        return sex.isEmpty() || sex.equals(category) ? 1.0 : 0.0;
      }
      if (c != Characteristic.AGE_BAND) {
        return 1.0;
      }
      int[] r =
          category.equals("under_16")
              ? new int[] {0, 15}
              : category.equals("85_plus")
                  ? new int[] {85, 100}
                  : Arrays.stream(category.split("_")).mapToInt(Integer::parseInt).toArray();
      int inside = Math.min(r[1], maxAge == null ? 100 : maxAge) - Math.max(r[0], minAge) + 1;
      return inside <= 0 ? 0.0 : (double) inside / (r[1] - r[0] + 1);
    }
  }

  /** The share of a narrower project's people drawn from outside its ages or sex. */
  static final double OUTSIDE = 0.03;

  /** The stream every draw takes from: the main one, or the neighbourhood projects' own. */
  private SplittableRandom random;

  /**
   * The neighbourhood projects' own stream, so that adding them left every other project's records
   * as they were.
   */
  private final SplittableRandom neighbourhoodRandom;

  private final Map<String, Map<String, Map<String, Long>>>
      baseline; // area -> characteristic -> category -> n

  /** A neighbourhood (MSOA) to the authority it lies in, from the baselines' area names. */
  private final Map<String, String> authorityOf = new TreeMap<>();

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
    this.random = new SplittableRandom(seed);
    this.neighbourhoodRandom = new SplittableRandom(~seed);
    this.baseline = new TreeMap<>();
    Map<String, String> codeOfName = new HashMap<>();
    Map<String, String> msoaNames = new TreeMap<>();
    for (BaselineRow b : baselines) {
      if (MsoaImporter.isMsoa(b.areaCode())) {
        msoaNames.put(b.areaCode(), b.areaName());
      } else {
        codeOfName.putIfAbsent(b.areaName(), b.areaCode());
      }
    }
    msoaNames.forEach(
        (code, name) -> {
          String authority = codeOfName.get(name.replaceFirst(" \\d{3}$", ""));
          if (authority != null) {
            authorityOf.put(code, authority);
          }
        });
    for (BaselineRow b : baselines) {
      int wanted = b.characteristic().equals(Characteristic.AGE_BAND.code()) ? 16 : b.minAge();
      if (b.minAge() == wanted) {
        baseline
            .computeIfAbsent(b.areaCode(), a -> new TreeMap<>())
            .computeIfAbsent(b.characteristic(), c -> new TreeMap<>())
            .merge(b.category(), b.population(), Long::sum);
      }
    }
    List<Period> q = new ArrayList<>();
    Period p = last;
    for (int i = 0; i < quarterCount; i++) {
      q.add(0, p);
      p = p.previous();
    }
    this.quarters = q;
  }

  static List<SampleProject> projects() {
    String sy = "NHS South Yorkshire ICB";
    String wy = "NHS West Yorkshire ICB";
    String th = "London Borough of Tower Hamlets";
    String lc = "Leicester City Council";
    String co = "Cornwall Council";
    String cv = "Cardiff and Vale University Health Board";
    String sheffield = "E08000019";
    String rotherham = "E08000018";
    String leeds = "E08000035";
    String bradford = "E08000032";
    String towerHamlets = "E09000030";
    String leicester = "E06000016";
    String cornwall = "E06000052";
    String cardiff = "W06000015";
    return List.of(
        new SampleProject(
            "SHF-01",
            "Sheffield Mental Health Recovery Forum",
            "Sheffield Mind Together",
            sy,
            List.of(sheffield),
            16,
            Profile.USUAL,
            60),
        new SampleProject(
            "SHF-02",
            "Diabetes Pathway Redesign",
            "Sheffield Teaching Hospitals",
            sy,
            List.of(sheffield),
            18,
            Profile.USUAL,
            45),
        new SampleProject(
            "SHF-03",
            "Young People's Health Panel",
            "Sheffield Youth Voice",
            sy,
            List.of(sheffield),
            16,
            25,
            "",
            "",
            Profile.YOUNG,
            35),
        new SampleProject(
            "SHF-04",
            "Community Pharmacy Access Review",
            "Sheffield Mind Together",
            sy,
            List.of(sheffield),
            16,
            Profile.REPRESENTATIVE,
            55),
        new SampleProject(
            "SYR-01",
            "South Yorkshire Drug and Alcohol Lived Experience Group",
            "Recovery Partners SY",
            sy,
            List.of(sheffield, rotherham),
            18,
            Profile.NARROW,
            40),
        new SampleProject(
            "SYR-02",
            "Stroke Services Co-design",
            "Recovery Partners SY",
            sy,
            List.of(sheffield, rotherham),
            16,
            null,
            "",
            "disability",
            Profile.USUAL,
            50),
        new SampleProject(
            "LDS-01",
            "Leeds Maternity Voices Partnership",
            "Leeds Health Partners",
            wy,
            List.of(leeds),
            16,
            49,
            "female",
            "",
            Profile.USUAL,
            50),
        new SampleProject(
            "LDS-02",
            "Leeds Dementia Carers Network",
            "Leeds Health Partners",
            wy,
            List.of(leeds),
            18,
            Profile.USUAL,
            40),
        new SampleProject(
            "LDS-03",
            "Digital Front Door Reference Group",
            "Leeds Health Partners",
            wy,
            List.of(leeds),
            16,
            Profile.REPRESENTATIVE,
            60),
        new SampleProject(
            "WYK-01",
            "West Yorkshire Cancer Patient Panel",
            "West Yorkshire Alliance",
            wy,
            List.of(leeds, bradford),
            16,
            Profile.USUAL,
            65),
        new SampleProject(
            "WYK-02",
            "Bradford and Leeds Housing and Health Forum",
            "West Yorkshire Alliance",
            wy,
            List.of(leeds, bradford),
            16,
            Profile.NARROW,
            30),
        new SampleProject(
            "TWH-01",
            "Tower Hamlets Community Health Champions",
            "Tower Hamlets Together",
            th,
            List.of(towerHamlets),
            16,
            Profile.REPRESENTATIVE,
            55),
        new SampleProject(
            "TWH-02",
            "Adult Social Care Experts by Experience",
            "Tower Hamlets Together",
            th,
            List.of(towerHamlets),
            18,
            Profile.USUAL,
            40),
        new SampleProject(
            "TWH-03",
            "Children and Families Health Panel",
            "Tower Hamlets Together",
            th,
            List.of(towerHamlets),
            16,
            Profile.YOUNG,
            30),
        new SampleProject(
            "LEI-01",
            "Leicester Health Inequalities Citizens' Panel",
            "Leicester Voices",
            lc,
            List.of(leicester),
            16,
            Profile.USUAL,
            55),
        new SampleProject(
            "LEI-02",
            "Leicester Carers' Strategy Group",
            "Leicester Voices",
            lc,
            List.of(leicester),
            18,
            null,
            "",
            "unpaid_carer",
            Profile.USUAL,
            35),
        new SampleProject(
            "LEI-03",
            "Leicester Sexual Health Service Review",
            "Leicester Voices",
            lc,
            List.of(leicester),
            16,
            Profile.REPRESENTATIVE,
            40),
        new SampleProject(
            "CWL-01",
            "Carers' voice, Cornwall",
            "Kernow Care Partnership",
            co,
            List.of(cornwall),
            18,
            null,
            "",
            "unpaid_carer",
            Profile.USUAL,
            45),
        new SampleProject(
            "CWL-04",
            "Cornwall Older People's Forum",
            "Kernow Care Partnership",
            co,
            List.of(cornwall),
            65,
            Profile.USUAL,
            40),
        new SampleProject(
            "CWL-02",
            "Cornwall Rural Transport to Health Group",
            "Kernow Care Partnership",
            co,
            List.of(cornwall),
            16,
            Profile.NARROW,
            30),
        new SampleProject(
            "CWL-03",
            "Cornwall Learning Disability Partnership Board",
            "Kernow Care Partnership",
            co,
            List.of(cornwall),
            16,
            Profile.USUAL,
            35),
        new SampleProject(
            "CDF-01",
            "Cardiff Community Mental Health Forum",
            "Cardiff Third Sector Council",
            cv,
            List.of(cardiff),
            16,
            Profile.USUAL,
            50),
        new SampleProject(
            "CDF-02",
            "Cardiff \"Well-being\" Advisory Panel",
            "Cardiff Third Sector Council",
            cv,
            List.of(cardiff),
            16,
            Profile.REPRESENTATIVE,
            45),
        new SampleProject(
            "MUL-01",
            "Multi-city Long COVID Patient Network",
            "Long COVID Alliance",
            "",
            List.of(sheffield, leeds, leicester),
            18,
            Profile.USUAL,
            50),
        new SampleProject(
            "MUL-02",
            "National Sickle Cell Lived Experience Group",
            "Long COVID Alliance",
            "",
            List.of(towerHamlets, leicester, leeds),
            16,
            Profile.NARROW,
            20),
        // Two neighbourhood projects: catchments of MSOAs (Census 2021 names), each run by an
        // organisation above and drawn after everyone else, from a random stream of its own.
        new SampleProject(
            "SHF-05",
            "Sheffield Neighbourhood Health Forum",
            "Sheffield Mind Together",
            sy,
            List.of("E02001611", "E02001612"),
            16,
            Profile.USUAL,
            60),
        new SampleProject(
            "TWH-04",
            "Tower Hamlets Neighbourhood Health Panel",
            "Tower Hamlets Together",
            th,
            List.of("E02000864", "E02000885"),
            16,
            64,
            "",
            "",
            Profile.REPRESENTATIVE,
            55));
  }

  /**
   * Writes projects.csv and the records folder under {@code out}; returns the number of records.
   */
  public long write(Path out) {
    try {
      Files.createDirectories(out);
      writeProjects(out.resolve("projects.csv"));
      return writeRecords(out.resolve("records"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the sample to " + out + ": " + e.getMessage(), e);
    }
  }

  private static void writeProjects(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p =
            new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      p.printRecord(
          "project_id",
          "project_name",
          "organisation",
          "commissioner",
          "catchment",
          "min_age",
          "max_age",
          "sex",
          "not_compared",
          "baseline");
      for (SampleProject sp : projects()) {
        p.printRecord(
            sp.id(),
            sp.name(),
            sp.organisation(),
            sp.commissioner(),
            String.join(";", sp.catchment()),
            sp.minAge(),
            sp.maxAge() == null ? "" : sp.maxAge(),
            sp.sex(),
            sp.notCompared(),
            "census2021");
      }
    }
  }

  /** One person as the project knows them: their true answers, drawn once. */
  private record Person(String id, Map<String, String> answers) {}

  private long writeRecords(Path folder) throws IOException {
    Map<String, List<SampleProject>> byOrganisation = new LinkedHashMap<>();
    for (SampleProject p : projects()) {
      byOrganisation.computeIfAbsent(p.organisation(), o -> new ArrayList<>()).add(p);
    }
    Map<String, List<Person>> pools = new HashMap<>();
    List<Person> everyone = new ArrayList<>();
    for (SampleProject p : projects()) {
      List<Person> pool = new ArrayList<>();
      SplittableRandom main = random;
      random = p.isNeighbourhood() ? neighbourhoodRandom : main;
      for (int i = 0; i < p.size() * 2 * scale; i++) {
        // A few people take part in more than one project.
        Person person =
            !everyone.isEmpty() && random.nextDouble() < 0.04
                ? everyone.get(random.nextInt(everyone.size()))
                : newPerson(p, everyone.size());
        pool.add(person);
        everyone.add(person);
      }
      random = main;
      pools.put(p.id(), pool);
    }
    long total = 0;
    int orgIndex = 0;
    Map<String, Integer> recordNumbers = new HashMap<>();
    for (Map.Entry<String, List<SampleProject>> org : byOrganisation.entrySet()) {
      List<String> columns = columnOrder(orgIndex);
      String slug = org.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      Path dir = folder.resolve(slug);
      Files.createDirectories(dir);
      for (int q = 0; q < quarters.size(); q++) {
        Period quarter = quarters.get(q);
        Path file = dir.resolve("participation-" + quarter.folderName() + ".csv");
        boolean windows = orgIndex % 3 == 1;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            CSVPrinter out =
                new CSVPrinter(
                    w,
                    CSVFormat.RFC4180
                        .builder()
                        .setRecordSeparator(windows ? "\r\n" : "\n")
                        .get())) {
          if (windows) {
            w.write('\uFEFF'); // exported from Excel: byte-order mark and CRLF
          }
          out.printRecord(
              orgIndex % 4 == 2
                  ? columns.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList()
                  : columns);
          for (SampleProject p : org.getValue()) {
            SplittableRandom main = random;
            random = p.isNeighbourhood() ? neighbourhoodRandom : main;
            total += writeQuarter(out, columns, p, pools.get(p.id()), quarter, q, recordNumbers);
            random = main;
          }
          if (q == quarters.size() - 1 || q == quarters.size() - 3) {
            total += writeFaults(out, columns, org.getValue().get(0), quarter, orgIndex);
          }
        }
      }
      orgIndex++;
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
      for (String area : p.catchment()) {
        population += population(area, c, category);
      }
      weights.put(
          category,
          population
              * tilt(p.profile(), c, category)
              * defining(p, c, category)
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

  /**
   * The area's residents in the category; a neighbourhood without figures for the characteristic
   * (sexual orientation, gender identity) takes its authority's, scaled by residents (as the report
   * does).
   */
  private double population(String area, Characteristic c, String category) {
    Map<String, Map<String, Long>> own = baseline.getOrDefault(area, Map.of());
    if (own.containsKey(c.code()) || !authorityOf.containsKey(area)) {
      return own.getOrDefault(c.code(), Map.of()).getOrDefault(category, 0L);
    }
    Map<String, Map<String, Long>> authority = baseline.get(authorityOf.get(area));
    double scale =
        residents(own.getOrDefault(Characteristic.SEX.code(), Map.of()))
            / residents(authority.getOrDefault(Characteristic.SEX.code(), Map.of()));
    return authority.getOrDefault(c.code(), Map.of()).getOrDefault(category, 0L) * scale;
  }

  private static double residents(Map<String, Long> bySex) {
    return Math.max(1, bySex.values().stream().mapToLong(Long::longValue).sum());
  }

  /**
   * A characteristic that defines who a project is for (not_compared) is mostly that: a carers'
   * group's people are carers, a stroke panel's mostly disabled.
   */
  static double defining(SampleProject p, Characteristic c, String category) {
    if (!p.notCompared().equals(c.code())) {
      return 1.0;
    }
    return switch (c) {
      case UNPAID_CARER -> category.equals("yes") ? 40.0 : 1.0;
      case DISABILITY -> category.equals("not_disabled") ? 0.3 : 4.0;
      default -> 1.0;
    };
  }

  static double tilt(Profile profile, Characteristic c, String category) {
    if (profile == Profile.REPRESENTATIVE) {
      return 1.0;
    }
    if (profile == Profile.YOUNG && c == Characteristic.AGE_BAND) {
      return switch (category) {
        case "16_24" -> 5.0;
        case "25_34" -> 2.0;
        case "35_44" -> 0.8;
        default -> 0.15;
      };
    }
    double usual =
        switch (c) {
          case AGE_BAND ->
              switch (category) {
                case "16_24" -> 0.25;
                case "25_34" -> 0.45;
                case "35_44" -> 0.8;
                case "45_54" -> 1.1;
                case "55_64" -> 1.8;
                case "65_74" -> 2.2;
                case "75_84" -> 1.4;
                default -> 0.5;
              };
          case SEX -> category.equals("female") ? 1.7 : 0.6;
          case ETHNIC_GROUP ->
              category.equals("white_british") ? 1.25 : category.startsWith("white") ? 0.8 : 0.45;
          case DISABILITY -> category.equals("not_disabled") ? 0.8 : 1.6;
          case UNPAID_CARER -> category.equals("yes") ? 1.5 : 1.0;
          default -> 1.0;
        };
    if (profile == Profile.NARROW) {
      if (c == Characteristic.ETHNIC_GROUP
          && (category.startsWith("black")
              || category.startsWith("mixed")
              || category.equals("asian_bangladeshi"))) {
        return 0.0; // groups absent from this project
      }
      return usual * usual;
    }
    return usual;
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

  /** A handful of rows wrong in each way the validation catches, as real exports are. */
  private long writeFaults(
      CSVPrinter out, List<String> columns, SampleProject p, Period quarter, int orgIndex)
      throws IOException {
    String day = quarter.start().plusDays(20).toString();
    List<Map<String, String>> rows = new ArrayList<>();
    String id = String.format(Locale.ROOT, "%s-F%s-", p.id(), quarter.folderName());
    rows.add(fault(id + "1", "P999001", p.id(), "31/02/" + quarter.start().getYear()));
    rows.add(fault(id + "2", "P999002", "UNKNOWN-" + orgIndex, day));
    Map<String, String> badValue = fault(id + "3", "P999003", p.id(), day);
    badValue.put(RecordColumns.SEX, "Fmale");
    rows.add(badValue);
    rows.add(fault(id + "4", "", p.id(), day));
    Map<String, String> original = fault(id + "5", "P999005", p.id(), day);
    rows.add(original);
    rows.add(new HashMap<>(original)); // the same record sent twice: counted once
    Map<String, String> conflict = fault(id + "6", "P999006", p.id(), day);
    rows.add(conflict);
    Map<String, String> changed = new HashMap<>(conflict);
    changed.put(RecordColumns.AGE_BAND, "85_plus");
    rows.add(changed); // the same record_id with different content: both quarantined
    long n = 0;
    for (Map<String, String> r : rows) {
      out.printRecord(columns.stream().map(c -> r.getOrDefault(c, "")).toList());
      n++;
    }
    // A row cut short, as when a line break slips into an export.
    out.printRecord(Arrays.asList(id + "7", "P999007", p.id()));
    return n + 1;
  }

  private static Map<String, String> fault(
      String recordId, String participant, String project, String date) {
    Map<String, String> m = new HashMap<>();
    m.put(RecordColumns.RECORD_ID, recordId);
    m.put(RecordColumns.PARTICIPANT_ID, participant);
    m.put(RecordColumns.PROJECT_ID, project);
    m.put(RecordColumns.ACTIVITY_DATE, date);
    m.put(RecordColumns.AGE_BAND, "45_54");
    m.put(RecordColumns.SEX, "female");
    m.put(RecordColumns.ETHNIC_GROUP, "white_british");
    return m;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
