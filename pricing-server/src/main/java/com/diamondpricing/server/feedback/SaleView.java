package com.diamondpricing.server.feedback;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A sale as it stands (the latest revision: what the live figures use) with every state it has had.
 */
@Schema(description = "A sale as it stands, with its history")
public record SaleView(
    @Schema(example = "17") long id,
    @Schema(
            description = "the quote it follows; null for a stone never priced here",
            example = "0192f7a4-5b7e-7c1d-9a51-2c4d6e8f1a2b",
            nullable = true)
        String predictionId,
    @Schema(description = "the model that priced it", example = "2", nullable = true) Long modelId,
    StoneView stone,
    @Schema(description = "the price quoted, dollars", example = "5120.0", nullable = true)
        Double predictedPrice,
    @Schema(description = "the sale price now, dollars", example = "4950.0") double actualPrice,
    @Schema(example = "2026-12-05T00:00:00Z") Instant soldAt,
    @Schema(
            description = "voided sales count in no live figure",
            allowableValues = {"recorded", "corrected", "voided"},
            example = "corrected")
        String status,
    @Schema(description = "how many states it has had", example = "2") int revision,
    @Schema(description = "the key that reported it", example = "k_4f9c2a7d1e", nullable = true)
        String keyId,
    @Schema(description = "where the report came from (api, a CSV file)", example = "api")
        String source,
    @Schema(example = "2026-12-05T15:30:02Z") Instant recordedAt,
    List<SaleRevisionView> history) {}
