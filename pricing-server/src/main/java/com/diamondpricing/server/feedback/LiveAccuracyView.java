package com.diamondpricing.server.feedback;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A model's live accuracy in a window, as the API and {@code models show} give it. Below the
 * minimum number of sales the figures are null and {@code message} says "not enough sales".
 *
 * @param modelId the model
 * @param type its type
 * @param version its version
 * @param since the window's start (sale time, inclusive)
 * @param until its end (exclusive)
 * @param n sales of stones it priced, sold in the window
 * @param minSales the fewest sales figures are given for
 * @param enough whether n reaches minSales
 * @param message "not enough sales (12 of 30)" when it does not; else null
 * @param mae mean absolute error ($), or null
 * @param medianAbsoluteError median absolute error ($), or null
 * @param mape mean absolute percentage error (a fraction), or null
 * @param bias mean of predicted minus actual ($; above zero it priced too high), or null
 * @param relativeBias the geometric mean of predicted / actual minus 1 (above zero it priced too
 *     high), or null
 * @param coverage80 share of actual prices inside the 80% interval given, or null
 * @param coverage90 share inside the 90% interval, or null
 * @param testMae the model's MAE on its test rows at training
 * @param maeToTestMae live MAE divided by test MAE, or null
 * @param checks bias (target 0) and 80% and 90% coverage (targets 0.8 and 0.9), each with its 90%
 *     interval, n and status ok, warn or bad ({@link TargetCheck}); empty below the minimum
 * @param segments per segment of the sold stones (cut, colour, clarity, carat band): sales and the
 *     share inside their ranges, checked against their targets; empty below the minimum number of
 *     sales
 */
@Schema(description = "A model's accuracy on the stones it priced that later sold")
public record LiveAccuracyView(
    @Schema(example = "2") long modelId,
    @Schema(example = "xgboost") String type,
    @Schema(example = "1") int version,
    @Schema(example = "2026-11-01T00:00:00Z") Instant since,
    @Schema(example = "2026-12-01T00:00:00Z") Instant until,
    @Schema(example = "412") int n,
    @Schema(example = "30") int minSales,
    @Schema(example = "true") boolean enough,
    @Schema(example = "null") String message,
    @Schema(example = "351.2") Double mae,
    @Schema(example = "190.5") Double medianAbsoluteError,
    @Schema(example = "0.083") Double mape,
    @Schema(example = "-12.4") Double bias,
    @Schema(
            example = "-0.021",
            description =
                "geometric mean of predicted / actual minus 1: above zero the prices given were too"
                    + " high; null below the minimum")
        Double relativeBias,
    @Schema(example = "0.79") Double coverage80,
    @Schema(example = "0.9") Double coverage90,
    @Schema(example = "336.07") double testMae,
    @Schema(example = "1.05") Double maeToTestMae,
    @Schema(
            description =
                "bias (target 0), coverage80 (target 0.8) and coverage90 (target 0.9), each with"
                    + " its 90% interval, n and a status; empty below the minimum")
        List<TargetCheck> checks,
    List<LiveSegments.SegmentLive> segments) {

  static LiveAccuracyView of(
      long modelId,
      String type,
      int version,
      double testMae,
      Instant since,
      Instant until,
      int minSales,
      LiveAccuracy a,
      List<LiveSegments.SegmentLive> segments) {
    boolean enough = a.n() >= minSales;
    return new LiveAccuracyView(
        modelId,
        type,
        version,
        since,
        until,
        a.n(),
        minSales,
        enough,
        enough ? null : "not enough sales (" + a.n() + " of " + minSales + ")",
        enough ? a.mae() : null,
        enough ? a.medianAbsoluteError() : null,
        enough ? a.mape() : null,
        enough ? a.bias() : null,
        enough ? relative(a) : null,
        enough ? a.coverage80() : null,
        enough ? a.coverage90() : null,
        testMae,
        enough && testMae > 0 ? a.mae() / testMae : null,
        enough ? a.checks() : List.of(),
        enough ? segments : List.of());
  }

  private static Double relative(LiveAccuracy a) {
    return a.checks().stream()
        .filter(c -> c.figure().equals("bias"))
        .findFirst()
        .map(TargetCheck::value)
        .orElse(null);
  }
}
