package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.ledger.AnsweringModel;
import com.diamondpricing.server.system.DiamondsProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the request log (newest first, by time, path prefix and status) and purges old rows. */
@Repository
public class RequestLogStore {

  /** The most records one query returns. */
  public static final int MAX_LIMIT = 1000;

  static final int PURGE_CHUNK = 5000;

  private final JdbcClient jdbc;
  private final RequestLogDialect dialect;

  RequestLogStore(JdbcClient jdbc, DiamondsProperties properties) {
    this.jdbc = jdbc;
    this.dialect = RequestLogDialect.of(properties.sqlite());
  }

  /** Where a page of the log ends: the next page holds the records older than it. */
  public record Cursor(Instant receivedAt, long id) {

    /** The cursor as a query parameter, e.g. {@code 1767225600000.42}. */
    public String text() {
      return receivedAt.toEpochMilli() + "." + id;
    }

    /** A cursor read back; null when the text is not one. */
    public static Cursor parse(String text) {
      int dot = text.indexOf('.');
      try {
        return new Cursor(
            Instant.ofEpochMilli(Long.parseLong(text.substring(0, dot))),
            Long.parseLong(text.substring(dot + 1)));
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  /** A page of the log: its records, newest first, and where the next page starts (or null). */
  public record Page(List<RequestLogEntry> records, Cursor next) {}

  /**
   * The newest records first, as many as {@code limit} and {@code maxBytes} of body text allow (one
   * record at least).
   *
   * @param since only records received at or after this time, or null
   * @param until only records received before this time, or null
   * @param pathPrefix only paths starting with this, or null
   * @param status only this status, or null
   * @param before only records older than this cursor, or null
   * @param limit at most this many (1 to {@value #MAX_LIMIT})
   * @param maxBytes at most about this much body text in all
   */
  public Page page(
      Instant since,
      Instant until,
      String pathPrefix,
      Integer status,
      Cursor before,
      int limit,
      long maxBytes) {
    List<RequestLogEntry> rows = find(since, until, pathPrefix, status, before, limit + 1);
    List<RequestLogEntry> page = new java.util.ArrayList<>();
    long bytes = 0;
    for (RequestLogEntry e : rows) {
      long size = 512 + length(e.requestBody()) + length(e.responseBody()) + length(e.query());
      if (page.size() == limit || (!page.isEmpty() && bytes + size > maxBytes)) {
        RequestLogEntry last = page.get(page.size() - 1);
        return new Page(page, new Cursor(last.receivedAt(), last.id()));
      }
      page.add(e);
      bytes += size;
    }
    return new Page(page, null);
  }

  private static long length(String s) {
    return s == null ? 0 : s.length();
  }

  /**
   * The newest records first.
   *
   * @param since only records received at or after this time, or null
   * @param until only records received before this time, or null
   * @param pathPrefix only paths starting with this, or null
   * @param status only this status, or null
   * @param limit at most this many (1 to {@value #MAX_LIMIT})
   */
  public List<RequestLogEntry> find(
      Instant since, Instant until, String pathPrefix, Integer status, int limit) {
    return find(since, until, pathPrefix, status, null, limit);
  }

  private List<RequestLogEntry> find(
      Instant since, Instant until, String pathPrefix, Integer status, Cursor before, int limit) {
    if (limit < 1 || limit > MAX_LIMIT + 1) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    StringBuilder sql =
        new StringBuilder(
            "select id, request_id, received_at, method, path, raw_path, query, client, user_agent,"
                + " request_content_type, request_body_truncated, status, response_content_type,"
                + " response_body_truncated, duration_ms, model_id, model_type, model_version,"
                + " error_code, key_id, "
                + dialect.bodies()
                + " from request_log where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (since != null) {
      sql.append(" and received_at >= ?");
      params.add(Timestamp.from(since));
    }
    if (until != null) {
      sql.append(" and received_at < ?");
      params.add(Timestamp.from(until));
    }
    if (pathPrefix != null && !pathPrefix.isEmpty()) {
      sql.append(" and ").append(dialect.pathStartsWith());
      params.add(dialect.pathPattern(pathPrefix));
    }
    if (status != null) {
      sql.append(" and status = ?");
      params.add(status);
    }
    if (before != null) {
      sql.append(" and (received_at < ? or (received_at = ? and id < ?))");
      params.add(Timestamp.from(before.receivedAt()));
      params.add(Timestamp.from(before.receivedAt()));
      params.add(before.id());
    }
    sql.append(" order by received_at desc, id desc limit ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(RequestLogStore::entry).list();
  }

  /** Deletes the records received before a time; how many. */
  public long purge(Instant before) {
    return deleteInChunks("request_log", "id", "received_at", before);
  }

  /** Deletes the predictions made before {@code before}, in chunks; how many. */
  public long purgePredictions(Instant before) {
    return deleteInChunks("prediction", "prediction_id", "predicted_at", before);
  }

  /** The rows of the request log. */
  public long requests() {
    return jdbc.sql("select count(*) from request_log").query(Long.class).single();
  }

  /** The rows of the priced diamonds. */
  public long predictions() {
    return jdbc.sql("select count(*) from prediction").query(Long.class).single();
  }

  /** Deletes the {@code n} oldest records (by time received), in chunks; how many. */
  public long purgeOldestRequests(long n) {
    return deleteOldest("request_log", "id", "received_at", n);
  }

  /** Deletes the {@code n} oldest predictions (by time made), in chunks; how many. */
  public long purgeOldestPredictions(long n) {
    return deleteOldest("prediction", "prediction_id", "predicted_at", n);
  }

  /**
   * Deletes a table's {@code n} rows with the earliest {@code time} (through its index), {@value
   * #PURGE_CHUNK} at a time; how many.
   */
  private long deleteOldest(String table, String key, String time, long n) {
    String sql =
        "delete from %1$s where %2$s in (select %2$s from %1$s order by %3$s limit ?)"
            .formatted(table, key, time);
    long total = 0;
    while (total < n) {
      int chunk = (int) Math.min(PURGE_CHUNK, n - total);
      int deleted = jdbc.sql(sql).param(chunk).update();
      total += deleted;
      if (deleted < chunk) {
        break;
      }
    }
    return total;
  }

  /**
   * Deletes a table's rows whose {@code time} is before {@code before}, {@value #PURGE_CHUNK} at a
   * time (short transactions beside the writer's); how many.
   */
  private long deleteInChunks(String table, String key, String time, Instant before) {
    String sql =
        "delete from %1$s where %2$s in (select %2$s from %1$s where %3$s < ? limit %4$d)"
            .formatted(table, key, time, PURGE_CHUNK);
    long total = 0;
    while (true) {
      int n = jdbc.sql(sql).param(Timestamp.from(before)).update();
      total += n;
      if (n < PURGE_CHUNK) {
        return total;
      }
    }
  }

  private static RequestLogEntry entry(ResultSet rs, int row) throws SQLException {
    Number modelId = (Number) rs.getObject("model_id");
    Number version = (Number) rs.getObject("model_version");
    AnsweringModel model =
        modelId == null
            ? null
            : new AnsweringModel(
                modelId.longValue(),
                rs.getString("model_type"),
                version == null ? 0 : version.intValue());
    return new RequestLogEntry(
        rs.getLong("id"),
        rs.getString("request_id"),
        rs.getTimestamp("received_at").toInstant(),
        rs.getString("method"),
        rs.getString("path"),
        rs.getString("raw_path"),
        rs.getString("query"),
        rs.getString("client"),
        rs.getString("user_agent"),
        rs.getString("request_content_type"),
        rs.getString("request_body"),
        rs.getBoolean("request_body_truncated"),
        rs.getInt("status"),
        rs.getString("response_content_type"),
        rs.getString("response_body"),
        rs.getBoolean("response_body_truncated"),
        rs.getDouble("duration_ms"),
        model,
        rs.getString("error_code"),
        rs.getString("key_id"));
  }
}
