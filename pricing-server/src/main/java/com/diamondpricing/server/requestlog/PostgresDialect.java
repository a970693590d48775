package com.diamondpricing.server.requestlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * PostgreSQL: each body in its jsonb column when it is whole, valid JSON, else in its text column
 * (read back as whichever holds it); multi-row inserts ({@link MultiRowInserts}); a path prefix is
 * a {@code like} pattern.
 */
final class PostgresDialect extends RequestLogDialect {

  private static final String ROW =
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?,"
          + " ?, ?, ?)";
  private static final String[] SQL =
      MultiRowInserts.statements(
          HEAD
              + "request_body, request_body_text,"
              + TAIL.formatted("response_body, response_body_text,"),
          ROW);
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  String bodies() {
    return "coalesce(request_body::text, request_body_text) as request_body,"
        + " coalesce(response_body::text, response_body_text) as response_body";
  }

  @Override
  String pathStartsWith() {
    return "path like ? escape '\\'";
  }

  @Override
  String pathPattern(String prefix) {
    return likeEscape(prefix) + "%";
  }

  static String likeEscape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  @Override
  void insert(Connection c, List<RequestRecord> records, boolean plain) throws SQLException {
    MultiRowInserts.insert(
        c,
        SQL,
        records.size(),
        QUERY_TIMEOUT_SECONDS,
        (s, first, item) -> bind(s, first, records.get(item), plain));
  }

  private static int bind(PreparedStatement s, int first, RequestRecord r, boolean plain)
      throws SQLException {
    int i = bindHead(s, first, r, plain);
    i = body(s, i, r.requestBody(), r.requestBodyTruncated(), false, plain);
    i = bindMiddle(s, i, r);
    boolean ours = r.responseContentType() != null && r.responseContentType().contains("json");
    i = body(s, i, r.responseBody(), r.responseBodyTruncated(), ours, plain);
    return bindTail(s, i, r);
  }

  /**
   * The jsonb column when the body is whole, valid JSON, else the text column. JSON the service
   * wrote itself ({@code ours}) is taken as valid without parsing it (a miss only costs the
   * row-by-row path).
   */
  private static int body(
      PreparedStatement s, int i, String body, boolean truncated, boolean ours, boolean plain)
      throws SQLException {
    String text = clean(body);
    boolean json =
        !plain
            && !truncated
            && text != null
            && (ours ? !text.isBlank() && !text.contains("\\u0000") : isJson(text));
    s.setString(i, json ? text : null);
    s.setString(i + 1, json ? null : text);
    return i + 2;
  }

  /**
   * Whether the text is one JSON value that jsonb takes (as far as we can tell cheaply; a miss only
   * costs the row-by-row path).
   */
  static boolean isJson(String s) {
    if (s == null || s.isBlank() || s.contains("\\u0000")) {
      return false;
    }
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), s)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return false;
      }
      int depth = 0;
      do {
        if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
        } else if (t == JsonToken.VALUE_STRING || t == JsonToken.PROPERTY_NAME) {
          if (loneSurrogate(p.getString())) {
            return false;
          }
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT && hugeExponent(p.getString())) {
          return false;
        }
        if (depth == 0) {
          break;
        }
        t = p.nextToken();
      } while (t != null);
      return depth == 0 && p.nextToken() == null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isHighSurrogate(ch)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(ch)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hugeExponent(String number) {
    int e = Math.max(number.indexOf('e'), number.indexOf('E'));
    if (e < 0) {
      return false;
    }
    try {
      return Math.abs(Long.parseLong(number.substring(e + 1).replace("+", ""))) > 1000;
    } catch (NumberFormatException x) {
      return true;
    }
  }
}
