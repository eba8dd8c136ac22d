package org.whotakespart.report;

import org.whotakespart.config.Category;
import org.whotakespart.config.Characteristic;

/** Plain words for groups and gaps, as a board member reads them. */
public final class Phrases {
  private Phrases() {}

  /** "people aged 16 to 24", "women", "people in the ethnic group Black: Caribbean". */
  public static String people(String characteristic, String category) {
    Characteristic c = Characteristic.fromCode(characteristic).orElseThrow();
    String label = c.category(category).map(Category::label).orElse(category);
    return switch (c) {
      case AGE_BAND -> "people " + label;
      case SEX -> category.equals("female") ? "women and girls" : "men and boys";
      case ETHNIC_GROUP -> "people in the ethnic group " + label;
      case ETHNIC_GROUP_BROAD ->
          switch (category) {
            case "asian" -> "Asian people";
            case "black" -> "Black people";
            case "mixed" -> "people of mixed ethnic groups";
            case "white" -> "White people";
            default -> "people of other ethnic groups";
          };
      case RELIGION ->
          category.equals("no_religion")
              ? "people with no religion"
              : "people whose religion is " + label;
      case DISABILITY ->
          category.equals("not_disabled")
              ? "people who are not disabled"
              : "disabled people whose day-to-day activities are limited "
                  + (category.equals("limited_a_lot") ? "a lot" : "a little");
      case UNPAID_CARER ->
          category.equals("yes") ? "unpaid carers" : "people who are not unpaid carers";
      case SEXUAL_ORIENTATION ->
          category.equals("straight")
              ? "straight people"
              : category.equals("other_orientation")
                  ? "people of another sexual orientation"
                  : (category.equals("bisexual") ? "bisexual people" : "gay or lesbian people");
      case GENDER_IDENTITY ->
          category.equals("same_as_sex_at_birth")
              ? "people whose gender identity is the same as their sex registered at birth"
              : "trans people and others whose gender identity differs from their sex at birth";
    };
  }

  public static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** "residents of all ages" or "residents aged 16 and over". */
  public static String ages(int minAge) {
    return minAge == 0 ? "residents of all ages" : "residents aged " + minAge + " and over";
  }
}
