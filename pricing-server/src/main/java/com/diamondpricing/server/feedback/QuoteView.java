package com.diamondpricing.server.feedback;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A price given (a quote) and, once reported, its sale. */
@Schema(description = "A price given at the counter, and its sale once one is reported")
record QuoteView(
    @Schema(example = "0192f7a4-5b7e-7c1d-9a51-2c4d6e8f1a2b") String predictionId,
    @Schema(example = "2026-12-05T15:29:40Z") Instant quotedAt,
    StoneView stone,
    @Schema(description = "the price given, dollars", example = "5120.0") double price,
    @Schema(example = "4310.0", nullable = true) Double lower80,
    @Schema(example = "6020.0", nullable = true) Double upper80,
    @Schema(example = "4090.0", nullable = true) Double lower90,
    @Schema(example = "6380.0", nullable = true) Double upper90,
    @Schema(example = "2") long modelId,
    @Schema(example = "xgboost-log") String modelType,
    @Schema(example = "3") int modelVersion,
    @Schema(description = "its sale, or null while none is reported", nullable = true)
        SaleSummary sale) {

  /** A quote's sale, in short (GET /api/v1/sales/{id} has its history). */
  @Schema(description = "A quote's sale, in short")
  record SaleSummary(
      @Schema(example = "17") long id,
      @Schema(example = "4950.0") double actualPrice,
      @Schema(example = "2026-12-05T00:00:00Z") Instant soldAt,
      @Schema(
              allowableValues = {"recorded", "corrected", "voided"},
              example = "recorded")
          String status) {}
}
