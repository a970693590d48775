package com.diamondpricing.server.feedback;

import com.diamondpricing.server.problem.Problem;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
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
   * One day of a model's live accuracy.
   *
   * @param day the UTC day the sales were made
   * @param n sales that day
   * @param mae their mean absolute error, or null when there were none
   */
  public record Day(java.time.LocalDate day, int n, Double mae) {}

  /**
   * A model, its test MAE and its live accuracy day by day, for charts.
   *
   * @param modelId the model
   * @param type its type
   * @param version its version
   * @param featureSet the features it learned from
   * @param testMae its MAE on its test rows
   * @param days each day's sales and MAE, oldest first
   */
  @io.swagger.v3.oas.annotations.media.Schema(
      description = "A model's live accuracy day by day, for charts")
  public record DailyLive(
      long modelId,
      String type,
      int version,
      @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"all", "four-cs"})
          String featureSet,
      double testMae,
      List<Day> days) {}

  /**
   * The model's live accuracy day by day over the last {@code days} days (UTC, today included),
   * with its test MAE; days without sales have a null MAE.
   */
  public DailyLive dailyOf(long modelId, int days) {
    if (days < 1 || days > 366) {
      throw Problem.invalidParameter(
          "days", "days must be between 1 and 366, not " + days, List.of());
    }
    ModelEntry model = registry.get(modelId);
    java.time.LocalDate today =
        java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    java.time.LocalDate first = today.minusDays(days - 1L);
    Instant from = first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    Instant to = today.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    java.util.Map<java.time.LocalDate, List<SaleStore.SoldPrediction>> byDay =
        new java.util.TreeMap<>();
    for (SaleStore.SoldPrediction s : sales.soldPredictions(modelId, from, to)) {
      byDay
          .computeIfAbsent(
              java.time.LocalDate.ofInstant(s.soldAt(), java.time.ZoneOffset.UTC),
              d -> new java.util.ArrayList<>())
          .add(s);
    }
    List<Day> out = new java.util.ArrayList<>(days);
    for (java.time.LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      List<SaleStore.SoldPrediction> sold = byDay.getOrDefault(d, List.of());
      out.add(new Day(d, sold.size(), sold.isEmpty() ? null : LiveAccuracy.of(sold).mae()));
    }
    return new DailyLive(
        model.id(),
        model.type(),
        model.version(),
        model.featureSet().label(),
        model.test().mae(),
        out);
  }

  /** The champions' ids, one per feature set that has one. */
  public java.util.Set<Long> champions() {
    return registry.championIds();
  }

  /** The models with sales of stones they priced in the last {@code days} days. */
  public List<Long> modelsWithSales(int days) {
    Instant now = clock.instant();
    return sales.modelsSoldBetween(now.minus(java.time.Duration.ofDays(days)), now.plusSeconds(1));
  }

  /**
   * The model's live accuracy from {@code since} (default: {@code until} minus the window) to
   * {@code until} (default: now).
   *
   * @throws com.diamondpricing.server.registry.ModelNotFoundProblem when there is no such model
   */
  public LiveAccuracyView of(long modelId, Instant since, Instant until) {
    ModelEntry model = registry.get(modelId);
    Instant to = until != null ? until : clock.instant();
    Instant from = since != null ? since : to.minus(properties.window());
    if (!from.isBefore(to)) {
      throw Problem.invalidParameter("until", "until must be later than since", List.of());
    }
    List<SaleStore.SoldPrediction> sold = sales.soldPredictions(modelId, from, to);
    LiveAccuracy accuracy = LiveAccuracy.of(sold);
    return LiveAccuracyView.of(
        model.id(),
        model.type(),
        model.version(),
        model.test().mae(),
        from,
        to,
        properties.minSales(),
        accuracy,
        LiveSegments.of(sold));
  }
}
