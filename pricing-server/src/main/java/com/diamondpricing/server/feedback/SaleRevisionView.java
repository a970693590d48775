package com.diamondpricing.server.feedback;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One state a sale has had: as reported, as corrected, or voided. Never updated. */
@Schema(description = "One state of a sale, oldest first: the report, each correction, a void")
public record SaleRevisionView(
    @Schema(description = "1 for the report, then one more per change", example = "2") int revision,
    @Schema(
            allowableValues = {"recorded", "corrected", "voided"},
            example = "corrected")
        String kind,
    @Schema(description = "the sale price in this state, dollars", example = "4950.0")
        double actualPrice,
    @Schema(example = "2026-12-05T00:00:00Z") Instant soldAt,
    @Schema(
            description = "why it changed (null for the report)",
            example = "typo at the till: 49500 for 4950",
            nullable = true)
        String reason,
    @Schema(description = "the key that made the change", example = "k_4f9c2a7d1e", nullable = true)
        String keyId,
    @Schema(example = "2026-12-05T16:02:11Z") Instant changedAt) {}
