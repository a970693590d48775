package com.diamondpricing.server.feedback;

import com.diamondpricing.server.problem.InstantParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Sales fed back (a sales key) and each model's live accuracy on them. */
@RestController
@Tag(
    name = "Feedback",
    description =
        "Sale prices reported back for priced stones (a key with the sales role, or admin;"
            + " idempotent: the same sale twice is one sale), corrected or voided with a reason and"
            + " their history kept, the quotes given, and each model's live accuracy on the stones"
            + " it priced that later sold.")
class FeedbackController {

  static final String SALES = "/api/v1/sales";

  private final SaleStore store;
  private final LiveAccuracies live;
  private final Drifts drifts;
  private final FeedbackProperties properties;
  private final Clock clock;

  FeedbackController(
      SaleStore store,
      LiveAccuracies live,
      Drifts drifts,
      FeedbackProperties properties,
      Clock clock) {
    this.store = store;
    this.live = live;
    this.drifts = drifts;
    this.properties = properties;
    this.clock = clock;
  }

  @Schema(description = "What became of each reported sale, in order")
  record SalesResponse(
      @Schema(example = "2") int recorded,
      @Schema(example = "1") int duplicates,
      List<SaleOutcome> sales) {}

  @PostMapping(value = SALES, consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Report sales of priced stones",
      description =
          "One sale {predictionId, actualPrice, soldAt} or a list of up to 10,000; soldAt is an"
              + " ISO-8601 instant, or a date alone (2026-11-28) for that day's start, UTC. Each is"
              + " attributed to the model that gave the price. The same sale again (same"
              + " prediction, price and time) is a duplicate and changes nothing; another price or"
              + " time for a prediction already sold is 409 sale-conflict; an unknown predictionId"
              + " is 422 unknown-prediction. All or nothing: a refused sale records none. A price"
              + " typed wrong is corrected with POST /api/v1/sales/{saleId}/corrections, a sale that"
              + " did not happen voided with POST /api/v1/sales/{saleId}/void.")
  SalesResponse report(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @io.swagger.v3.oas.annotations.media.Content(
                      examples =
                          @io.swagger.v3.oas.annotations.media.ExampleObject(
                              value =
                                  "{\"predictionId\": \"0b9c6f7e-8d0a-4f3b-9a51-2c4d6e8f1a2b\","
                                      + " \"actualPrice\": 4950.0, \"soldAt\":"
                                      + " \"2026-11-28T15:30:00Z\"}")))
          @RequestBody
          JsonNode body,
      Principal principal) {
    List<NewSale> sales = SaleRequests.read(body, properties.maxSales(), clock);
    List<SaleOutcome> outcomes = store.record(sales, "api", principal.getName());
    int recorded =
        (int) outcomes.stream().filter(o -> o.status().equals(SaleOutcome.RECORDED)).count();
    return new SalesResponse(recorded, outcomes.size() - recorded, outcomes);
  }

  @GetMapping("/api/v1/models/{id:\\d+}/live")
  @Operation(
      summary = "A model's live accuracy on sold stones",
      description =
          "Over the sales (by sale time) of stones this model priced, in [since, until): n, MAE,"
              + " median absolute error, MAPE, bias ($ and relative), 80% and 90% interval"
              + " coverage, against its test MAE. `checks` reads bias (target 0) and each"
              + " coverage (targets 0.8 and 0.9) against its target with its 90% interval (t on"
              + " the log ratios for bias, Wilson for coverage) and n: status ok (within noise or"
              + " close), warn (beyond noise: a small miss, or ranges wider than needed) or bad"
              + " (beyond noise and bias 5% or more, or coverage 5 points or more short), with a"
              + " verdict in words; each segment's coverage is checked the same way. Below"
              + " diamonds.feedback.min-sales (30) sales the figures are null, `checks` is empty"
              + " and message says not enough sales. Default window: the last 30 days.")
  LiveAccuracyView live(
      @PathVariable("id") long id,
      @Parameter(
              description = "ISO-8601 instant from 2000-01-01 to a day ahead, inclusive",
              example = "2026-11-01T00:00:00Z")
          @RequestParam(required = false)
          String since,
      @Parameter(
              description =
                  "ISO-8601 instant from 2000-01-01 to a day ahead, exclusive (default: now)")
          @RequestParam(required = false)
          String until) {
    return live.of(
        id,
        InstantParameter.parse("since", since, clock),
        InstantParameter.parse("until", until, clock));
  }

  @GetMapping("/api/v1/monitoring/live")
  @Operation(
      summary = "Live accuracy day by day, for every model with sales",
      description =
          "For each model whose priced stones sold in the last `days` days (1 to 366, default"
              + " 30) and for each feature set's champion: its test MAE and, per UTC day, the sales"
              + " and their"
              + " MAE (null on a day without sales).")
  List<LiveAccuracies.DailyLive> daily(
      @Parameter(description = "1 to 366", example = "30") @RequestParam(defaultValue = "30")
          int days) {
    java.util.LinkedHashSet<Long> models =
        new java.util.LinkedHashSet<>(live.modelsWithSales(days));
    models.addAll(live.champions());
    List<LiveAccuracies.DailyLive> out = new java.util.ArrayList<>();
    for (long id : models) {
      out.add(live.dailyOf(id, days));
    }
    return out;
  }

  @GetMapping("/api/v1/monitoring/drift")
  @Operation(
      summary = "Drift against a model's training data",
      description =
          "The PSI of each feature over the predictions recorded in [since, until) (default: the"
              + " last 7 days) and of the predicted price over the model's own predictions, each"
              + " with n and the p-value of a chi-square goodness-of-fit test of its bin (or"
              + " level) counts against the training data's shares: a PSI over a small sample is"
              + " biased upwards, so a feature is flagged moderate (PSI 0.1 to 0.25) or major"
              + " (> 0.25) only when p < 0.01 as well, else stable; not enough data below 100"
              + " predictions. Grade values the training data never had are listed. Per grade"
              + " level, from diamonds.feedback.min-segment-sales (5) sales: how the model's sold"
              + " stones sold against their prices (`ratio`, the geometric mean of actual /"
              + " predicted, with its 90% interval `ratioLow` to `ratioHigh`, Student's t on the"
              + " log ratios; `medianRatio`), labelled stable when the interval holds 1, else"
              + " moderate (under 10% off) or major. Default model: the champion.")
  DriftReport drift(
      @Parameter(description = "ISO-8601 instant from 2000-01-01 to a day ahead, inclusive")
          @RequestParam(required = false)
          String since,
      @Parameter(
              description =
                  "ISO-8601 instant from 2000-01-01 to a day ahead, exclusive (default: now)")
          @RequestParam(required = false)
          String until,
      @Parameter(
              description = "the model whose training data to compare with (default: the champion)")
          @RequestParam(required = false)
          Long modelId) {
    return drifts.of(
        modelId,
        InstantParameter.parse("since", since, clock),
        InstantParameter.parse("until", until, clock));
  }
}
