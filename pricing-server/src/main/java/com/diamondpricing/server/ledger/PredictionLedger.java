package com.diamondpricing.server.ledger;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Where the request path puts what it priced on record: the hand-off from a pricing endpoint to the
 * request log's writer. The request log records the predictions with the request's own record (one
 * journal line, then one transaction), so an answered price is never without its prediction on
 * record, even after {@code kill -9}, and a prediction never exists for an answer that did not
 * leave.
 *
 * <p>The request is the channel because the request log's filter takes the request's record once
 * the response is written, outside Spring MVC's request scope (which its {@code
 * RequestContextFilter} binds and unbinds inside that filter). With {@code
 * diamonds.request-log.enabled=false} nothing is recorded: the ledger is {@link #UNRECORDED}, sales
 * cannot be joined to prices ({@code 422 unknown-prediction}) and there is no live accuracy.
 */
public interface PredictionLedger {

  /** The ledger when the request log is off: nothing is recorded. */
  PredictionLedger UNRECORDED =
      new PredictionLedger() {
        @Override
        public void answering(HttpServletRequest request, AnsweringModel model) {}

        @Override
        public void record(HttpServletRequest request, List<RecordedPrediction> predictions) {}
      };

  /**
   * Names the model answering the request, as soon as it is chosen: the request's record names it
   * even when the stone then cannot be priced.
   */
  void answering(HttpServletRequest request, AnsweringModel model);

  /**
   * Puts a request's priced diamonds on record, in their order. A prediction names its model only
   * when another model than the request's answering one priced it.
   */
  void record(HttpServletRequest request, List<RecordedPrediction> predictions);
}
