package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.prediction.ModelRef;
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
  private final boolean sqlite;

  RequestLogStore(JdbcClient jdbc, DiamondsProperties properties) {
    this.jdbc = jdbc;
    this.sqlite = properties.sqlite();
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
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    String bodies =
        sqlite
            ? "request_body, response_body"
            : "coalesce(request_body::text, request_body_text) as request_body,"
                + " coalesce(response_body::text, response_body_text) as response_body";
    StringBuilder sql =
        new StringBuilder(
            "select id, request_id, received_at, method, path, query, client, user_agent,"
                + " request_content_type, request_body_truncated, status, response_content_type,"
                + " response_body_truncated, duration_ms, model_id, model_type, model_version,"
                + " error_code, "
                + bodies
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
      if (sqlite) {
        sql.append(" and path glob ?");
        params.add(globEscape(pathPrefix) + "*");
      } else {
        sql.append(" and path like ? escape '\\'");
        params.add(likeEscape(pathPrefix) + "%");
      }
    }
    if (status != null) {
      sql.append(" and status = ?");
      params.add(status);
    }
    sql.append(" order by received_at desc, id desc limit ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(RequestLogStore::entry).list();
  }

  /** Deletes the records received before a time; how many. */
  public long purge(Instant before) {
    long total = 0;
    while (true) {
      int n =
          jdbc.sql(
                  "delete from request_log where id in (select id from request_log"
                      + " where received_at < ? limit "
                      + PURGE_CHUNK
                      + ")")
              .param(Timestamp.from(before))
              .update();
      total += n;
      if (n < PURGE_CHUNK) {
        return total;
      }
    }
  }

  private static RequestLogEntry entry(ResultSet rs, int row) throws SQLException {
    Number modelId = (Number) rs.getObject("model_id");
    Number version = (Number) rs.getObject("model_version");
    ModelRef model =
        modelId == null
            ? null
            : new ModelRef(
                modelId.longValue(),
                rs.getString("model_type"),
                version == null ? 0 : version.intValue());
    return new RequestLogEntry(
        rs.getLong("id"),
        rs.getString("request_id"),
        rs.getTimestamp("received_at").toInstant(),
        rs.getString("method"),
        rs.getString("path"),
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
        rs.getString("error_code"));
  }

  static String globEscape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '*', '?', '[' -> out.append('[').append(c).append(']');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String likeEscape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
