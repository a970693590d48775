package com.diamondpricing.server.web.capture;

import com.diamondpricing.server.ledger.AnsweringModel;
import com.diamondpricing.server.ledger.PredictionLedger;
import com.diamondpricing.server.ledger.RecordedPrediction;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The {@link PredictionLedger} where the request log records: what a pricing endpoint hands over is
 * kept on its request until {@link RequestLogFilter} makes the request's record, which carries it
 * into the journal and the database.
 */
final class PredictionsOnRequest implements PredictionLedger {

  private static final String MODEL = "diamonds.answeringModel";
  private static final String PREDICTIONS = "diamonds.predictions";

  @Override
  public void answering(HttpServletRequest request, AnsweringModel model) {
    request.setAttribute(MODEL, model);
  }

  @Override
  public void record(HttpServletRequest request, List<RecordedPrediction> predictions) {
    request.setAttribute(PREDICTIONS, List.copyOf(predictions));
  }

  /** The model that answered the request, or null. */
  static AnsweringModel answeringModel(HttpServletRequest request) {
    return request.getAttribute(MODEL) instanceof AnsweringModel m ? m : null;
  }

  /** The request's priced diamonds, in order, or an empty list. */
  @SuppressWarnings("unchecked")
  static List<RecordedPrediction> predictions(HttpServletRequest request) {
    return request.getAttribute(PREDICTIONS) instanceof List<?> list
        ? (List<RecordedPrediction>) list
        : List.of();
  }
}
