package org.whotakespart.output.chart;

import java.awt.Color;

/**
 * Okabe-Ito colours: distinguishable with the common colour-vision deficiencies, and chosen in
 * pairs of different lightness so that they also part in greyscale print.
 */
public final class Palette {
  public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
  public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
  public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
  public static final Color SKY = new Color(0x56, 0xB4, 0xE9);
  public static final Color GREY = new Color(0x55, 0x55, 0x55);
  public static final Color LIGHT_GREY = new Color(0xDD, 0xDD, 0xDD);

  private Palette() {}
}
