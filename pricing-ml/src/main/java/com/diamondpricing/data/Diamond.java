package com.diamondpricing.data;

import java.util.Objects;

/**
 * One diamond's features, the input of a price prediction. The measurements {@code depth}, {@code
 * table}, {@code x}, {@code y} and {@code z} may be absent, written as {@link Double#NaN}; a model
 * that needs an absent one refuses the diamond (see {@link Feature}).
 */
public record Diamond(
    double carat,
    Cut cut,
    Color color,
    Clarity clarity,
    double depth,
    double table,
    double x,
    double y,
    double z) {

  public Diamond {
    Objects.requireNonNull(cut, "cut");
    Objects.requireNonNull(color, "color");
    Objects.requireNonNull(clarity, "clarity");
  }

  /** The value of a feature: a measurement, or the grade's code for a grade. */
  public double value(Feature feature) {
    return switch (feature) {
      case CARAT -> carat;
      case CUT -> cut.code();
      case COLOR -> color.code();
      case CLARITY -> clarity.code();
      case DEPTH -> depth;
      case TABLE -> table;
      case X -> x;
      case Y -> y;
      case Z -> z;
    };
  }

  /** Whether the feature has a value (grades always do). */
  public boolean has(Feature feature) {
    return !Double.isNaN(value(feature));
  }
}
