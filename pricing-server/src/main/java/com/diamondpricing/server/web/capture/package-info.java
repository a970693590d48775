/**
 * The request capture: {@code RequestLogFilter} makes a {@code RequestRecord} of every request
 * routed under {@code /api/} (bodies through {@code CapturingRequest} and {@code BufferedResponse},
 * secrets in the query redacted by {@code QueryRedaction}) and hands it to the request log's {@link
 * com.diamondpricing.server.requestlog.RequestLog}, releasing the response only once it is
 * journaled. Predictions a pricing endpoint hands to the {@link
 * com.diamondpricing.server.ledger.PredictionLedger} ride on the request ({@code
 * PredictionsOnRequest}) into that record. The only place that logs requests.
 */
package com.diamondpricing.server.web.capture;
