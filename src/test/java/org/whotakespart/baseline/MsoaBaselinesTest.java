package org.whotakespart.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.ingest.BaselinesReader;
import org.whotakespart.ingest.Project;
import org.whotakespart.testing.Paths;

/**
 * Neighbourhood (MSOA) sex, age, religion, disability and unpaid-care baselines against the raw
 * Census rows shipped in sample-data, and each authority's MSOAs against its own figure.
 */
class MsoaBaselinesTest {
  private static final Configuration CONF = new Configuration();
  private static final String FOLDER =
      Paths.sampleData().resolve("census-2021/small-area").toString();
  private static final List<BaselineRow> ROWS = MsoaImporter.importFolder(FOLDER, CONF).rows();
  private static final String SHEFFIELD_001 = "E02001611";

  private static long population(
      List<BaselineRow> rows, String area, String characteristic, String category, int minAge) {
    return rows.stream()
        .filter(
            r ->
                r.areaCode().equals(area)
                    && r.characteristic().equals(characteristic)
                    && r.category().equals(category)
                    && r.minAge() == minAge)
        .mapToLong(BaselineRow::population)
        .sum();
  }

  /** The authorities' rows of the shipped baselines file (its MSOA rows left out). */
  private static List<BaselineRow> authorities() {
    return BaselinesReader.read(
            Paths.sampleData().resolve("baselines-census2021.csv").toString(),
            StandardCharsets.UTF_8,
            CONF)
        .stream()
        .filter(r -> !MsoaImporter.isMsoa(r.areaCode()))
        .toList();
  }

  /** The raw line of a CSV file whose second field is {@code code}, split on commas. */
  private static Map<String, String> rawRow(String file, String code) throws IOException {
    List<String> lines =
        Files.readAllLines(Paths.sampleData().resolve("census-2021/small-area/" + file));
    String[] header = lines.get(0).split(",");
    String[] row =
        lines.stream()
            .filter(l -> l.split(",")[1].equals(code))
            .findFirst()
            .orElseThrow()
            .split(",");
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      out.put(header[i], row[i]);
    }
    return out;
  }

  @Test
  void sexOfOneMsoaFromItsRawTs008Row() {
    // TS008_sex_2021.csv.gz: "E02001611,Sheffield 001,MSOA,E08000019,Sheffield,sex,3932,3751,
    // 7683,51.2,48.8" (female, male, total).
    assertEquals(3932, population(ROWS, SHEFFIELD_001, "sex", "female", 0));
    assertEquals(3751, population(ROWS, SHEFFIELD_001, "sex", "male", 0));
    assertEquals(
        "Sheffield 001",
        ROWS.stream()
            .filter(r -> r.areaCode().equals(SHEFFIELD_001) && r.characteristic().equals("sex"))
            .findFirst()
            .orElseThrow()
            .areaName());
  }

  @Test
  void aYouthPanelsAgeBaselineInANeighbourhoodCountsItsSingleYears() throws IOException {
    Map<String, String> raw = rawRow(MsoaImporter.AGE_FILE, SHEFFIELD_001);
    long aged16to24 = 0;
    for (int a = 16; a <= 24; a++) {
      aged16to24 += Long.parseLong(raw.get("Aged " + a + " years"));
    }
    long aged25 = Long.parseLong(raw.get("Aged 25 years"));
    AgeSexTable t =
        AgeSexTable.readAll(
            List.of(FOLDER + "/census2021-ts009-ltla.csv", FOLDER + "/" + MsoaImporter.AGE_FILE),
            CONF);
    List<BaselineRow> baselines = new ArrayList<>(authorities());
    baselines.addAll(ROWS);
    Project youth =
        new Project(
            "NB-Y",
            "Youth panel",
            "",
            "",
            List.of(SHEFFIELD_001),
            16,
            25,
            "",
            Set.of(),
            "census2021");
    List<ProjectBaseline> b =
        CatchmentBaselines.compute(List.of(youth), baselines, t).rows().stream()
            .filter(r -> r.characteristic().equals("age_band"))
            .toList();
    // Two bands compared: 16 to 24 whole, and only age 25 of 25 to 34.
    assertEquals(2, b.size(), b.toString());
    assertEquals(aged16to24, b.get(0).population());
    assertEquals("16_24", b.get(0).category());
    assertEquals(aged25, b.get(1).population());
    assertEquals(aged16to24 + aged25, b.get(0).knownPopulation());
    assertEquals("residents aged 16 to 25", b.get(0).covers());
    // Youth share of 16-24 = sum of the single years 16..24 over 16..25.
    assertEquals(
        (double) aged16to24 / (aged16to24 + aged25),
        (double) b.get(0).population() / b.get(0).knownPopulation(),
        1e-15);
    // The file's bands at 16+ are the same single years summed (TS007, as for authorities).
    long band16 = 0;
    for (int a = 16; a <= 24; a++) {
      band16 += Long.parseLong(raw.get("Aged " + a + " years"));
    }
    assertEquals(band16, population(ROWS, SHEFFIELD_001, "age_band", "16_24", 16));

    // A women's group there: no MSOA table of sex by age, so its age baseline counts both sexes
    // and says so; its sex baseline is the MSOA's women of all ages (TS008): all of the people it
    // is for, so women are compared with a share of 1, never with the 51% of both sexes.
    Project women =
        new Project(
            "NB-W",
            "Women's group",
            "",
            "",
            List.of(SHEFFIELD_001),
            16,
            25,
            "female",
            Set.of(),
            "census2021");
    List<ProjectBaseline> w = CatchmentBaselines.compute(List.of(women), baselines, t).rows();
    ProjectBaseline age =
        w.stream().filter(r -> r.characteristic().equals("age_band")).findFirst().orElseThrow();
    assertEquals(aged16to24, age.population());
    assertEquals(
        "residents aged 16 to 25, both sexes (no neighbourhood table of sex by age)", age.covers());
    assertEquals("", age.sexCovered());
    ProjectBaseline female =
        w.stream().filter(r -> r.characteristic().equals("sex")).findFirst().orElseThrow();
    assertEquals(3932, female.population());
    assertEquals(3932, female.knownPopulation());
    assertEquals("residents of all ages, women and girls only", female.covers());
    assertEquals(
        1, w.stream().filter(r -> r.characteristic().equals("sex")).count(), "men: not compared");
  }

  @Test
  void religionOfAnMsoaIsTheSumOfItsOutputAreas() {
    // Tower Hamlets 022 (E02000885) has 17 output areas (TS008 parents: OA -> LSOA -> MSOA).
    // Raw rows of oa-ts030-religion.parquet, columns ts0300001 (total) to ts0300010 (not
    // answered): no religion, Christian, Buddhist, Hindu, Jewish, Muslim, Sikh, other.
    long[][] oas = {
      {533, 57, 65, 4, 3, 1, 353, 0, 1, 49}, // E00021637
      {308, 11, 41, 0, 0, 2, 239, 0, 0, 15}, // E00021639
      {371, 41, 63, 1, 7, 2, 228, 1, 1, 27}, // E00021640
      {417, 58, 52, 2, 5, 4, 270, 1, 4, 21}, // E00021641
      {268, 51, 42, 0, 2, 0, 164, 1, 1, 7}, // E00021643
      {425, 59, 120, 10, 3, 0, 216, 0, 1, 16}, // E00021644
      {535, 38, 34, 0, 2, 4, 435, 0, 4, 18}, // E00021646
      {385, 47, 70, 3, 4, 0, 243, 0, 5, 13}, // E00021654
      {436, 107, 84, 4, 8, 0, 194, 0, 3, 36}, // E00021659
      {299, 51, 68, 0, 9, 4, 137, 0, 0, 30}, // E00021660
      {425, 89, 91, 1, 3, 5, 210, 0, 4, 22}, // E00021661
      {546, 98, 141, 3, 0, 21, 246, 0, 5, 32}, // E00021662
      {227, 44, 52, 2, 0, 8, 99, 2, 2, 18}, // E00021663
      {481, 33, 57, 0, 2, 0, 351, 0, 1, 37}, // E00021665
      {428, 116, 137, 0, 4, 0, 141, 0, 7, 23}, // E00021668
      {561, 26, 46, 0, 0, 0, 476, 0, 0, 13}, // E00021669
      {407, 29, 71, 5, 17, 1, 267, 0, 0, 17} // E00021670
    };
    List<String> categories = org.whotakespart.config.Characteristic.RELIGION.categoryCodes();
    long known = 0;
    for (int c = 0; c < categories.size(); c++) {
      final int col = c + 1;
      long expected = Arrays.stream(oas).mapToLong(r -> r[col]).sum();
      assertEquals(
          expected,
          population(ROWS, "E02000885", "religion", categories.get(c), 0),
          categories.get(c));
      known += expected;
    }
    // Every category read: the MSOA's religion adds up to its residents less "not answered".
    long total = Arrays.stream(oas).mapToLong(r -> r[0]).sum();
    long notAnswered = Arrays.stream(oas).mapToLong(r -> r[9]).sum();
    assertEquals(total - notAnswered, known);
    // Muslim: 353 + 239 + 228 + 270 + 164 + 216 + 435 + 243 + 194 + 137 + 210 + 246 + 99 + 351
    // + 141 + 476 + 267.
    assertEquals(4269, population(ROWS, "E02000885", "religion", "muslim", 0));
  }

  @Test
  void unpaidCareOfOneMsoaFromItsRawRowAtAges5AndOver() throws IOException {
    // msoa_provision_of_unpaid_care_2021_data.csv: "Sheffield 001,E02001611,7291,6520,253,107,77,
    // 83,251": total 5+, none, then 9 hours or less, 10-19, 20-34, 35-49, 50 or more a week.
    Map<String, String> raw = rawRow(MsoaImporter.CARE_FILE, SHEFFIELD_001);
    assertEquals("7291", raw.get("total"));
    assertEquals(
        253 + 107 + 77 + 83 + 251, population(ROWS, SHEFFIELD_001, "unpaid_carer", "yes", 5));
    assertEquals(6520, population(ROWS, SHEFFIELD_001, "unpaid_carer", "no", 5));
    // A 16+ project there compares with residents aged 5 and over (the table's ages), and says so.
    Project p = new Project("NB-C", "Forum", "", "", List.of(SHEFFIELD_001), 16, "census2021");
    ProjectBaseline yes =
        CatchmentBaselines.compute(List.of(p), ROWS).rows().stream()
            .filter(r -> r.characteristic().equals("unpaid_carer") && r.category().equals("yes"))
            .findFirst()
            .orElseThrow();
    assertEquals(771, yes.population());
    assertEquals(7291, yes.knownPopulation());
    assertEquals(5, yes.minAgeCovered());
    assertEquals("residents aged 5 and over", yes.covers());
  }

  @Test
  void disabilityAndReligionOfEachMsoaAddUpToItsResidentsWithinPerturbation() {
    // Output areas summed to MSOAs against the MSOA's own TS008 total: each cell of each OA
    // carries its own perturbation, so allow a few people per MSOA.
    Map<String, Long> residents = new TreeMap<>();
    Map<String, Long> disability = new TreeMap<>();
    for (BaselineRow r : ROWS) {
      if (r.characteristic().equals("sex")) {
        residents.merge(r.areaCode(), r.population(), Long::sum);
      } else if (r.characteristic().equals("disability")) {
        disability.merge(r.areaCode(), r.population(), Long::sum);
      }
    }
    assertEquals(104, residents.size());
    assertEquals(residents.keySet(), disability.keySet());
    residents.forEach(
        (area, n) ->
            assertTrue(
                Math.abs(disability.get(area) - n) <= 30,
                area + ": " + disability.get(area) + " vs " + n));
  }

  /** MSOA to authority, from the parent codes of every MSOA row of TS008. */
  private static Map<String, String> authorityOf(List<MsoaImporter.AreaRow> ts008) {
    Map<String, String> out = new HashMap<>();
    ts008.stream().filter(a -> a.type().equals("MSOA")).forEach(a -> out.put(a.code(), a.parent()));
    return out;
  }

  @Test
  void everyAuthoritysMsoasAddUpToItsOwnSexAndEthnicGroupWithinPerturbation() {
    // All 7,264 MSOAs of England and Wales (test resources: TS008's MSOA and authority rows, and
    // the whole TS021 MSOA file), summed by their TS008 parent, against the authorities' rows of
    // the shipped baselines file (TS008 sex.csv and TS021, all ages).
    String dir = Paths.project().resolve("src/test/resources/census-2021-msoa").toString();
    List<MsoaImporter.AreaRow> ts008 =
        MsoaImporter.readTs008(dir + "/ts008-msoa-and-authorities.csv.gz", CONF);
    Map<String, String> parent = authorityOf(ts008);
    assertEquals(7264, parent.size());
    List<BaselineRow> msoa = new ArrayList<>(MsoaImporter.sexes(ts008));
    msoa.addAll(MsoaImporter.ethnicGroups(dir + "/census2021-ts021-msoa.csv.gz", CONF));
    Map<List<String>, Long> summed = new HashMap<>();
    Map<String, Integer> msoas = new HashMap<>();
    parent.values().forEach(la -> msoas.merge(la, 1, Integer::sum));
    for (BaselineRow r : msoa) {
      summed.merge(
          List.of(parent.get(r.areaCode()), r.characteristic(), r.category()),
          r.population(),
          Long::sum);
    }
    Map<List<String>, Long> own = new HashMap<>();
    for (BaselineRow r : authorities()) {
      if (r.minAge() == 0
          && (r.characteristic().equals("sex") || r.characteristic().equals("ethnic_group"))) {
        own.put(List.of(r.areaCode(), r.characteristic(), r.category()), r.population());
      }
    }
    assertEquals(331, msoas.size());
    long checked = 0;
    long worst = 0;
    for (var e : summed.entrySet()) {
      if (e.getKey().get(1).equals("ethnic_group_broad")) {
        continue;
      }
      Long la = own.get(e.getKey());
      if (la == null) {
        continue; // an authority whose own cell is suppressed in the shipped file
      }
      long diff = Math.abs(e.getValue() - la);
      worst = Math.max(worst, diff);
      // Cell-key perturbation: each MSOA cell moves by a few people; measured worst over all
      // authorities and cells: see the assertion message.
      int n = msoas.get(e.getKey().get(0));
      assertTrue(diff <= 10 + n / 2, e.getKey() + ": " + e.getValue() + " vs " + la);
      checked++;
    }
    // 331 authorities x (2 sexes + 19 groups), less any cell the authority file suppresses.
    assertTrue(checked >= 331 * 21 - 50, "checked " + checked + ", worst " + worst);
    System.out.println("MSOA sums vs authorities: " + checked + " cells, worst " + worst);
  }

  @Test
  void baselinesCheckReportsTheShippedNeighbourhoodsCoverage() {
    List<BaselineRow> shipped =
        BaselinesReader.read(
            Paths.sampleData().resolve("baselines-census2021.csv").toString(),
            StandardCharsets.UTF_8,
            CONF);
    // The shipped file holds the 104 MSOAs of Sheffield (70) and Tower Hamlets (34), each with
    // every table the small-area folder has; orientation and gender identity fall back.
    assertEquals(
        "  neighbourhoods (MSOAs): 104, with figures for: ethnic_group 104, ethnic_group_broad"
            + " 104, age_band 104 (from all ages, 16+, 18+), sex 104, gender_identity none (the"
            + " authority's shares), sexual_orientation none (the authority's shares), religion"
            + " 104, disability 104, unpaid_carer 104 (from 5+) (not in the totals below)",
        BaselineSummary.describe(shipped).get(1));
    // The MSOA rows in the file are exactly what the importer makes of the shipped folder.
    assertEquals(
        ROWS.stream().map(BaselineRow::toString).sorted().toList(),
        shipped.stream()
            .filter(r -> MsoaImporter.isMsoa(r.areaCode()))
            .map(BaselineRow::toString)
            .sorted()
            .toList());
  }

  @Test
  void theSamplesNeighbourhoodProjectsAreComparedWithTheirOwnMsoas() throws IOException {
    List<Project> projects =
        org.whotakespart.ingest.ProjectsReader.read(
            Paths.sampleData().resolve("projects.csv").toString(), StandardCharsets.UTF_8, CONF);
    Project panel =
        projects.stream().filter(p -> p.projectId().equals("TWH-04")).findFirst().orElseThrow();
    assertEquals(List.of("E02000864", "E02000885"), panel.catchment());
    AgeSexTable t =
        AgeSexTable.readAll(
            List.of(FOLDER + "/census2021-ts009-ltla.csv", FOLDER + "/" + MsoaImporter.AGE_FILE),
            CONF);
    List<BaselineRow> shipped =
        BaselinesReader.read(
            Paths.sampleData().resolve("baselines-census2021.csv").toString(),
            StandardCharsets.UTF_8,
            CONF);
    List<ProjectBaseline> b = CatchmentBaselines.compute(List.of(panel), shipped, t).rows();
    // Residents 16 to 64 of Tower Hamlets 001 and 022: the age bands are both MSOAs' single
    // years, 55 to 64 whole, 65+ not compared.
    long aged16to24 = 0;
    long aged16to64 = 0;
    for (String msoa : panel.catchment()) {
      Map<String, String> raw = rawRow(MsoaImporter.AGE_FILE, msoa);
      for (int a = 16; a <= 64; a++) {
        long n = Long.parseLong(raw.get("Aged " + a + " years"));
        aged16to64 += n;
        aged16to24 += a <= 24 ? n : 0;
      }
    }
    ProjectBaseline young =
        b.stream().filter(r -> r.category().equals("16_24")).findFirst().orElseThrow();
    assertEquals(aged16to24, young.population());
    assertEquals(aged16to64, young.knownPopulation());
    assertEquals("residents aged 16 to 64", young.covers());
    assertTrue(b.stream().noneMatch(r -> r.category().equals("65_74")));
    // Sex: no MSOA table of sex by age, so the MSOAs' residents of all ages (TS008).
    ProjectBaseline female =
        b.stream().filter(r -> r.category().equals("female")).findFirst().orElseThrow();
    assertEquals("residents of all ages", female.covers());
    assertEquals(
        population(ROWS, "E02000864", "sex", "female", 0)
            + population(ROWS, "E02000885", "sex", "female", 0),
        female.population());
    // Religion: the two MSOAs' output areas; Tower Hamlets 022's Muslims are 4,269 (above).
    ProjectBaseline muslim =
        b.stream().filter(r -> r.category().equals("muslim")).findFirst().orElseThrow();
    assertEquals(
        4269 + population(ROWS, "E02000864", "religion", "muslim", 0), muslim.population());
  }
}
