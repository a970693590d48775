package com.diamondpricing.server.prediction;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A range the actual price falls in with a given probability (split conformal on the model's log
 * residuals; see the README).
 *
 * @param level the nominal probability, 0.8 or 0.9
 * @param lower in dollars, rounded to cents
 * @param upper in dollars, rounded to cents
 */
@Schema(description = "An 80% or 90% prediction interval")
public record PriceInterval(
    @Schema(example = "0.8") double level,
    @Schema(example = "4301.77") double lower,
    @Schema(example = "5224.06") double upper) {}
