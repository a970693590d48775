package com.diamondpricing.server.prediction;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A range the actual price falls in with a given probability (cross-conformal on the model's
 * out-of-fold log residuals, per stone and per segment; see the README).
 *
 * @param level the nominal probability, 0.8 or 0.9
 * @param lower in dollars, rounded to cents
 * @param upper in dollars, rounded to cents
 * @param calibrated false where the calibration cannot vouch for the range: a price above every
 *     training stone of the same grades, or model types that disagree beyond it (the warnings say
 *     which)
 */
@Schema(description = "An 80% or 90% prediction interval")
public record PriceInterval(
    @Schema(example = "0.8") double level,
    @Schema(example = "4301.77") double lower,
    @Schema(example = "5224.06") double upper,
    @Schema(
            description =
                "false where the calibration cannot vouch for the range (see the warnings)",
            example = "true")
        boolean calibrated) {}
