package com.diamondpricing.server.feedback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sales fed back and live accuracy ({@code diamonds.feedback.*}).
 *
 * @param minSales below this many sales in a window, live accuracy says "not enough sales"
 * @param window the window live accuracy covers when none is given (ending now, on sale time)
 * @param maxSales the most sales one request may report
 * @param monitor whether this process watches live accuracy (gauges; the command line does not)
 * @param monitorInterval how often live accuracy is computed again for the gauges
 * @param driftWindow the window drift covers when none is given (ending now)
 * @param retrain whether the loop queues retraining runs by itself
 * @param retrainMaeFactor a run is queued when the champion's live MAE exceeds this multiple of its
 *     test MAE ...
 * @param retrainMinSales ... over at least this many sales in the live window (and of a grade
 *     level, for major drift of its sale prices to count)
 * @param retrainDriftChecks or when major drift is seen in this many checks in a row
 * @param retrainCooldown no feedback run is queued sooner than this after the last one
 * @param retrainModels the model types a feedback run trains (empty: every type)
 * @param appendSales whether sold stones with all their features join the training data first
 * @param minSegmentSales the fewest sales of a grade level its sale ratio (actual / predicted, with
 *     its 90% interval) is given for; at least 2
 */
@ConfigurationProperties("diamonds.feedback")
record FeedbackProperties(
    @DefaultValue("30") int minSales,
    @DefaultValue("30d") Duration window,
    @DefaultValue("10000") int maxSales,
    @DefaultValue("true") boolean monitor,
    @DefaultValue("1m") Duration monitorInterval,
    @DefaultValue("7d") Duration driftWindow,
    @DefaultValue("true") boolean retrain,
    @DefaultValue("1.5") double retrainMaeFactor,
    @DefaultValue("100") int retrainMinSales,
    @DefaultValue("3") int retrainDriftChecks,
    @DefaultValue("1d") Duration retrainCooldown,
    @DefaultValue("") java.util.List<String> retrainModels,
    @DefaultValue("true") boolean appendSales,
    @DefaultValue("5") int minSegmentSales) {

  FeedbackProperties {
    if (minSales < 1) {
      throw new IllegalArgumentException("diamonds.feedback.min-sales must be at least 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("diamonds.feedback.window must be positive");
    }
    if (minSegmentSales < 2) {
      throw new IllegalArgumentException(
          "diamonds.feedback.min-segment-sales must be at least 2 (an interval needs two sales)");
    }
  }
}
