package com.diamondpricing.server.requestlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * How far each journal segment is in the database ({@code request_log_segment}: the byte offset
 * where its last line written ends), so a replay after a crash starts exactly after it. The same
 * SQL on both databases.
 */
final class SegmentProgress {

  private static final String ADVANCE =
      "insert into request_log_segment (name, committed_offset, updated_at) values (?, ?, ?)"
          + " on conflict (name) do update set committed_offset = excluded.committed_offset,"
          + " updated_at = excluded.updated_at";

  private SegmentProgress() {}

  /** Records the segments' new offsets (in the caller's transaction). */
  static void advance(Connection c, Map<String, Long> offsets, Instant now) throws SQLException {
    if (offsets.isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(ADVANCE)) {
      Timestamp at = Timestamp.from(now);
      for (Map.Entry<String, Long> e : offsets.entrySet()) {
        s.setString(1, e.getKey());
        s.setLong(2, e.getValue());
        s.setTimestamp(3, at);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * How much of a journal segment is in the database already (the end of its last line written): 0
   * for one never seen; all of it ({@link Long#MAX_VALUE}) for a file an earlier version replayed
   * whole.
   */
  static long committedOffset(Connection c, String segment) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select committed_offset from request_log_segment where name = ?")) {
      s.setString(1, segment);
      try (var rs = s.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement("select count(*) from request_log_journal where name = ?")) {
      s.setString(1, segment);
      try (var rs = s.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0 ? Long.MAX_VALUE : 0;
      }
    }
  }

  /** Forgets a segment whose file is deleted (auto-commit). */
  static void forget(Connection c, String segment) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("delete from request_log_segment where name = ?")) {
      s.setString(1, segment);
      s.executeUpdate();
    }
  }
}
