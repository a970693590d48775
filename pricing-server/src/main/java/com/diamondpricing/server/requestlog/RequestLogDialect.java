package com.diamondpricing.server.requestlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The request log's SQL that differs between the databases, one subclass per database: {@link
 * SqliteDialect} and {@link PostgresDialect}. How rows are inserted (the writer), and how bodies
 * and a path prefix are read back ({@link RequestLogStore}). The columns the inserts share are
 * bound here, in their order. (The rest of the request log's SQL is the same on both.)
 */
abstract class RequestLogDialect {

  static final int QUERY_TIMEOUT_SECONDS = 60;

  static final String HEAD =
      "insert into request_log (request_id, received_at, method, path, raw_path, query, client,"
          + " user_agent, request_content_type, ";
  static final String TAIL =
      " request_body_truncated, status, response_content_type, %s response_body_truncated,"
          + " duration_ms, model_id, model_type, model_version, error_code, key_id) values ";

  /** The dialect of the database behind a connection. */
  static RequestLogDialect of(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName();
    return of(!(product != null && product.toLowerCase(Locale.ROOT).contains("postgres")));
  }

  /** SQLite's, or else PostgreSQL's. */
  static RequestLogDialect of(boolean sqlite) {
    return sqlite ? new SqliteDialect() : new PostgresDialect();
  }

  // ---- reading

  /** The select list's expressions for {@code request_body} and {@code response_body}, as text. */
  abstract String bodies();

  /** The condition on {@code path} (one parameter) that keeps the paths starting with a prefix. */
  abstract String pathStartsWith();

  /** The parameter of {@link #pathStartsWith} for this prefix. */
  abstract String pathPattern(String prefix);

  // ---- writing

  /**
   * Inserts the rows (no commit); {@code plain} (the second try of a refused row) stores the bodies
   * as text and fills the required columns whatever the record holds.
   */
  abstract void insert(Connection c, List<RequestRecord> records, boolean plain)
      throws SQLException;

  /** Binds the columns before the request body; the next parameter's index. */
  static int bindHead(PreparedStatement s, int first, RequestRecord r, boolean plain)
      throws SQLException {
    int i = first;
    s.setString(i++, clean(r.requestId()));
    s.setTimestamp(i++, Timestamp.from(r.receivedAt() == null ? Instant.EPOCH : r.receivedAt()));
    s.setString(i++, r.method() == null && plain ? "?" : clean(r.method()));
    s.setString(i++, r.path() == null && plain ? "?" : clean(r.path()));
    s.setString(i++, clean(r.rawPath()));
    s.setString(i++, clean(r.query()));
    s.setString(i++, clean(r.client()));
    s.setString(i++, clean(r.userAgent()));
    s.setString(i++, clean(r.requestContentType()));
    return i;
  }

  /** Binds the status and response content type, after the request body. */
  static int bindMiddle(PreparedStatement s, int first, RequestRecord r) throws SQLException {
    int i = first;
    s.setBoolean(i++, r.requestBodyTruncated());
    s.setInt(i++, r.status());
    s.setString(i++, clean(r.responseContentType()));
    return i;
  }

  /** Binds the columns after the response body. */
  static int bindTail(PreparedStatement s, int first, RequestRecord r) throws SQLException {
    int i = first;
    s.setBoolean(i++, r.responseBodyTruncated());
    s.setDouble(i++, Double.isFinite(r.durationMs()) ? r.durationMs() : 0);
    if (r.modelId() == null) {
      s.setNull(i++, Types.BIGINT);
    } else {
      s.setLong(i++, r.modelId());
    }
    s.setString(i++, clean(r.modelType()));
    if (r.modelVersion() == null) {
      s.setNull(i++, Types.INTEGER);
    } else {
      s.setInt(i++, r.modelVersion());
    }
    s.setString(i++, clean(r.errorCode() == null || r.status() < 400 ? null : r.errorCode()));
    s.setString(i++, clean(r.keyId()));
    return i;
  }

  /** Text without NUL characters, which PostgreSQL's text does not take. */
  static String clean(String s) {
    return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
  }
}
