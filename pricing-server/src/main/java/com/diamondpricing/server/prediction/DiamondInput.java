package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Diamond;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * One diamond to price. The carat and the three grades are required; the measurements may be left
 * out when the chosen model can do without them. The limits are physical, from real cut diamonds
 * (see the README): a value beyond them is a typing error, not a stone.
 */
@Schema(
    description = "One diamond. Grades are case-insensitive.",
    example =
        "{\"carat\": 1.1, \"cut\": \"Ideal\", \"color\": \"H\", \"clarity\": \"SI2\","
            + " \"depth\": 62.0, \"table\": 55.0, \"x\": 6.61, \"y\": 6.65, \"z\": 4.11}")
public record DiamondInput(
    @Schema(description = "weight in carats, > 0 and <= 30", example = "1.1")
        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("30")
        Double carat,
    @Schema(
            description = "cut grade",
            allowableValues = {"Fair", "Good", "Very Good", "Ideal", "Premium"},
            example = "Ideal")
        @NotNull
        @GradeValue(Cut.class)
        String cut,
    @Schema(
            description = "colour grade",
            allowableValues = {"D", "E", "F", "G", "H", "I", "J"},
            example = "H")
        @NotNull
        @GradeValue(Color.class)
        String color,
    @Schema(
            description = "clarity grade",
            allowableValues = {"IF", "VVS1", "VVS2", "VS1", "VS2", "SI1", "SI2", "I1"},
            example = "SI2")
        @NotNull
        @GradeValue(Clarity.class)
        String clarity,
    @Schema(description = "total depth percentage, 40 to 80", example = "62.0")
        @DecimalMin("40")
        @DecimalMax("80")
        Double depth,
    @Schema(description = "table width percentage, 40 to 95", example = "55.0")
        @DecimalMin("40")
        @DecimalMax("95")
        Double table,
    @Schema(description = "length in mm, > 0 and <= 40", example = "6.61")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("40")
        Double x,
    @Schema(description = "width in mm, > 0 and <= 40", example = "6.65")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("40")
        Double y,
    @Schema(description = "depth in mm, > 0 and <= 40", example = "4.11")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("40")
        Double z) {

  /** The validated input as a domain value; absent measurements become NaN (missing). */
  Diamond toDiamond() {
    return new Diamond(
        carat,
        Cut.parse(cut),
        Color.parse(color),
        Clarity.parse(clarity),
        orNaN(depth),
        orNaN(table),
        orNaN(x),
        orNaN(y),
        orNaN(z));
  }

  private static double orNaN(Double v) {
    return v == null ? Double.NaN : v;
  }
}
