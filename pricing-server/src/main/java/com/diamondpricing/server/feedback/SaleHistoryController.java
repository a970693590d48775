package com.diamondpricing.server.feedback;

import com.diamondpricing.server.ledger.RecordedPrediction;
import com.diamondpricing.server.ledger.RecordedPredictions;
import com.diamondpricing.server.problem.InstantParameter;
import com.diamondpricing.server.problem.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The counter's side of sales: the quotes given, the sales, their corrections and voids. */
@RestController
@Tag(name = "Feedback")
class SaleHistoryController {

  private final SaleHistory history;
  private final RecordedPredictions predictions;
  private final Clock clock;

  SaleHistoryController(SaleHistory history, RecordedPredictions predictions, Clock clock) {
    this.history = history;
    this.predictions = predictions;
    this.clock = clock;
  }

  /**
   * A correction: the sale's new price or time (or both), and why.
   *
   * @param actualPrice the right price, dollars; null keeps it
   * @param soldAt the right time (an instant, or a date for that day UTC); null keeps it
   * @param reason why, kept in the sale's history
   */
  @Schema(description = "A sale's new price or time (or both), and why")
  record Correction(
      @Schema(description = "the right price, dollars", example = "4950.0", nullable = true)
          Double actualPrice,
      @Schema(
              description = "the right time: an ISO-8601 instant, or a date for that day (UTC)",
              example = "2026-12-05",
              nullable = true)
          String soldAt,
      @Schema(
              description = "why, kept in the sale's history",
              example = "typo at the till: 49500 for 4950",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String reason) {}

  /**
   * A void: why the sale did not happen.
   *
   * @param reason why, kept in the sale's history
   */
  @Schema(description = "Why a sale is voided")
  record VoidRequest(
      @Schema(
              description = "why, kept in the sale's history",
              example = "the customer returned the stone",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String reason) {}

  @GetMapping("/api/v1/quotes")
  @Operation(
      summary = "The latest quotes and their sales",
      description =
          "The prices given (each stone of a batch is a quote), newest first, each with its sale"
              + " once one is reported. limit: 1 to 500, default 50.")
  List<QuoteView> quotes(
      @Parameter(description = "1 to 500", example = "50") @RequestParam(defaultValue = "50")
          int limit) {
    List<RecordedPredictions.Entry> latest = predictions.latest(checkedLimit(limit));
    Map<String, QuoteView.SaleSummary> sales =
        history.ofPredictions(latest.stream().map(e -> e.prediction().predictionId()).toList());
    return latest.stream()
        .map(
            e -> {
              RecordedPrediction p = e.prediction();
              return new QuoteView(
                  p.predictionId(),
                  e.predictedAt(),
                  StoneView.of(p.stone()),
                  p.price(),
                  p.lower80(),
                  p.upper80(),
                  p.lower90(),
                  p.upper90(),
                  p.model().id(),
                  p.model().type(),
                  p.model().version(),
                  sales.get(p.predictionId()));
            })
        .toList();
  }

  @GetMapping("/api/v1/sales")
  @Operation(
      summary = "The latest sales, with their history",
      description =
          "Sales as they stand (the latest correction; voided ones marked), newest first, each"
              + " with every state it has had. limit: 1 to 500, default 50.")
  List<SaleView> sales(
      @Parameter(description = "1 to 500", example = "50") @RequestParam(defaultValue = "50")
          int limit) {
    return history.recent(checkedLimit(limit));
  }

  @GetMapping("/api/v1/sales/{id:\\d+}")
  @Operation(summary = "One sale, with its history")
  SaleView sale(@PathVariable("id") long id) {
    return history.get(id);
  }

  @PostMapping(value = "/api/v1/sales/{id:\\d+}/corrections", consumes = "application/json")
  @Operation(
      summary = "Correct a sale's price or time",
      description =
          "A sale typed wrong is corrected, with a reason: the live figures use the corrected"
              + " sale from now on, and its history keeps every state with who changed it (the"
              + " key's id). A voided sale is 409 sale-voided.")
  SaleView correct(
      @PathVariable("id") long id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      examples =
                          @ExampleObject(
                              value =
                                  "{\"actualPrice\": 4950.0, \"reason\": \"typo at the till:"
                                      + " 49500 for 4950\"}")))
          @RequestBody
          Correction body,
      Principal principal) {
    Instant soldAt = InstantParameter.parseInstantOrDay("soldAt", body.soldAt(), clock);
    return history.correct(id, body.actualPrice(), soldAt, body.reason(), principal.getName());
  }

  @PostMapping(value = "/api/v1/sales/{id:\\d+}/void", consumes = "application/json")
  @Operation(
      summary = "Void a sale",
      description =
          "A sale that did not happen (a return, a test at the till) is voided, with a reason: it"
              + " counts in no live figure from now on, and stays in the history. Reporting it"
              + " again records it anew.")
  SaleView voidSale(
      @PathVariable("id") long id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      examples =
                          @ExampleObject(
                              value = "{\"reason\": \"the customer returned the stone\"}")))
          @RequestBody
          VoidRequest body,
      Principal principal) {
    return history.voidSale(id, body.reason(), principal.getName());
  }

  private static int checkedLimit(int limit) {
    if (limit < 1 || limit > SaleHistory.MAX_LIMIT) {
      throw Problem.invalidParameter(
          "limit", "limit must be between 1 and " + SaleHistory.MAX_LIMIT, List.of());
    }
    return limit;
  }
}
