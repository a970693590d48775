package com.diamondpricing.server.requestlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * SQLite: one text column per body, inserted in one JDBC batch; a path prefix is a {@code glob}
 * pattern (case-sensitive, unlike {@code like}).
 */
final class SqliteDialect extends RequestLogDialect {

  private static final String SQL =
      HEAD
          + "request_body,"
          + TAIL.formatted("response_body,")
          + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Override
  String bodies() {
    return "request_body, response_body";
  }

  @Override
  String pathStartsWith() {
    return "path glob ?";
  }

  @Override
  String pathPattern(String prefix) {
    return globEscape(prefix) + "*";
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

  @Override
  void insert(Connection c, List<RequestRecord> records, boolean plain) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      // (no query timeout: sqlite-jdbc turns it into its busy timeout; the URL's is kept)
      for (RequestRecord r : records) {
        int i = bindHead(s, 1, r, plain);
        s.setString(i++, clean(r.requestBody()));
        i = bindMiddle(s, i, r);
        s.setString(i++, clean(r.responseBody()));
        bindTail(s, i, r);
        if (records.size() > 1) {
          s.addBatch();
        }
      }
      if (records.size() > 1) {
        s.executeBatch();
      } else {
        s.executeUpdate();
      }
    }
  }
}
