package com.diamondpricing.server.prediction;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Something about a stone that makes its price less sure: a value outside the model's training
 * data, grades it never saw together, or a weight that does not fit the measurements.
 *
 * @param code {@value #OUTSIDE_TRAINING_RANGE}, {@value #UNSEEN_GRADES}, {@value
 *     #CARAT_VOLUME_MISMATCH} or {@value #NO_EXPLANATION}
 * @param field the field it is about
 * @param message one sentence for the person who prices the stone
 */
@Schema(description = "Why a price is less sure than usual")
public record PriceWarning(
    @Schema(
            example = "outside-training-range",
            allowableValues = {
              PriceWarning.OUTSIDE_TRAINING_RANGE,
              PriceWarning.UNSEEN_GRADES,
              PriceWarning.CARAT_VOLUME_MISMATCH,
              PriceWarning.NO_EXPLANATION,
              StoneWarnings.MEASUREMENTS_MISSING,
              StoneWarnings.FEW_COMPARABLES,
              StoneWarnings.ABOVE_DEAREST,
              StoneWarnings.MODELS_DISAGREE
            })
        String code,
    @Schema(example = "carat") String field,
    @Schema(
            example =
                "carat 6.2 is outside the range of the model's training diamonds (0.2 to 5.01):"
                    + " the price is an extrapolation")
        String message) {

  public static final String OUTSIDE_TRAINING_RANGE = "outside-training-range";
  public static final String UNSEEN_GRADES = "unseen-grade-combination";
  public static final String CARAT_VOLUME_MISMATCH = "carat-volume-mismatch";
  public static final String NO_EXPLANATION = "explanation-unavailable";
}
