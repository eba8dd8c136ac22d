package org.whotakespart.config;

import java.util.List;
import java.util.Optional;

/**
 * The characteristics compared with a population baseline, with their categories in report order.
 *
 * <p>The codes are the data contract's (data-contract.md §1 and §3). {@link #ETHNIC_GROUP_BROAD} is
 * not a record column: it is derived from {@link #ETHNIC_GROUP} (the text before the first
 * underscore of the code).
 */
public enum Characteristic implements Coded {
  ETHNIC_GROUP(
      "ethnic_group",
      "Ethnic group",
      c("asian_bangladeshi", "Asian: Bangladeshi"),
      c("asian_chinese", "Asian: Chinese"),
      c("asian_indian", "Asian: Indian"),
      c("asian_pakistani", "Asian: Pakistani"),
      c("asian_other", "Asian: other Asian"),
      c("black_african", "Black: African"),
      c("black_caribbean", "Black: Caribbean"),
      c("black_other", "Black: other Black"),
      c("mixed_white_and_asian", "Mixed: White and Asian"),
      c("mixed_white_and_black_african", "Mixed: White and Black African"),
      c("mixed_white_and_black_caribbean", "Mixed: White and Black Caribbean"),
      c("mixed_other", "Mixed: other mixed"),
      c("white_british", "White: British"),
      c("white_irish", "White: Irish"),
      c("white_gypsy_or_irish_traveller", "White: Gypsy or Irish Traveller"),
      c("white_roma", "White: Roma"),
      c("white_other", "White: other White"),
      c("other_arab", "Other: Arab"),
      c("other_any_other", "Other: any other ethnic group")),
  ETHNIC_GROUP_BROAD(
      "ethnic_group_broad",
      "Ethnic group (broad)",
      c("asian", "Asian, Asian British or Asian Welsh"),
      c("black", "Black, Black British, Black Welsh, Caribbean or African"),
      c("mixed", "Mixed or Multiple ethnic groups"),
      c("white", "White"),
      c("other", "Other ethnic group")),
  AGE_BAND(
      "age_band",
      "Age",
      c("under_16", "under 16"),
      c("16_24", "aged 16 to 24"),
      c("25_34", "aged 25 to 34"),
      c("35_44", "aged 35 to 44"),
      c("45_54", "aged 45 to 54"),
      c("55_64", "aged 55 to 64"),
      c("65_74", "aged 65 to 74"),
      c("75_84", "aged 75 to 84"),
      c("85_plus", "aged 85 and over")),
  SEX("sex", "Sex", c("female", "Female"), c("male", "Male")),
  GENDER_IDENTITY(
      "gender_identity",
      "Gender identity",
      c("same_as_sex_at_birth", "Gender identity the same as sex registered at birth"),
      c("different_from_sex_at_birth", "Gender identity different from sex registered at birth")),
  SEXUAL_ORIENTATION(
      "sexual_orientation",
      "Sexual orientation",
      c("straight", "Straight or heterosexual"),
      c("gay_or_lesbian", "Gay or lesbian"),
      c("bisexual", "Bisexual"),
      c("other_orientation", "Other sexual orientation")),
  RELIGION(
      "religion",
      "Religion",
      c("no_religion", "No religion"),
      c("christian", "Christian"),
      c("buddhist", "Buddhist"),
      c("hindu", "Hindu"),
      c("jewish", "Jewish"),
      c("muslim", "Muslim"),
      c("sikh", "Sikh"),
      c("other_religion", "Other religion")),
  DISABILITY(
      "disability",
      "Disability",
      c("limited_a_lot", "Disabled: day-to-day activities limited a lot"),
      c("limited_a_little", "Disabled: day-to-day activities limited a little"),
      c("not_disabled", "Not disabled")),
  UNPAID_CARER(
      "unpaid_carer",
      "Unpaid carer",
      c("yes", "Provides unpaid care"),
      c("no", "Provides no unpaid care"));

  private final String code;
  private final String label;
  private final List<Category> categories;

  Characteristic(String code, String label, Category... categories) {
    this.code = code;
    this.label = label;
    this.categories = List.of(categories);
  }

  private static Category c(String code, String label) {
    return new Category(code, label);
  }

  /** The contract's name, used as a column name and in the metrics' {@code characteristic}. */
  @Override
  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public List<Category> categories() {
    return categories;
  }

  public List<String> categoryCodes() {
    return categories.stream().map(Category::code).toList();
  }

  /** Position of a category code in report order, or -1 when the code is not one of ours. */
  public int indexOf(String categoryCode) {
    for (int i = 0; i < categories.size(); i++) {
      if (categories.get(i).code().equals(categoryCode)) {
        return i;
      }
    }
    return -1;
  }

  public Optional<Category> category(String categoryCode) {
    int i = indexOf(categoryCode);
    return i < 0 ? Optional.empty() : Optional.of(categories.get(i));
  }

  /** True when the value comes from a record column of the same name (not derived). */
  public boolean isRecordColumn() {
    return this != ETHNIC_GROUP_BROAD;
  }

  /**
   * The broad ethnic group of a detailed ethnic group code: the text before the first underscore.
   */
  public static String broadEthnicGroupOf(String ethnicGroupCode) {
    return ethnicGroupCode.substring(0, ethnicGroupCode.indexOf('_'));
  }

  public static Optional<Characteristic> fromCode(String code) {
    return Coded.byCode(Characteristic.class, code);
  }
}
