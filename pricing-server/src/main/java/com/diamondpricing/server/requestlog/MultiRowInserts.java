package com.diamondpricing.server.requestlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Rows inserted with multi-row statements of a few fixed sizes ({@link #CHUNKS} rows), each size a
 * JDBC batch: far less work per row for the database than a statement per row, and only four
 * statement shapes ever reach it, so it parses and plans each once. (pgjdbc's own rewriting of a
 * batch makes one statement sized to the batch, a new shape nearly every time.)
 */
final class MultiRowInserts {

  static final int[] CHUNKS = {64, 16, 4, 1};

  /** Binds item {@code item}'s columns from parameter {@code first}; the next parameter. */
  @FunctionalInterface
  interface Binder {
    int bind(PreparedStatement s, int first, int item) throws SQLException;
  }

  private MultiRowInserts() {}

  /** The statements for each of {@link #CHUNKS}: {@code head} and that many {@code row}s. */
  static String[] statements(String head, String row) {
    String[] sql = new String[CHUNKS.length];
    for (int k = 0; k < CHUNKS.length; k++) {
      StringBuilder s = new StringBuilder(head);
      for (int r = 0; r < CHUNKS[k]; r++) {
        s.append(r == 0 ? "" : ", ").append(row);
      }
      sql[k] = s.toString();
    }
    return sql;
  }

  /**
   * Inserts {@code items} rows (no commit) with the {@link #statements}.
   *
   * @param timeoutSeconds each statement's query timeout, or 0 for none
   */
  static void insert(Connection c, String[] sql, int items, int timeoutSeconds, Binder binder)
      throws SQLException {
    int at = 0;
    for (int k = 0; k < CHUNKS.length && at < items; k++) {
      int size = CHUNKS[k];
      int statements = (items - at) / size;
      if (statements == 0) {
        continue;
      }
      try (PreparedStatement s = c.prepareStatement(sql[k])) {
        if (timeoutSeconds > 0) {
          s.setQueryTimeout(timeoutSeconds);
        }
        for (int n = 0; n < statements; n++) {
          int parameter = 1;
          for (int row = 0; row < size; row++) {
            parameter = binder.bind(s, parameter, at++);
          }
          if (statements > 1) {
            s.addBatch();
          }
        }
        if (statements > 1) {
          s.executeBatch();
        } else {
          s.executeUpdate();
        }
      }
    }
  }
}
