package org.whotakespart.baseline;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.whotakespart.baseline.CensusImporter.LongTable;
import org.whotakespart.config.Characteristic;

/**
 * The Census 2021 long files {@link CensusImporter} reads, and how each maps the ONS labels to the
 * contract's codes. A label a table does not list stops the import, unless it is "Does not apply"
 * or "Not answered".
 */
final class CensusTables {
  private CensusTables() {}

  /** The ONS labels of the 19 ethnic groups, in the order of the contract's codes. */
  static final String[] ETHNIC_LABELS = {
    "Asian, Asian British or Asian Welsh: Bangladeshi",
    "Asian, Asian British or Asian Welsh: Chinese",
    "Asian, Asian British or Asian Welsh: Indian",
    "Asian, Asian British or Asian Welsh: Pakistani",
    "Asian, Asian British or Asian Welsh: Other Asian",
    "Black, Black British, Black Welsh, Caribbean or African: African",
    "Black, Black British, Black Welsh, Caribbean or African: Caribbean",
    "Black, Black British, Black Welsh, Caribbean or African: Other Black",
    "Mixed or Multiple ethnic groups: White and Asian",
    "Mixed or Multiple ethnic groups: White and Black African",
    "Mixed or Multiple ethnic groups: White and Black Caribbean",
    "Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups",
    "White: English, Welsh, Scottish, Northern Irish or British",
    "White: Irish",
    "White: Gypsy or Irish Traveller",
    "White: Roma",
    "White: Other White",
    "Other ethnic group: Arab",
    "Other ethnic group: Any other ethnic group"
  };

  private static final Map<String, String> SEX = Map.of("Female", "female", "Male", "male");

  private static final Map<String, String> RELIGION =
      Map.of(
          "No religion", "no_religion",
          "Christian", "christian",
          "Buddhist", "buddhist",
          "Hindu", "hindu",
          "Jewish", "jewish",
          "Muslim", "muslim",
          "Sikh", "sikh",
          "Other religion", "other_religion");

  private static final Map<String, String> GENDER_IDENTITY =
      Map.of(
          "Gender identity the same as sex registered at birth",
          "same_as_sex_at_birth",
          "Gender identity different from sex registered at birth but no specific identity given",
          "different_from_sex_at_birth",
          "Trans woman",
          "different_from_sex_at_birth",
          "Trans man",
          "different_from_sex_at_birth",
          "All other gender identities",
          "different_from_sex_at_birth");

  private static final Map<String, String> SEXUAL_ORIENTATION =
      Map.of(
          "Straight or Heterosexual", "straight",
          "Gay or Lesbian", "gay_or_lesbian",
          "Bisexual", "bisexual",
          "All other sexual orientations", "other_orientation");

  private static final Map<String, String> DISABILITY =
      Map.of(
          "Disabled under the Equality Act: Day-to-day activities limited a lot",
          "limited_a_lot",
          "Disabled under the Equality Act: Day-to-day activities limited a little",
          "limited_a_little",
          "Not disabled under the Equality Act",
          "not_disabled");

  private static final Map<String, String> UNPAID_CARE =
      Map.of(
          "Provides no unpaid care", "no",
          "Provides 19 or less hours unpaid care a week", "yes",
          "Provides 20 to 49 hours unpaid care a week", "yes",
          "Provides 50 or more hours unpaid care a week", "yes");

  /** The long tables in {@code folder}, in the order they are read. */
  static List<LongTable> longTables(String folder) {
    return List.of(
        new LongTable(
            folder + "/TS021-2021-2.csv",
            "TS021 Ethnic group",
            Characteristic.ETHNIC_GROUP,
            0,
            "ethnic group (20 categories)",
            ethnicGroups()),
        new LongTable(
            folder + "/sex.csv", "TS008 Sex", Characteristic.SEX, 0, "sex (2 categories)", SEX),
        new LongTable(
            folder + "/TS030-2021-3.csv",
            "TS030 Religion",
            Characteristic.RELIGION,
            0,
            "religion (10 categories)",
            RELIGION),
        new LongTable(
            folder + "/sexual_genmod.csv",
            "TS078 Gender identity (16+)",
            Characteristic.GENDER_IDENTITY,
            16,
            "gender identity (7 categories)",
            GENDER_IDENTITY),
        new LongTable(
            folder + "/sexual_disability.csv",
            "RM123 Sexual orientation (16+)",
            Characteristic.SEXUAL_ORIENTATION,
            16,
            "sexual orientation (6 categories)",
            SEXUAL_ORIENTATION),
        new LongTable(
            folder + "/sexual_disability.csv",
            "RM123 Disability (16+)",
            Characteristic.DISABILITY,
            16,
            "disability - equality act disabled (4 categories)",
            DISABILITY),
        new LongTable(
            folder + "/sexual_unpaid_carer.csv",
            "RM178 Unpaid care (16+)",
            Characteristic.UNPAID_CARER,
            16,
            "unpaid care (5 categories)",
            UNPAID_CARE));
  }

  private static Map<String, String> ethnicGroups() {
    Map<String, String> ethnic = new TreeMap<>();
    List<String> ethnicCodes = Characteristic.ETHNIC_GROUP.categoryCodes();
    for (int i = 0; i < ETHNIC_LABELS.length; i++) {
      ethnic.put(ETHNIC_LABELS[i], ethnicCodes.get(i));
    }
    return ethnic;
  }
}
