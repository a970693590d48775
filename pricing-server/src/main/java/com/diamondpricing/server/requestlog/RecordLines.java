package com.diamondpricing.server.requestlog;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.server.ledger.AnsweringModel;
import com.diamondpricing.server.ledger.RecordedPrediction;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
      string(g, "keyId", r.keyId());
      if (!r.predictions().isEmpty()) {
        g.writeName("predictions");
        g.writeStartArray();
        for (RecordedPrediction p : r.predictions()) {
          prediction(g, p);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * A prediction as an array: id, the nine features, price, the two intervals' ends, and its model
   * (id, type, version) when it names one.
   */
  private static void prediction(JsonGenerator g, RecordedPrediction p) {
    Diamond d = p.stone();
    g.writeStartArray();
    g.writeString(p.predictionId());
    g.writeNumber(d.carat());
    g.writeString(d.cut().label());
    g.writeString(d.color().label());
    g.writeString(d.clarity().label());
    number(g, d.depth());
    number(g, d.table());
    number(g, d.x());
    number(g, d.y());
    number(g, d.z());
    g.writeNumber(p.price());
    number(g, p.lower80());
    number(g, p.upper80());
    number(g, p.lower90());
    number(g, p.upper90());
    if (p.model() != null) {
      g.writeNumber(p.model().id());
      g.writeString(p.model().type());
      g.writeNumber(p.model().version());
    }
    g.writeEndArray();
  }

  private static void number(JsonGenerator g, double value) {
    if (!Double.isFinite(value)) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  private static void number(JsonGenerator g, Double value) {
    if (value == null || !Double.isFinite(value)) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  private static RecordedPrediction prediction(JsonParser p) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException("a prediction that is not an array");
    }
    Object[] v = new Object[18];
    int i = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (i >= v.length) {
        throw new IllegalArgumentException("a prediction with more than 18 values");
      }
      v[i++] =
          switch (t) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            default -> throw new IllegalArgumentException("a prediction value of " + t);
          };
    }
    if (i != 15 && i != 18) {
      throw new IllegalArgumentException("a prediction with " + i + " values, not 15 or 18");
    }
    return new RecordedPrediction(
        (String) v[0],
        new Diamond(
            (Double) v[1],
            Cut.parse((String) v[2]),
            Color.parse((String) v[3]),
            Clarity.parse((String) v[4]),
            measurement(v[5]),
            measurement(v[6]),
            measurement(v[7]),
            measurement(v[8]),
            measurement(v[9])),
        (Double) v[10],
        (Double) v[11],
        (Double) v[12],
        (Double) v[13],
        (Double) v[14],
        v[15] == null
            ? null
            : new AnsweringModel(
                ((Double) v[15]).longValue(), (String) v[16], ((Double) v[17]).intValue()));
  }

  private static double measurement(Object value) {
    return value == null ? Double.NaN : (Double) value;
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
    String keyId;
    List<RecordedPrediction> predictions = List.of();

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
        case "keyId" -> keyId = p.getString();
        case "predictions" -> predictions = predictions(p);
        default -> p.skipChildren(); // a field of a later version
      }
    }

    private static List<RecordedPrediction> predictions(JsonParser p) {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("predictions that are not an array");
      }
      List<RecordedPrediction> list = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        list.add(prediction(p));
      }
      return list;
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
          errorCode,
          keyId,
          predictions);
    }
  }
}
