package com.diamondpricing.server.testfit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A model's goodness of fit on its test rows, as JSON: the metrics over every test row and a sample
 * of the rows themselves (actual and predicted price) to draw.
 *
 * @param modelId the model
 * @param type its type
 * @param version its version within the type
 * @param testRows how many test rows it was scored on
 * @param shown how many of them are in {@code points}
 * @param mae the mean absolute error over every test row
 * @param r2 R2 over every test row
 * @param points the sampled rows, spread evenly over the test rows
 * @param links the model and its PNG plot
 */
@Schema(description = "A model's predictions against the actual prices of its test rows")
public record FitView(
    @Schema(example = "2") long modelId,
    @Schema(example = "xgboost") String type,
    @Schema(example = "1") int version,
    @Schema(example = "998") int testRows,
    @Schema(example = "998") int shown,
    @Schema(example = "336.07") Double mae,
    @Schema(example = "0.9671") Double r2,
    List<Point> points,
    @Schema(
            example =
                "{\"model\": \"/api/v1/models/2\", \"plot\": \"/api/v1/models/2/plots/fit.png\"}")
        Map<String, String> links) {

  /**
   * One test row.
   *
   * @param actual its actual price ($)
   * @param predicted the model's price ($)
   */
  public record Point(
      @Schema(example = "4733.0") double actual, @Schema(example = "4620.18") double predicted) {}

  static FitView of(TestFit fit, int maxPoints) {
    int[] rows = fit.sample(maxPoints);
    List<Point> points = new java.util.ArrayList<>(rows.length);
    for (int row : rows) {
      points.add(new Point(fit.actual(row), fit.predicted(row)));
    }
    String self = FitController.PATH + "/" + fit.modelId();
    return new FitView(
        fit.modelId(),
        fit.type(),
        fit.version(),
        fit.size(),
        rows.length,
        finiteOrNull(fit.metrics().mae()),
        finiteOrNull(fit.metrics().r2()),
        List.copyOf(points),
        Map.of("model", self, "plot", self + "/plots/fit.png"));
  }

  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
