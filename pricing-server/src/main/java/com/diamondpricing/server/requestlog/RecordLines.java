package com.diamondpricing.server.requestlog;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A record as one line of a journal file: a JSON object and a newline, written field by field (no
 * map, no reflection: every answered request is encoded on its request thread).
 */
final class RecordLines {

  private static final JsonFactory JSON = new JsonFactory();

  private RecordLines() {}

  /** The record's line, newline included. */
  static byte[] encode(RequestRecord r) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(512 + (int) Math.min(r.weight(), 1 << 20));
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      string(g, "requestId", r.requestId());
      g.writeNumberProperty("receivedAt", r.receivedAt().toEpochMilli());
      string(g, "method", r.method());
      string(g, "path", r.path());
      string(g, "rawPath", r.rawPath());
      string(g, "query", r.query());
      string(g, "client", r.client());
      string(g, "userAgent", r.userAgent());
      string(g, "requestContentType", r.requestContentType());
      string(g, "requestBody", r.requestBody());
      g.writeBooleanProperty("requestBodyTruncated", r.requestBodyTruncated());
      g.writeNumberProperty("status", r.status());
      string(g, "responseContentType", r.responseContentType());
      string(g, "responseBody", r.responseBody());
      g.writeBooleanProperty("responseBodyTruncated", r.responseBodyTruncated());
      g.writeNumberProperty("durationMs", r.durationMs());
      if (r.modelId() != null) {
        g.writeNumberProperty("modelId", r.modelId());
      }
      string(g, "modelType", r.modelType());
      if (r.modelVersion() != null) {
        g.writeNumberProperty("modelVersion", r.modelVersion());
      }
      string(g, "errorCode", r.errorCode());
      g.writeEndObject();
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void string(JsonGenerator g, String name, String value) {
    if (value != null) {
      g.writeStringProperty(name, wellFormed(value));
    }
  }

  /** The text with lone surrogates (which UTF-8 cannot carry) replaced by U+FFFD. */
  static String wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean pair =
            Character.isHighSurrogate(c)
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
        if (!pair) {
          StringBuilder fixed = new StringBuilder(s);
          for (int j = i; j < fixed.length(); j++) {
            char d = fixed.charAt(j);
            if (Character.isHighSurrogate(d)
                && j + 1 < fixed.length()
                && Character.isLowSurrogate(fixed.charAt(j + 1))) {
              j++;
            } else if (Character.isSurrogate(d)) {
              fixed.setCharAt(j, '\uFFFD');
            }
          }
          return fixed.toString();
        }
        i++;
      }
    }
    return s;
  }

  /**
   * The record of a line.
   *
   * @throws IllegalArgumentException when the line is not a whole record (cut by a hard kill)
   */
  static RequestRecord decode(String line) {
    Builder b = new Builder();
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      String name;
      while ((name = p.nextName()) != null) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
          continue;
        }
        b.set(name, p);
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("more than one JSON value");
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a journal line: " + e.getOriginalMessage(), e);
    }
    return b.build();
  }

  private static final class Builder {
    String requestId;
    Long receivedAt;
    String method;
    String path;
    String rawPath;
    String query;
    String client;
    String userAgent;
    String requestContentType;
    String requestBody;
    boolean requestBodyTruncated;
    Integer status;
    String responseContentType;
    String responseBody;
    boolean responseBodyTruncated;
    double durationMs;
    Long modelId;
    String modelType;
    Integer modelVersion;
    String errorCode;

    void set(String name, JsonParser p) {
      switch (name) {
        case "requestId" -> requestId = p.getString();
        case "receivedAt" -> receivedAt = p.getLongValue();
        case "method" -> method = p.getString();
        case "path" -> path = p.getString();
        case "rawPath" -> rawPath = p.getString();
        case "query" -> query = p.getString();
        case "client" -> client = p.getString();
        case "userAgent" -> userAgent = p.getString();
        case "requestContentType" -> requestContentType = p.getString();
        case "requestBody" -> requestBody = p.getString();
        case "requestBodyTruncated" -> requestBodyTruncated = p.getBooleanValue();
        case "status" -> status = p.getIntValue();
        case "responseContentType" -> responseContentType = p.getString();
        case "responseBody" -> responseBody = p.getString();
        case "responseBodyTruncated" -> responseBodyTruncated = p.getBooleanValue();
        case "durationMs" -> durationMs = p.getDoubleValue();
        case "modelId" -> modelId = p.getLongValue();
        case "modelType" -> modelType = p.getString();
        case "modelVersion" -> modelVersion = p.getIntValue();
        case "errorCode" -> errorCode = p.getString();
        default -> p.skipChildren(); // a field of a later version
      }
    }

    RequestRecord build() {
      if (receivedAt == null || status == null) {
        throw new IllegalArgumentException("a journal line without receivedAt or status");
      }
      return new RequestRecord(
          requestId,
          Instant.ofEpochMilli(receivedAt),
          method,
          path,
          rawPath,
          query,
          client,
          userAgent,
          requestContentType,
          requestBody,
          requestBodyTruncated,
          status,
          responseContentType,
          responseBody,
          responseBodyTruncated,
          durationMs,
          modelId,
          modelType,
          modelVersion,
          errorCode);
    }
  }
}
