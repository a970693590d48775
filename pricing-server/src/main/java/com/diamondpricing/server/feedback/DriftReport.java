package com.diamondpricing.server.feedback;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * How what is being priced, and what it sells for, differs from what a model learned from: the PSI
 * of each feature and of the predicted price over the recorded predictions in a window, and of
 * log(actual / predicted) over the sales of each grade level.
 *
 * @param modelId the model whose reference profile the window is compared with
 * @param type its type
 * @param version its version
 * @param since the window's start (inclusive)
 * @param until its end (exclusive)
 * @param predictions predictions recorded in the window (at most the latest 100,000 are read)
 * @param minPredictions the fewest predictions a PSI is given for
 * @param features each feature's drift
 * @param predictedPrice the drift of the model's prices in the window
 * @param sales the drift of log(actual / predicted) by grade level, over the model's sales
 */
@Schema(
    description =
        "Drift of what is priced and of what it sells for, against a model's training data")
public record DriftReport(
    @Schema(example = "2") long modelId,
    @Schema(example = "xgboost") String type,
    @Schema(example = "1") int version,
    Instant since,
    Instant until,
    @Schema(example = "5120") int predictions,
    @Schema(example = "100") int minPredictions,
    List<FeatureDrift> features,
    FeatureDrift predictedPrice,
    List<SegmentDrift> sales) {

  /**
   * One feature's drift.
   *
   * @param feature carat, cut, ..., or price
   * @param n values compared
   * @param psi the PSI, or null below the minimum
   * @param label stable, moderate, major, or not enough data
   * @param unseen grade values the training data never had (empty for numbers)
   */
  public record FeatureDrift(
      @Schema(example = "carat") String feature,
      @Schema(example = "5120") int n,
      @Schema(example = "0.031") Double psi,
      @Schema(
              example = "stable",
              allowableValues = {"stable", "moderate", "major", "not enough data"})
          String label,
      List<String> unseen) {}

  /**
   * How one grade level's stones sold against their prices.
   *
   * @param feature cut, color or clarity
   * @param level the grade's level
   * @param sales sales of stones of that level in the window
   * @param medianRatio median of actual / predicted price, or null below the minimum
   * @param psi the PSI of log(actual / predicted) against the model's test rows, or null
   * @param label stable, moderate, major, or not enough data
   */
  public record SegmentDrift(
      @Schema(example = "color") String feature,
      @Schema(example = "G") String level,
      @Schema(example = "412") int sales,
      @Schema(example = "1.19") Double medianRatio,
      @Schema(example = "0.61") Double psi,
      @Schema(example = "major") String label) {}
}
