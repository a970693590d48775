package com.diamondpricing.server.feedback;

import com.diamondpricing.data.Diamond;
import io.swagger.v3.oas.annotations.media.Schema;

/** A stone as quoted or sold: the four Cs, and the measurements given (null when left out). */
@Schema(description = "A stone as it was priced or sold; a measurement left out is null")
public record StoneView(
    @Schema(example = "1.1") double carat,
    @Schema(example = "Ideal") String cut,
    @Schema(example = "G") String color,
    @Schema(example = "VS1") String clarity,
    @Schema(example = "61.8", nullable = true) Double depth,
    @Schema(example = "56.0", nullable = true) Double table,
    @Schema(description = "length, mm", example = "6.61", nullable = true) Double x,
    @Schema(description = "width, mm", example = "6.65", nullable = true) Double y,
    @Schema(description = "depth, mm", example = "4.1", nullable = true) Double z) {

  public static StoneView of(Diamond d) {
    return new StoneView(
        d.carat(),
        d.cut().label(),
        d.color().label(),
        d.clarity().label(),
        orNull(d.depth()),
        orNull(d.table()),
        orNull(d.x()),
        orNull(d.y()),
        orNull(d.z()));
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
