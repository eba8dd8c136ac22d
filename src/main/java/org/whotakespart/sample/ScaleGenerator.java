package org.whotakespart.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.whotakespart.config.Characteristic;
import org.whotakespart.config.Period;
import org.whotakespart.ingest.BaselineRow;

/**
 * Participation records at benchmark scale (millions), written as they are made: nothing but the
 * areas' population shares is held in memory. About 2,000 projects (by default), each serving one
 * of the local authorities in the baselines (all 331 in turn), run by 200 organisations, each
 * organisation writing one file a quarter. A person's answers come from a random stream seeded by
 * their id, so they answer alike at every activity and in every quarter without being stored;
 * projects under-recruit some groups (younger people, ethnic minorities, disabled people) so that
 * the report has gaps to find. Clean data: the checks are measured on the shipped sample.
 *
 * <pre>{@code
 * long n = new ScaleGenerator(2025, baselines, Period.parse("2025-26 Q2"), 8, 2000)
 *     .write(Path.of("target/bench/8m"), 8_000_000);
 * }</pre>
 */
public final class ScaleGenerator {
  static final int PROJECTS_PER_ORGANISATION = 10;
  private static final String HEADER =
      "record_id,participant_id,project_id,activity_date,role,"
          + "stage,age_band,sex,gender_identity,sexual_orientation,ethnic_group,religion,disability,"
          + "unpaid_carer,imd_decile,paid,adjustments_requested,adjustments_met";
  private static final String[] ROLES = {
    "lived_experience", "carer", "community_member", "professional"
  };
  private static final String[] STAGES = {"design", "delivery", "evaluation"};

  /** The record columns drawn from the population, in file order. */
  private static final List<Characteristic> DRAWN =
      List.of(
          Characteristic.AGE_BAND,
          Characteristic.SEX,
          Characteristic.GENDER_IDENTITY,
          Characteristic.SEXUAL_ORIENTATION,
          Characteristic.ETHNIC_GROUP,
          Characteristic.RELIGION,
          Characteristic.DISABILITY,
          Characteristic.UNPAID_CARER);

  private final long seed;
  private final List<String> areas;

  /** Per area and drawn characteristic, cumulative weights over the categories. */
  private final double[][][] cumulative;

  private final List<Period> quarters;
  private final int projects;

  public ScaleGenerator(
      long seed, List<BaselineRow> baselines, Period last, int quarterCount, int projects) {
    this.seed = seed;
    this.projects = projects;
    Map<String, Map<String, Map<String, Long>>> byArea = new TreeMap<>();
    for (BaselineRow b : baselines) {
      boolean localAuthority = b.areaCode().matches("[EW]0[6789]\\d{6}");
      int wanted = b.characteristic().equals(Characteristic.AGE_BAND.code()) ? 16 : b.minAge();
      if (localAuthority && b.minAge() == wanted && b.baseline().equals("census2021")) {
        byArea
            .computeIfAbsent(b.areaCode(), a -> new TreeMap<>())
            .computeIfAbsent(b.characteristic(), c -> new TreeMap<>())
            .merge(b.category(), b.population(), Long::sum);
      }
    }
    this.areas = List.copyOf(byArea.keySet());
    this.cumulative = new double[areas.size()][DRAWN.size()][];
    for (int a = 0; a < areas.size(); a++) {
      for (int c = 0; c < DRAWN.size(); c++) {
        Characteristic ch = DRAWN.get(c);
        List<String> codes = ch.categoryCodes();
        double[] w = new double[codes.size()];
        double sum = 0;
        for (int k = 0; k < codes.size(); k++) {
          sum +=
              byArea
                      .get(areas.get(a))
                      .getOrDefault(ch.code(), Map.of())
                      .getOrDefault(codes.get(k), 0L)
                  * tilt(ch, codes.get(k));
          w[k] = sum;
        }
        cumulative[a][c] = w;
      }
    }
    List<Period> q = new ArrayList<>();
    for (Period p = last; q.size() < quarterCount; p = p.previous()) {
      q.add(0, p);
    }
    this.quarters = q;
  }

  /** Fewer of some groups take part than live in the area: the gaps the report should find. */
  static double tilt(Characteristic c, String category) {
    return switch (c) {
      case AGE_BAND -> category.equals("16_24") ? 0.5 : category.startsWith("6") ? 1.3 : 1.0;
      case ETHNIC_GROUP -> category.startsWith("white") ? 1.0 : 0.65;
      case DISABILITY -> category.equals("limited_a_lot") ? 0.7 : 1.0;
      default -> 1.0;
    };
  }

  public List<String> areas() {
    return areas;
  }

  /**
   * Writes projects.csv and {@code records/org-NNN/participation-<quarter>.csv} into {@code out},
   * {@code total} records spread evenly over the quarters and projects; returns the records
   * written.
   */
  public long write(Path out, long total) {
    try {
      Files.createDirectories(out.resolve("records"));
      writeProjects(out.resolve("projects.csv"));
      long perQuarter = total / quarters.size();
      long written = 0;
      int organisations = (projects + PROJECTS_PER_ORGANISATION - 1) / PROJECTS_PER_ORGANISATION;
      for (int q = 0; q < quarters.size(); q++) {
        long quarterTotal = q == quarters.size() - 1 ? total - perQuarter * q : perQuarter;
        for (int org = 0; org < organisations; org++) {
          Path file =
              out.resolve("records")
                  .resolve(String.format(Locale.ROOT, "org-%03d", org))
                  .resolve("participation-" + quarters.get(q).folderName() + ".csv");
          Files.createDirectories(file.getParent());
          try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int p = org * PROJECTS_PER_ORGANISATION;
                p < Math.min(projects, (org + 1) * PROJECTS_PER_ORGANISATION);
                p++) {
              long n = quarterTotal / projects + (p < quarterTotal % projects ? 1 : 0);
              written += writeProject(w, p, q, n);
            }
          }
        }
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the sample to " + out + ": " + e.getMessage(), e);
    }
  }

  private void writeProjects(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("project_id,project_name,organisation,commissioner,catchment,min_age,baseline\n");
      for (int p = 0; p < projects; p++) {
        w.write(
            String.format(
                Locale.ROOT,
                "%s,Co-production project %d,Organisation %d,"
                    + "Commissioner %d,%s,16,census2021%n",
                projectId(p),
                p,
                p / PROJECTS_PER_ORGANISATION,
                p % 20,
                areas.get(p % areas.size())));
      }
    }
  }

  static String projectId(int p) {
    return String.format(Locale.ROOT, "PRJ-%04d", p);
  }

  /** A project's records of one quarter: its people come to about three activities each. */
  private long writeProject(BufferedWriter w, int p, int q, long n) throws IOException {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + p * 1_009L + q);
    Period quarter = quarters.get(q);
    int days = (int) ChronoUnit.DAYS.between(quarter.start(), quarter.endExclusive());
    // A pool that turns over slowly: a third new each quarter, so people come back.
    long pool = Math.max(1, n / 3);
    long firstPerson = q * (pool / 3);
    int area = p % areas.size();
    StringBuilder b = new StringBuilder(256);
    for (long i = 0; i < n; i++) {
      long person = firstPerson + r.nextLong(pool);
      long personId = (long) p * 10_000_000L + person;
      SplittableRandom who = new SplittableRandom(seed ^ (personId * 0x9E3779B97F4A7C15L));
      b.setLength(0);
      b.append(projectId(p))
          .append('-')
          .append(quarter.folderName())
          .append('-')
          .append(i)
          .append(",P")
          .append(personId)
          .append(',')
          .append(projectId(p))
          .append(',');
      LocalDate day = quarter.start().plusDays(r.nextInt(days));
      b.append(day).append(',');
      double role = who.nextDouble();
      b.append(ROLES[role < 0.82 ? 0 : role < 0.9 ? 1 : role < 0.96 ? 2 : 3]).append(',');
      b.append(r.nextInt(5) == 0 ? "" : STAGES[r.nextInt(3)]).append(',');
      for (int c = 0; c < DRAWN.size(); c++) {
        b.append(who.nextInt(20) == 0 ? "" : draw(who, area, c)).append(',');
      }
      b.append(who.nextInt(4) == 0 ? "" : Integer.toString(1 + who.nextInt(10))).append(',');
      b.append(r.nextInt(10) < 6 ? "yes" : "no").append(',');
      boolean asked = who.nextInt(7) == 0;
      b.append(asked ? "yes" : "no").append(',');
      b.append(asked ? (r.nextInt(5) == 0 ? "no" : "yes") : "").append('\n');
      w.append(b);
    }
    return n;
  }

  private String draw(SplittableRandom who, int area, int c) {
    double[] w = cumulative[area][c];
    double total = w[w.length - 1];
    if (total <= 0) {
      return "";
    }
    double x = who.nextDouble() * total;
    for (int k = 0; k < w.length; k++) {
      if (x < w[k]) {
        return DRAWN.get(c).categoryCodes().get(k);
      }
    }
    return DRAWN.get(c).categoryCodes().get(w.length - 1);
  }
}
