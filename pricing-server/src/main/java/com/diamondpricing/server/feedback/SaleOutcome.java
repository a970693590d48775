package com.diamondpricing.server.feedback;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What became of one reported sale.
 *
 * @param saleId the sale's id (for its corrections and history)
 * @param predictionId the prediction it follows, or null for a stone never priced here
 * @param status {@code recorded}, or {@code duplicate} when the same sale was recorded before
 * @param modelId the model the sale is attributed to (the one that priced the stone), or null
 */
@Schema(description = "What became of one reported sale")
public record SaleOutcome(
    @Schema(description = "the sale's id, for corrections and its history", example = "17")
        long saleId,
    @Schema(example = "0b9c6f7e-8d0a-4f3b-9a51-2c4d6e8f1a2b") String predictionId,
    @Schema(
            example = "recorded",
            allowableValues = {"recorded", "duplicate"})
        String status,
    @Schema(example = "2") Long modelId) {

  static final String RECORDED = "recorded";
  static final String DUPLICATE = "duplicate";
}
