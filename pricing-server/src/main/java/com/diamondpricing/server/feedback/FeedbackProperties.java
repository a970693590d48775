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
 */
@ConfigurationProperties("diamonds.feedback")
record FeedbackProperties(
    @DefaultValue("30") int minSales,
    @DefaultValue("30d") Duration window,
    @DefaultValue("10000") int maxSales,
    @DefaultValue("true") boolean monitor,
    @DefaultValue("1m") Duration monitorInterval,
    @DefaultValue("7d") Duration driftWindow) {

  FeedbackProperties {
    if (minSales < 1) {
      throw new IllegalArgumentException("diamonds.feedback.min-sales must be at least 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("diamonds.feedback.window must be positive");
    }
  }
}
