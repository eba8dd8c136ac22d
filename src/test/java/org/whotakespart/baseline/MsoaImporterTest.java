package org.whotakespart.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.BaselinesReader;
import org.whotakespart.ingest.Project;
import org.whotakespart.testing.Paths;

/**
 * MSOA ethnic-group baselines against the raw TS021 rows shipped in sample-data, beside the
 * authorities' rows of the shipped baselines file (its own MSOA rows left out).
 */
class MsoaImporterTest {
  private static final String FILE =
      Paths.sampleData().resolve("census-2021/small-area/census2021-ts021-msoa.csv").toString();
  private static final List<BaselineRow> ROWS =
      MsoaImporter.ethnicGroups(FILE, new Configuration());

  private static long population(
      List<BaselineRow> rows, String area, String characteristic, String category) {
    return rows.stream()
        .filter(
            r ->
                r.areaCode().equals(area)
                    && r.characteristic().equals(characteristic)
                    && r.category().equals(category))
        .mapToLong(BaselineRow::population)
        .sum();
  }

  @Test
  void oneMsoasEthnicGroupFromItsRawRow() {
    // Tower Hamlets 001 (E02000864), raw TS021 row: Bangladeshi 2953, Chinese 128, Indian 209,
    // Pakistani 72, Other Asian 148; English, Welsh, Scottish, Northern Irish or British 4086;
    // Gypsy or Irish Traveller 2; all usual residents 11264.
    String th001 = "E02000864";
    assertEquals(2953, population(ROWS, th001, "ethnic_group", "asian_bangladeshi"));
    assertEquals(4086, population(ROWS, th001, "ethnic_group", "white_british"));
    assertEquals(2, population(ROWS, th001, "ethnic_group", "white_gypsy_or_irish_traveller"));
    assertEquals(
        11264,
        ROWS.stream()
            .filter(r -> r.areaCode().equals(th001) && r.characteristic().equals("ethnic_group"))
            .mapToLong(BaselineRow::population)
            .sum());
    // Broad Asian = 2953 + 128 + 209 + 72 + 148 = 3510.
    assertEquals(3510, population(ROWS, th001, "ethnic_group_broad", "asian"));
    assertEquals(
        "Tower Hamlets 001",
        ROWS.stream().filter(r -> r.areaCode().equals(th001)).findFirst().orElseThrow().areaName());
  }

  @Test
  void eachAuthoritysMsoasAddUpToItsOwnFigureWithinPerturbation() {
    List<BaselineRow> la =
        BaselinesReader.read(
                Paths.sampleData().resolve("baselines-census2021.csv").toString(),
                java.nio.charset.StandardCharsets.UTF_8,
                new Configuration())
            .stream()
            .filter(r -> !MsoaImporter.isMsoa(r.areaCode()))
            .toList();
    Map<String, String> prefix = Map.of("E08000019", "Sheffield ", "E09000030", "Tower Hamlets ");
    prefix.forEach(
        (code, name) -> {
          Map<String, Long> msoa = new HashMap<>();
          long areas =
              ROWS.stream()
                  .filter(r -> r.areaName().startsWith(name))
                  .map(BaselineRow::areaCode)
                  .distinct()
                  .count();
          ROWS.stream()
              .filter(
                  r -> r.areaName().startsWith(name) && r.characteristic().equals("ethnic_group"))
              .forEach(r -> msoa.merge(r.category(), r.population(), Long::sum));
          long total = 0;
          long laTotal = 0;
          for (String category : msoa.keySet()) {
            long own = population(la, code, "ethnic_group", category);
            total += msoa.get(category);
            laTotal += own;
            // Cell-key perturbation moves each small-area count by a few people at most.
            assertTrue(
                Math.abs(msoa.get(category) - own) <= 5 * areas,
                code + " " + category + ": " + msoa.get(category) + " vs " + own);
          }
          assertTrue(
              Math.abs(total - laTotal) <= 2 * areas, code + ": " + total + " vs " + laTotal);
          assertTrue(areas >= 30, name + areas);
        });
  }

  @Test
  void aMixedAuthorityAndNeighbourhoodCatchmentSumsBoth() {
    // Sheffield (the authority, from the baselines file) and Tower Hamlets 001 (an MSOA):
    // Bangladeshi 4,258 + 2,953 of 556,523 + 11,264 residents.
    List<BaselineRow> la =
        BaselinesReader.read(
                Paths.sampleData().resolve("baselines-census2021.csv").toString(),
                java.nio.charset.StandardCharsets.UTF_8,
                new Configuration())
            .stream()
            .filter(r -> !MsoaImporter.isMsoa(r.areaCode()))
            .toList();
    List<BaselineRow> all = new java.util.ArrayList<>(la);
    all.addAll(ROWS);
    Project mixed =
        new Project("MIX", "Mixed", "", "", List.of("E08000019", "E02000864"), 16, "census2021");
    ProjectBaseline b =
        CatchmentBaselines.compute(List.of(mixed), all).rows().stream()
            .filter(
                r ->
                    r.characteristic().equals("ethnic_group")
                        && r.category().equals("asian_bangladeshi"))
            .findFirst()
            .orElseThrow();
    assertEquals(4_258 + 2_953, b.population());
    assertEquals(556_523 + 11_264, b.knownPopulation());
    assertTrue(
        MsoaImporter.isMsoa("E02000864")
            && MsoaImporter.isMsoa("W02000001")
            && !MsoaImporter.isMsoa("E08000019"));
  }

  @Test
  void baselinesCheckReportsMsoaCoverageApartFromTheAuthorities() {
    List<BaselineRow> la =
        BaselinesReader.read(
                Paths.sampleData().resolve("baselines-census2021.csv").toString(),
                java.nio.charset.StandardCharsets.UTF_8,
                new Configuration())
            .stream()
            .filter(r -> !MsoaImporter.isMsoa(r.areaCode()))
            .toList();
    List<BaselineRow> all = new java.util.ArrayList<>(la);
    all.addAll(ROWS);
    List<String> without = BaselineSummary.describe(la);
    List<String> with = BaselineSummary.describe(all);
    // One more line, the MSOAs' coverage (104 = 70 Sheffield + 34 Tower Hamlets); the
    // authorities' lines and totals are unchanged.
    assertEquals(without.size() + 1, with.size());
    assertTrue(
        with.get(1)
            .startsWith(
                "  neighbourhoods (MSOAs): 104, with figures for:"
                    + " ethnic_group 104, ethnic_group_broad 104, age_band none"),
        with.get(1));
    List<String> rest = new java.util.ArrayList<>(with);
    rest.remove(1);
    assertEquals(without, rest);
  }

  @Test
  void orientationOfANeighbourhoodFallsBackToItsAuthoritysShares() {
    List<BaselineRow> rows =
        new java.util.ArrayList<>(
            BaselinesReader.read(
                    Paths.sampleData().resolve("baselines-census2021.csv").toString(),
                    java.nio.charset.StandardCharsets.UTF_8,
                    new Configuration())
                .stream()
                .filter(r -> !MsoaImporter.isMsoa(r.areaCode()))
                .toList());
    rows.addAll(ROWS);
    Project p =
        new Project(
            "NB-01", "Sheffield 001 forum", "", "ICB", List.of("E02001611"), 16, "census2021");
    List<ProjectBaseline> b = CatchmentBaselines.compute(List.of(p), rows).rows();
    // Sheffield (E08000019), sexual orientation 16+: straight 401,537, gay or lesbian 7,395,
    // bisexual 9,018, other 2,410; residents of all ages 556,523 (TS021); Sheffield 001 7,683.
    // Scaled by 7,683 / 556,523 and rounded: 5,543.3 -> 5,543; 102.1 -> 102; 124.5 (124.496)
    // -> 124; 33.3 -> 33; known 5,802.
    Map<String, Long> got = new HashMap<>();
    b.stream()
        .filter(x -> x.characteristic().equals("sexual_orientation"))
        .forEach(x -> got.put(x.category(), x.population()));
    assertEquals(
        Map.of(
            "straight", 5543L, "gay_or_lesbian", 102L, "bisexual", 124L, "other_orientation", 33L),
        got);
    ProjectBaseline straight =
        b.stream().filter(x -> x.category().equals("straight")).findFirst().orElseThrow();
    assertEquals(5802, straight.knownPopulation());
    assertTrue(
        straight.covers().contains("the shares of the authority each lies in"), straight.covers());
    // Ethnic group has its own neighbourhood table: no fall-back there.
    assertTrue(
        b.stream()
            .filter(x -> x.characteristic().equals("ethnic_group"))
            .allMatch(x -> !x.covers().contains("authority")));
    // Disability has no neighbourhood table here and no fall-back: no baseline (a warning).
    assertTrue(b.stream().noneMatch(x -> x.characteristic().equals("disability")));
  }
}
