package com.diamondpricing.server.feedback;

import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Live accuracy of a model in a window of sale times (the default: the last 30 days). */
@Component
public class LiveAccuracies {

  private final SaleStore sales;
  private final ModelRegistry registry;
  private final FeedbackProperties properties;
  private final Clock clock;

  LiveAccuracies(
      SaleStore sales, ModelRegistry registry, FeedbackProperties properties, Clock clock) {
    this.sales = sales;
    this.registry = registry;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The model's live accuracy from {@code since} (default: {@code until} minus the window) to
   * {@code until} (default: now).
   *
   * @throws com.diamondpricing.server.registry.ModelNotFoundException when there is no such model
   */
  public LiveAccuracyView of(long modelId, Instant since, Instant until) {
    ModelEntry model = registry.get(modelId);
    Instant to = until != null ? until : clock.instant();
    Instant from = since != null ? since : to.minus(properties.window());
    if (!from.isBefore(to)) {
      throw ApiException.invalidParameter("until", "until must be later than since", List.of());
    }
    LiveAccuracy accuracy = LiveAccuracy.of(sales.soldPredictions(modelId, from, to));
    return LiveAccuracyView.of(
        model.id(),
        model.type(),
        model.version(),
        model.test().mae(),
        from,
        to,
        properties.minSales(),
        accuracy);
  }
}
