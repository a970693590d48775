package com.diamondpricing.server.ledger;

import com.diamondpricing.data.Diamond;
import java.util.Objects;

/**
 * One priced diamond on record: a row of {@code prediction}, which a sale can later be joined to.
 * The request path hands it to the {@link PredictionLedger}; the request log's writer stores it
 * with its request's row (same journal line, same transaction); {@link RecordedPredictions} reads
 * it back.
 *
 * @param predictionId the id the response gave for it
 * @param stone the stone as priced (a measurement left out is NaN)
 * @param price the price given, in dollars
 * @param lower80 the 80% interval's lower end, or null when the model has no intervals
 * @param upper80 its upper end, or null
 * @param lower90 the 90% interval's lower end, or null
 * @param upper90 its upper end, or null
 * @param model the model that priced it; null when handed over, for the request's answering model
 *     (a batch may mix stones priced by the models of different feature sets, and names the model
 *     only on the stones another model priced)
 */
public record RecordedPrediction(
    String predictionId,
    Diamond stone,
    double price,
    Double lower80,
    Double upper80,
    Double lower90,
    Double upper90,
    AnsweringModel model) {

  public RecordedPrediction {
    Objects.requireNonNull(predictionId, "predictionId");
    Objects.requireNonNull(stone, "stone");
  }

  /** The same prediction attributed to this model. */
  public RecordedPrediction withModel(AnsweringModel by) {
    return new RecordedPrediction(
        predictionId, stone, price, lower80, upper80, lower90, upper90, by);
  }
}
