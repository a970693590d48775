package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Feature;

/**
 * The features in the shop's words: a name a customer reads ("length (x, mm)", "Depth %") and a
 * sentence saying what it measures, and the group an explanation shows it in. Carat and the three
 * measurements all say how big the stone is, and the model splits that one fact among them as it
 * pleases (a heavy stone's carat may "lower" its price while its length raises it), so they are
 * read together as one contribution, Size; every other feature is a group of its own. The switches
 * are exhaustive: a feature added to the model does not compile until it has its words and group.
 */
final class FeatureWords {

  /** The group of carat and the measurements. */
  static final String SIZE = "size";

  static final String SIZE_LABEL = "Size";

  static final String SIZE_DESCRIPTION =
      "how big the stone is: its weight in carats and its length, width and depth together, read"
          + " as one because they measure the same thing";

  private FeatureWords() {}

  /** The feature's name in words. */
  static String label(Feature f) {
    return switch (f) {
      case CARAT -> "Carat";
      case CUT -> "Cut";
      case COLOR -> "Colour";
      case CLARITY -> "Clarity";
      case DEPTH -> "Depth %";
      case TABLE -> "Table %";
      case X -> "length (x, mm)";
      case Y -> "width (y, mm)";
      case Z -> "depth (z, mm)";
    };
  }

  /** What the feature measures, in a sentence; a ratio says what it is a ratio of. */
  static String description(Feature f) {
    return switch (f) {
      case CARAT -> "the stone's weight in carats (one carat is 0.2 g)";
      case CUT -> "how well the stone is cut, from Fair to Ideal";
      case COLOR -> "the colour grade, from D (colourless) to J (a faint yellow tint)";
      case CLARITY ->
          "how free of inclusions the stone is, from I1 (visible inclusions) to IF (internally"
              + " flawless)";
      case DEPTH ->
          "the total depth as a percentage of the average diameter: depth (z) divided by the mean"
              + " of length (x) and width (y), times 100";
      case TABLE ->
          "the table (the flat top facet) as a percentage of the average diameter: the table's"
              + " width divided by the mean of length (x) and width (y), times 100";
      case X -> "the stone's length, in millimetres";
      case Y -> "the stone's width, in millimetres";
      case Z -> "the stone's depth from the table to the point (culet), in millimetres";
    };
  }

  /** The group the feature is shown in: {@value #SIZE}, or the feature's own column. */
  static String group(Feature f) {
    return switch (f) {
      case CARAT, X, Y, Z -> SIZE;
      case CUT, COLOR, CLARITY, DEPTH, TABLE -> f.column();
    };
  }
}
