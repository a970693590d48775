package com.diamondpricing.server.requestlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** SQLite: one text column per body, one JDBC batch. */
final class SqliteRows extends RowWriter {

  private static final String SQL =
      HEAD
          + "request_body,"
          + TAIL.formatted("response_body,")
          + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
