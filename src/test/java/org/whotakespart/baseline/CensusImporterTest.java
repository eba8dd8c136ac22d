package org.whotakespart.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.BaselineRow;
import org.whotakespart.testing.Paths;

/** On the real ONS files shipped in sample-data/census-2021 (figures from its SOURCES.md). */
class CensusImporterTest {
  private static List<BaselineRow> rows;

  @BeforeAll
  static void importOnce() {
    rows =
        CensusImporter.importFolder(
            Paths.sampleData().resolve("census-2021").toString(), new Configuration());
  }

  private static long total(String characteristic, int minAge) {
    return rows.stream()
        .filter(r -> r.characteristic().equals(characteristic) && r.minAge() == minAge)
        .filter(r -> !BaselineSummary.isRollup(r.areaCode()))
        .mapToLong(BaselineRow::population)
        .sum();
  }

  private static long get(String area, String characteristic, String category, int minAge) {
    return rows.stream()
        .filter(
            r ->
                r.areaCode().equals(area)
                    && r.characteristic().equals(characteristic)
                    && r.category().equals(category)
                    && r.minAge() == minAge)
        .findFirst()
        .orElseThrow()
        .population();
  }

  @Test
  void everyLocalAuthorityHasEveryCharacteristic() {
    for (Characteristic c : Characteristic.values()) {
      Set<String> areas =
          rows.stream()
              .filter(r -> r.characteristic().equals(c.code()))
              .map(BaselineRow::areaCode)
              .filter(a -> !BaselineSummary.isRollup(a))
              .collect(Collectors.toSet());
      assertEquals(331, areas.size(), c.code());
      assertEquals(309, areas.stream().filter(a -> a.startsWith("E")).count(), c.code());
    }
  }

  @Test
  void englandAndWalesTotalsAgreeWithThePublishedFiguresWithinThePerturbation() {
    long published = 59_597_542L;
    for (String c : List.of("ethnic_group", "sex", "age_band", "ethnic_group_broad")) {
      long t = total(c, 0);
      assertTrue(Math.abs(t - published) <= published * 0.0001, c + " " + t);
    }
    // Religion leaves out 3,595,598 "Not answered" (file sum 59,597,564).
    assertEquals(59_597_564L - 3_595_598L, total("religion", 0));
  }

  @Test
  void theFiveBroadEthnicGroupsMatchTheOnsHeadlineCounts() {
    Map<String, Long> broad =
        rows.stream()
            .filter(r -> r.characteristic().equals("ethnic_group_broad"))
            .filter(r -> !BaselineSummary.isRollup(r.areaCode()))
            .collect(
                Collectors.groupingBy(
                    BaselineRow::category, Collectors.summingLong(BaselineRow::population)));
    assertEquals(48_699_231L, broad.get("white"));
    assertEquals(5_515_455L, broad.get("asian"));
    assertEquals(2_409_283L, broad.get("black"));
    assertEquals(1_717_977L, broad.get("mixed"));
    assertEquals(1_255_632L, broad.get("other"));
  }

  @Test
  void namedAreasMatchTheRawRows() {
    // TS021: E08000019,Sheffield,...Caribbean,4647 and White: English...British 414698
    assertEquals(4_647L, get("E08000019", "ethnic_group", "black_caribbean", 0));
    assertEquals(414_698L, get("E08000019", "ethnic_group", "white_british", 0));
    // sex.csv: Sheffield Female 282327; Hartlepool total 92,338
    assertEquals(282_327L, get("E08000019", "sex", "female", 0));
    assertEquals(
        92_338L, get("E06000001", "sex", "female", 0) + get("E06000001", "sex", "male", 0));
    // TS030: Sheffield Muslim 57044
    assertEquals(57_044L, get("E08000019", "religion", "muslim", 0));
  }

  @Test
  void ageBandsAreExactSumsOfSingleYears() {
    // Hartlepool (TS007 row 1): ages 16..19 are 1091, 1085, 927, 909; 20..24 sum to 5110.
    assertEquals(1091 + 1085 + 927 + 909 + 5110, get("E06000001", "age_band", "16_24", 16));
    assertEquals(927 + 909 + 5110, get("E06000001", "age_band", "16_24", 18));
    long all =
        Characteristic.AGE_BAND.categoryCodes().stream()
            .mapToLong(b -> get("E06000001", "age_band", b, 0))
            .sum();
    assertEquals(92_334L, all, "the file's Age: Total for Hartlepool");
    assertTrue(rows.stream().noneMatch(r -> r.category().equals("under_16") && r.minAge() == 16));
  }

  @Test
  void sixteenPlusTablesLeaveOutNotAnswered() {
    // Sheffield gender identity (sexual_genmod.csv): same 393517+16827+13567; different 936+344+246
    // + 269+201+81 + 272+171+81 + 57+698+101; "Not answered" rows left out.
    assertEquals(
        393_517L + 16_827 + 13_567,
        get("E08000019", "gender_identity", "same_as_sex_at_birth", 16));
    assertEquals(
        936L + 344 + 246 + 269 + 201 + 81 + 272 + 171 + 81 + 57 + 698 + 101,
        get("E08000019", "gender_identity", "different_from_sex_at_birth", 16));
  }

  @Test
  void regionsAndNationsAreTheSumsOfTheirAreasFromTheRawFiles() throws java.io.IOException {
    // Independently: the ONS lookup (BOM, CRLF) and TS021's White British rows, read here.
    java.nio.file.Path folder = Paths.sampleData().resolve("census-2021");
    Map<String, String> regionOf = new java.util.HashMap<>();
    try (var r = java.nio.file.Files.newBufferedReader(folder.resolve("LAD21_RGN21_EN_LU.csv"));
        var p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get().parse(r)) {
      p.forEach(rec -> regionOf.put(rec.get(0).replace("\uFEFF", ""), rec.get(2)));
    }
    long yorkshire = 0;
    long wales = 0;
    try (var r = java.nio.file.Files.newBufferedReader(folder.resolve("TS021-2021-2.csv"));
        var p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get().parse(r)) {
      for (var rec : p) {
        if (rec.get(3).startsWith("White: English")) {
          long n = Long.parseLong(rec.get(4));
          yorkshire += "E12000003".equals(regionOf.get(rec.get(0))) ? n : 0;
          wales += rec.get(0).startsWith("W") ? n : 0;
        }
      }
    }
    assertEquals(yorkshire, get("E12000003", "ethnic_group", "white_british", 0));
    assertEquals(wales, get("W92000004", "ethnic_group", "white_british", 0));
    assertEquals(
        44_355_044L,
        get("K04000001", "ethnic_group", "white_british", 0),
        "SOURCES.md: the file's White British total");
  }

  @Test
  void aProjectMayNameARegionAsItsCatchment() {
    var project =
        new org.whotakespart.ingest.Project(
            "R", "Region-wide", "", "", List.of("E12000003"), 16, "census2021");
    var result = CatchmentBaselines.compute(List.of(project), rows);
    assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    ProjectBaseline female =
        result.rows().stream()
            .filter(r -> r.characteristic().equals("sex") && r.category().equals("female"))
            .findFirst()
            .orElseThrow();
    assertEquals(get("E12000003", "sex", "female", 0), female.population());
  }

  @Test
  void anAreaWithASuppressedCellIsLeftOutAndReportedNotGuessed(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path f = dir.resolve("sex.csv");
    java.nio.file.Files.writeString(
        f,
        "Lower tier local authorities Code,Lower tier local authorities,"
            + "Sex (2 categories) Code,Sex (2 categories),Observation\r\n"
            + "E06000053,Isles of Scilly,1,Female,[c]\r\nE06000053,Isles of Scilly,2,Male,1100\r\n"
            + "E06000001,Hartlepool,1,Female,47653\r\nE06000001,Hartlepool,2,Male,44685\r\n");
    Map<String, Long> report = new java.util.LinkedHashMap<>();
    List<BaselineRow> sex =
        CensusImporter.readLong(
            new CensusImporter.LongTable(
                f.toString(),
                "TS008 Sex",
                Characteristic.SEX,
                0,
                "sex (2 categories)",
                Map.of("Female", "female", "Male", "male")),
            new Configuration(),
            report);
    assertEquals(
        Set.of("E06000001"), sex.stream().map(BaselineRow::areaCode).collect(Collectors.toSet()));
    assertEquals(1L, report.get("TS008 Sex: areas left out, suppressed cells"));
  }
}
