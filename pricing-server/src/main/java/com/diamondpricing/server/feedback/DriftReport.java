package com.diamondpricing.server.feedback;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * How what is being priced, and what it sells for, differs from what a model learned from: the PSI
 * of each feature and of the predicted price over the recorded predictions in a window, with the
 * chi-square goodness-of-fit test's p-value that says whether the sample differs beyond chance;
 * and, per grade level, how the model's sold stones sold against their prices (the geometric mean
 * of actual / predicted with its 90% interval).
 *
 * @param modelId the model whose reference profile the window is compared with
 * @param type its type
 * @param version its version
 * @param since the window's start (inclusive)
 * @param until its end (exclusive)
 * @param predictions predictions recorded in the window (at most the latest 100,000 are read)
 * @param minPredictions the fewest predictions a PSI is given for
 * @param significance a drift is flagged only when its test's p-value is below this ...
 * @param minPsi ... and its PSI at least this
 * @param minSegmentSales the fewest sales of a grade level its sale ratio is given for
 * @param features each feature's drift
 * @param predictedPrice the drift of the model's prices in the window
 * @param sales each grade level's sale ratio, over the model's sales
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
    @Schema(
            example = "0.01",
            description = "a drift is flagged only when its test's p-value is below this")
        double significance,
    @Schema(example = "0.1", description = "... and its PSI at least this") double minPsi,
    @Schema(
            example = "5",
            description = "the fewest sales of a grade level its sale ratio is given for")
        int minSegmentSales,
    List<FeatureDrift> features,
    FeatureDrift predictedPrice,
    List<SegmentDrift> sales) {

  /**
   * One feature's drift.
   *
   * @param feature carat, cut, ..., or price
   * @param n values compared
   * @param psi the PSI, or null below the minimum
   * @param pValue the chi-square goodness-of-fit test's p-value of the n values' bin (or level)
   *     counts against the training data's shares: the chance of a difference at least this large
   *     in a sample of n drawn from the training data itself; null below the minimum
   * @param label stable, moderate (PSI 0.1 to 0.25) or major (above 0.25), moderate and major only
   *     when p is below 0.01; or not enough data
   * @param unseen grade values the training data never had (empty for numbers)
   */
  @Schema(description = "One feature's drift: its PSI, whether it is beyond chance, and its n")
  public record FeatureDrift(
      @Schema(example = "carat") String feature,
      @Schema(example = "5120") int n,
      @Schema(example = "0.031") Double psi,
      @Schema(
              example = "0.42",
              description =
                  "chi-square goodness-of-fit p-value of the n values against the training data's"
                      + " bin shares: the chance of a difference at least this large were they"
                      + " drawn from the training data itself; null below the minimum")
          Double pValue,
      @Schema(
              example = "stable",
              description =
                  "moderate (PSI 0.1 to 0.25) or major (above 0.25) only when p < 0.01; else"
                      + " stable",
              allowableValues = {"stable", "moderate", "major", "not enough data"})
          String label,
      List<String> unseen) {}

  /**
   * How one grade level's stones sold against their prices.
   *
   * @param feature cut, color or clarity
   * @param level the grade's level
   * @param sales sales of stones of that level in the window
   * @param ratio the geometric mean of actual / predicted (1.2: sold 20% over the price given), or
   *     null below the minimum
   * @param ratioLow the lower end of its 90% interval (Student's t on the log ratios), or null
   * @param ratioHigh its upper end, or null
   * @param medianRatio median of actual / predicted price, or null below the minimum
   * @param psi the PSI of log(actual / predicted) against the model's test rows, from 100 sales
   *     (informational: the label comes from the interval), or null
   * @param label stable when the interval holds 1 (no change); when it does not, moderate below 10%
   *     over or under the price and major from there; not enough data below the minimum
   */
  @Schema(description = "How one grade level's stones sold against their prices, with its interval")
  public record SegmentDrift(
      @Schema(example = "color") String feature,
      @Schema(example = "G") String level,
      @Schema(example = "17") int sales,
      @Schema(
              example = "1.2",
              description =
                  "geometric mean of actual / predicted (1.2: sold 20% over the price given); null"
                      + " below the minimum")
          Double ratio,
      @Schema(example = "1.08", description = "the lower end of its 90% interval") Double ratioLow,
      @Schema(example = "1.33", description = "the upper end of its 90% interval") Double ratioHigh,
      @Schema(example = "1.19") Double medianRatio,
      @Schema(
              example = "0.61",
              description =
                  "PSI of log(actual / predicted) against the model's test rows, from 100 sales"
                      + " (informational: the label comes from the interval)")
          Double psi,
      @Schema(
              example = "major",
              description =
                  "stable when the 90% interval holds 1; else moderate (under 10% over or under"
                      + " the price) or major",
              allowableValues = {"stable", "moderate", "major", "not enough data"})
          String label) {}
}
