package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Diamond;
import com.diamondpricing.server.web.AnsweringModel;
import com.diamondpricing.server.web.RequestIdFilter;
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
        "Price diamonds. Model selection: `modelId` picks an exact model, `model` (linear or"
            + " xgboost) the best registered version of that type (lowest test MAE), and by"
            + " default the champion answers.")
class PredictionController {

  static final int MAX_BATCH = 10_000;

  private final PredictionService service;

  PredictionController(PredictionService service) {
    this.service = service;
  }

  @Schema(description = "A price")
  record PredictionResponse(
      @Schema(example = "4733.21") double price,
      @Schema(example = "USD") String currency,
      ModelRef model,
      @Schema(example = "3f1c2d4e-...") String requestId) {}

  @Schema(description = "Up to 10,000 diamonds")
  record BatchRequest(
      @NotEmpty @Size(max = MAX_BATCH) List<@NotNull @Valid DiamondInput> diamonds) {}

  @Schema(description = "Prices in the order of the diamonds")
  record BatchResponse(List<Double> prices, String currency, ModelRef model, String requestId) {}

  @PostMapping
  @Operation(
      summary = "Price one diamond",
      description =
          "carat, cut, color and clarity are required; measurements may be left out when the"
              + " chosen model can do without them (xgboost treats them as missing; linear needs"
              + " x, and answers 422 naming it).")
  PredictionResponse predict(
      @Valid @RequestBody DiamondInput diamond,
      @Parameter(description = "model type: linear or xgboost") @RequestParam(required = false)
          String model,
      @Parameter(description = "an exact model id") @RequestParam(required = false) Long modelId,
      HttpServletRequest request) {
    try (ServedModel.Lease lease = service.choose(model, modelId)) {
      ServedModel served = lease.served();
      answering(served).setOn(request);
      double price = service.price(served, diamond.toDiamond());
      return new PredictionResponse(
          price, "USD", ModelRef.of(served.entry()), RequestIdFilter.of(request));
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
      HttpServletRequest request) {
    try (ServedModel.Lease lease = service.choose(model, modelId)) {
      ServedModel served = lease.served();
      answering(served).setOn(request);
      List<Diamond> diamonds = new ArrayList<>(body.diamonds().size());
      for (int i = 0; i < body.diamonds().size(); i++) {
        Diamond d = body.diamonds().get(i).toDiamond();
        try {
          service.requireFeatures(served, d);
        } catch (MissingFeatureProblem e) {
          throw MissingFeatureProblem.inBatch(i, e);
        }
        diamonds.add(d);
      }
      double[] prices = served.model().predict(diamonds);
      List<Double> out = new ArrayList<>(prices.length);
      for (double p : prices) {
        out.add(PredictionService.cents(p));
      }
      return new BatchResponse(
          out, "USD", ModelRef.of(served.entry()), RequestIdFilter.of(request));
    }
  }

  private static AnsweringModel answering(ServedModel served) {
    return new AnsweringModel(served.entry().id(), served.entry().type(), served.entry().version());
  }
}
