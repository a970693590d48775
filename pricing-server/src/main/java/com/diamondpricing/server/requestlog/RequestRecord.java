package com.diamondpricing.server.requestlog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request and its response, as the filter saw it: what goes into one {@code request_log} row
 * (the error code is taken from the response body when the row is written). Immutable; also the
 * line format of the journal files ({@link #toMap()}, {@link #fromMap}).
 */
record RequestRecord(
    String requestId,
    Instant receivedAt,
    String method,
    String path,
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
    Integer modelVersion) {

  /** Roughly the memory the record takes, in bytes, for the queue's bound. */
  long weight() {
    return 256
        + length(requestId)
        + length(method)
        + length(path)
        + length(query)
        + length(client)
        + length(userAgent)
        + length(requestContentType)
        + length(requestBody)
        + length(responseContentType)
        + length(responseBody)
        + length(modelType);
  }

  private static long length(String s) {
    return s == null ? 0 : s.length();
  }

  /** The record as a JSON object (a journal line). */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestId", requestId);
    m.put("receivedAt", receivedAt.toEpochMilli());
    m.put("method", method);
    m.put("path", path);
    m.put("query", query);
    m.put("client", client);
    m.put("userAgent", userAgent);
    m.put("requestContentType", requestContentType);
    m.put("requestBody", requestBody);
    m.put("requestBodyTruncated", requestBodyTruncated);
    m.put("status", status);
    m.put("responseContentType", responseContentType);
    m.put("responseBody", responseBody);
    m.put("responseBodyTruncated", responseBodyTruncated);
    m.put("durationMs", durationMs);
    m.put("modelId", modelId);
    m.put("modelType", modelType);
    m.put("modelVersion", modelVersion);
    return m;
  }

  /** A record read back from a journal line. */
  static RequestRecord fromMap(Map<String, Object> m) {
    return new RequestRecord(
        (String) m.get("requestId"),
        Instant.ofEpochMilli(((Number) m.get("receivedAt")).longValue()),
        (String) m.get("method"),
        (String) m.get("path"),
        (String) m.get("query"),
        (String) m.get("client"),
        (String) m.get("userAgent"),
        (String) m.get("requestContentType"),
        (String) m.get("requestBody"),
        Boolean.TRUE.equals(m.get("requestBodyTruncated")),
        ((Number) m.get("status")).intValue(),
        (String) m.get("responseContentType"),
        (String) m.get("responseBody"),
        Boolean.TRUE.equals(m.get("responseBodyTruncated")),
        ((Number) m.get("durationMs")).doubleValue(),
        m.get("modelId") == null ? null : ((Number) m.get("modelId")).longValue(),
        (String) m.get("modelType"),
        m.get("modelVersion") == null ? null : ((Number) m.get("modelVersion")).intValue());
  }
}
