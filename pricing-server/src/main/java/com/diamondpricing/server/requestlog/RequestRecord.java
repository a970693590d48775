package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.ledger.RecordedPrediction;
import java.time.Instant;
import java.util.List;

/**
 * One request and its response, as the filter saw it: what goes into one {@code request_log} row.
 * Immutable; {@link RecordLines} gives its journal line.
 *
 * @param path the path the request was routed on (decoded and normalised)
 * @param rawPath the path as sent, when it differs from {@code path}; else null
 * @param errorCode the code of the problem the request was answered with, or null
 * @param keyId the id of the key the request was made with ({@code admin-token} for the bootstrap
 *     token), or null when it was anonymous; never a secret
 * @param predictions the diamonds it priced, in order (empty for anything else)
 */
public record RequestRecord(
    String requestId,
    Instant receivedAt,
    String method,
    String path,
    String rawPath,
    String query,
    String client,
    String userAgent,
    String requestContentType,
    String requestBody,
    boolean requestBodyTruncated,
    int status,
    String responseContentType,
    String responseBody,
    boolean responseBodyTruncated,
    double durationMs,
    Long modelId,
    String modelType,
    Integer modelVersion,
    String errorCode,
    String keyId,
    List<RecordedPrediction> predictions) {

  public RequestRecord {
    predictions = predictions == null ? List.of() : List.copyOf(predictions);
  }

  /** Roughly the memory the record takes, in bytes, for the queue's bound. */
  long weight() {
    return 256
        + length(requestId)
        + length(method)
        + length(path)
        + length(rawPath)
        + length(query)
        + length(client)
        + length(userAgent)
        + length(requestContentType)
        + length(requestBody)
        + length(responseContentType)
        + length(responseBody)
        + length(modelType)
        + length(errorCode)
        + length(keyId)
        + 160L * predictions.size();
  }

  private static long length(String s) {
    return s == null ? 0 : s.length();
  }
}
