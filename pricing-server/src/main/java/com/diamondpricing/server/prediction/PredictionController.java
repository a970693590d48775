package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.server.ledger.AnsweringModel;
import com.diamondpricing.server.ledger.PredictionLedger;
import com.diamondpricing.server.ledger.RecordedPrediction;
import com.diamondpricing.server.system.RequestId;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Prices diamonds. */
@RestController
@RequestMapping("/api/v1/predictions")
@Tag(
    name = "Predictions",
    description =
        "Price diamonds, with 80% and 90% intervals, warnings for stones unlike the model's"
            + " training diamonds and, with `explain=true`, each feature's contribution. Model"
            + " selection: `modelId` picks an exact model, `model` (linear, xgboost or"
            + " xgboost-log) the best registered version of that type (lowest test MAE), and by"
            + " default the champion answers: the champion of the richest feature set the stone"
            + " gives (`all`, or `four-cs` for a stone without some measurements: a model that"
            + " learned without them). The answer names the model, its feature set and the"
            + " features it read.")
class PredictionController {

  static final int MAX_BATCH = 10_000;

  private final PredictionService service;
  private final PricingBudgets budgets;
  private final PredictionLedger ledger;

  PredictionController(PredictionService service, PricingBudgets budgets, PredictionLedger ledger) {
    this.service = service;
    this.budgets = budgets;
    this.ledger = ledger;
  }

  @Schema(description = "A price, its 80% and 90% intervals, warnings, and why when asked")
  record PredictionResponse(
      @Schema(
              description = "this price's id, to report the stone's sale with (POST /api/v1/sales)",
              example = "0b9c6f7e-8d0a-4f3b-9a51-2c4d6e8f1a2b")
          String predictionId,
      @Schema(example = "4733.21") double price,
      @Schema(example = "USD") String currency,
      ModelRef model,
      @Schema(example = "3f1c2d4e-...") String requestId,
      @Schema(
              description = "the features the model read to price the stone",
              example = "[\"carat\", \"cut\", \"color\", \"clarity\"]")
          List<String> features,
      List<PriceInterval> intervals,
      List<PriceWarning> warnings,
      @JsonInclude(JsonInclude.Include.NON_NULL) ExplanationView explanation) {

    static PredictionResponse of(String predictionId, PricedDiamond p, String requestId) {
      return new PredictionResponse(
          predictionId,
          p.price(),
          "USD",
          p.model(),
          requestId,
          p.features(),
          p.intervals(),
          p.warnings(),
          p.explanation());
    }
  }

  @Schema(description = "Up to 10,000 diamonds")
  record BatchRequest(
      @NotEmpty @Size(max = MAX_BATCH) List<@NotNull @Valid DiamondInput> diamonds) {}

  @Schema(description = "Prices in the order of the diamonds, and each one's answer in full")
  record BatchResponse(
      List<Double> prices,
      String currency,
      @Schema(
              description =
                  "the model that priced the first diamond (each item names its own: a batch"
                      + " mixing stones with and without measurements is priced by the models of"
                      + " both feature sets)")
          ModelRef model,
      String requestId,
      @Schema(description = "per diamond: price, model, intervals, warnings, and why when asked")
          List<BatchItem> items) {}

  /** One diamond's answer in a batch. */
  record BatchItem(
      @Schema(description = "this price's id, to report the stone's sale with") String predictionId,
      double price,
      ModelRef model,
      @Schema(description = "the features the model read") List<String> features,
      List<PriceInterval> intervals,
      List<PriceWarning> warnings,
      @JsonInclude(JsonInclude.Include.NON_NULL) ExplanationView explanation) {

    static BatchItem of(String predictionId, PricedDiamond p) {
      return new BatchItem(
          predictionId,
          p.price(),
          p.model(),
          p.features(),
          p.intervals(),
          p.warnings(),
          p.explanation());
    }
  }

  @PostMapping
  @Operation(
      summary = "Price one diamond",
      description =
          "carat, cut, color and clarity are required; measurements may be left out: the"
              + " stone is then priced by the champion of the four Cs (a model that learned"
              + " without them), with a `measurements-missing` warning naming what was absent."
              + " A model asked for by id that needs an absent measurement answers 422 naming"
              + " it (linear needs x; a model of every feature needs them all).")
  PredictionResponse predict(
      @Valid @RequestBody DiamondInput diamond,
      @Parameter(description = "model type: linear, xgboost or xgboost-log")
          @RequestParam(required = false)
          String model,
      @Parameter(description = "an exact model id") @RequestParam(required = false) Long modelId,
      @Parameter(
              description =
                  "add the explanation: the baseline and each feature's contribution in dollars"
                      + " (and factors for a model on log(price))")
          @RequestParam(defaultValue = "false")
          boolean explain,
      HttpServletRequest request) {
    budgets.admit(request, 1, explain);
    Diamond stone = diamond.toDiamond();
    Set<Feature> present = PredictionService.present(stone);
    try (ServedModel.Lease lease = service.choose(model, modelId, present)) {
      ServedModel served = lease.served();
      ledger.answering(
          request,
          new AnsweringModel(served.entry().id(), served.entry().type(), served.entry().version()));
      PricedDiamond priced = service.price(served, stone, present, explain);
      String id = PredictionIds.next();
      ledger.record(request, List.of(record(id, stone, priced, false)));
      return PredictionResponse.of(id, priced, RequestId.of(request));
    }
  }

  @PostMapping("/batch")
  @Operation(
      summary = "Price many diamonds in one call",
      description =
          "Up to 10,000 diamonds; one invalid diamond fails the whole batch and the error names"
              + " its index (diamonds[i].field).")
  BatchResponse batch(
      @Valid @RequestBody BatchRequest body,
      @RequestParam(required = false) String model,
      @RequestParam(required = false) Long modelId,
      @Parameter(description = "add each diamond's explanation")
          @RequestParam(defaultValue = "false")
          boolean explain,
      HttpServletRequest request) {
    budgets.admit(request, body.diamonds().size(), explain);
    List<Diamond> diamonds = new ArrayList<>(body.diamonds().size());
    for (DiamondInput d : body.diamonds()) {
      diamonds.add(d.toDiamond());
    }
    List<PricedDiamond> priced = service.price(model, modelId, diamonds, explain);
    ModelRef first = priced.get(0).model();
    ledger.answering(request, answering(first));
    List<Double> prices = new ArrayList<>(priced.size());
    List<BatchItem> items = new ArrayList<>(priced.size());
    List<RecordedPrediction> records = new ArrayList<>(priced.size());
    for (int i = 0; i < priced.size(); i++) {
      PricedDiamond p = priced.get(i);
      String id = PredictionIds.next();
      prices.add(p.price());
      items.add(BatchItem.of(id, p));
      records.add(record(id, diamonds.get(i), p, p.model().id() != first.id()));
    }
    ledger.record(request, records);
    return new BatchResponse(prices, "USD", first, RequestId.of(request), items);
  }

  /** The priced stone as it is put on record; with its own model when that is not the request's. */
  private static RecordedPrediction record(
      String id, Diamond d, PricedDiamond p, boolean ownModel) {
    PriceInterval i80 = interval(p, 0.8);
    PriceInterval i90 = interval(p, 0.9);
    return new RecordedPrediction(
        id,
        d,
        p.price(),
        i80 == null ? null : i80.lower(),
        i80 == null ? null : i80.upper(),
        i90 == null ? null : i90.lower(),
        i90 == null ? null : i90.upper(),
        ownModel ? answering(p.model()) : null);
  }

  private static PriceInterval interval(PricedDiamond p, double level) {
    for (PriceInterval i : p.intervals()) {
      if (Math.abs(i.level() - level) < 1e-9) {
        return i;
      }
    }
    return null;
  }

  private static AnsweringModel answering(ModelRef model) {
    return new AnsweringModel(model.id(), model.type(), model.version());
  }
}
