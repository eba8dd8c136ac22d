package org.whotakespart.sample;

import org.whotakespart.config.Characteristic;

/** How a project recruits, relative to its local population. */
enum Profile {
  USUAL,
  REPRESENTATIVE,
  YOUNG,
  NARROW;

  /**
   * How much more often than its share of the population a category is drawn: involvement groups
   * are usually older, female and White British; a narrow one more so, with some groups absent.
   */
  double tilt(Characteristic c, String category) {
    if (this == REPRESENTATIVE) {
      return 1.0;
    }
    if (this == YOUNG && c == Characteristic.AGE_BAND) {
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
    if (this == NARROW) {
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
}
