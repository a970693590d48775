package com.diamondpricing.server.testfit;

import com.diamondpricing.server.registry.MetricsView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Two models scored on the same rows, neither trained on: what a promotion is decided on.
 *
 * @param comparable whether there were enough such rows to compare like with like
 * @param note what the rows are, or why there are too few
 */
@Schema(description = "Two models scored on the same rows, rows neither of them trained on")
public record ComparisonView(
    @Schema(description = "whether enough shared held-out rows exist to compare like with like")
        boolean comparable,
    @Schema(
            description = "which rows, or why the models cannot be compared",
            example =
                "998 test rows of model 7's data, less 1 that model 2 trained on: 997 rows neither"
                    + " model trained on")
        String note,
    @Schema(description = "how many rows both are scored on", example = "997") int rows,
    Side model,
    Side other,
    @Schema(description = "at most `points` of the rows, spread evenly: for the overlaid plots")
        List<Point> points) {

  /** One model's side: who it is, and its metrics on the shared rows (null when not comparable). */
  @Schema(description = "One model, and its metrics on the shared rows")
  public record Side(
      @Schema(example = "7") long id,
      @Schema(example = "xgboost-log") String type,
      @Schema(example = "3") int version,
      @Schema(allowableValues = {"all", "four-cs"}) String featureSet,
      @Schema(description = "whether it is its feature set's champion now") boolean champion,
      @Schema(description = "its metrics on the shared rows; null when not comparable")
          MetricsView metrics) {}

  /** A row: its actual price and the two models' prices. */
  @Schema(description = "A shared row: its actual price and both models' prices")
  public record Point(
      @Schema(example = "4120.0") double actual,
      @Schema(description = "the model's price", example = "4005.3") double model,
      @Schema(description = "the other model's price", example = "4380.9") double other) {}
}
