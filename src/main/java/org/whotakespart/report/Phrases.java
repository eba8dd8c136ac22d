package org.whotakespart.report;

import java.util.Locale;
import org.whotakespart.config.Category;
import org.whotakespart.config.Characteristic;
import org.whotakespart.stats.MetricRow;

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

  /**
   * The gap in one sentence. With the count shown: "About 14 more people aged 16 to 24 would match
   * the local population in Project X." With the count withheld: the expected number only.
   */
  public static String gap(MetricRow r, String projectName, BoardView board) {
    String who = people(r.characteristic(), r.category());
    MetricRow exact = r;
    r = board.isKnownShown(exact) ? board.displayed(exact) : exact;
    if (board.isCountShown(exact)) {
      long more = Math.round(r.shortfall());
      if (r.participants() == 0) {
        return String.format(
            Locale.UK,
            "No %s took part in %s; about %d would match the local" + " population.",
            who,
            projectName,
            Math.round(r.expected()));
      }
      return String.format(
          Locale.UK,
          "About %d more %s would match the local population in %s"
              + " (%d took part; about %d expected).",
          more,
          who,
          projectName,
          r.participants(),
          Math.round(r.expected()));
    }
    if (board.isKnownShown(exact)) {
      String count =
          board.countText(exact).equals(board.fewerThanText())
              ? capitalise(board.countText(exact)) + " " + who + " took part"
              : "Some " + who + " took part (how many is withheld to protect privacy)";
      return String.format(
          Locale.UK,
          "%s in %s; about %d would match the local population.",
          count,
          projectName,
          Math.round(r.expected()));
    }
    return String.format(
        Locale.UK,
        "%s are %s in %s.",
        capitalise(who),
        r.status().label().toLowerCase(Locale.UK),
        projectName);
  }

  public static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** "residents of all ages" or "residents aged 16 and over". */
  public static String ages(int minAge) {
    return minAge == 0 ? "residents of all ages" : "residents aged " + minAge + " and over";
  }
}
