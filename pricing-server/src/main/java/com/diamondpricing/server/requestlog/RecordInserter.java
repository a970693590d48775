package com.diamondpricing.server.requestlog;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes records into {@code request_log} (and the diamonds they priced into {@code prediction},
 * {@link PredictionInserts}) in one transaction, together with how far each journal segment they
 * came from is now in the database ({@link SegmentProgress}), so a replay after a crash starts
 * exactly after the last line written. A record the database refuses (a data error, e.g. JSON that
 * jsonb does not take) cannot stall the log: the batch is then written row by row in the same
 * transaction, a refused row is tried once more with its bodies as plain text, and only a row
 * refused twice is given up. Connection errors are thrown: the caller keeps the records and
 * retries.
 */
final class RecordInserter {

  /** What one call wrote, and the records given up. */
  record Result(int inserted, List<RequestRecord> dropped) {}

  private static final Set<Integer> SQLITE_DATA_ERRORS = Set.of(18, 19, 20, 25);

  private RecordInserter() {}

  /**
   * Inserts the records and advances the segments' committed offsets, in one transaction.
   *
   * @param offsets for each journal segment, the end of its last line now in the database
   * @param now when, for the segments' progress rows
   */
  static Result insert(
      Connection c,
      RequestLogDialect dialect,
      List<RequestRecord> records,
      Map<String, Long> offsets,
      Instant now)
      throws SQLException {
    c.setAutoCommit(false);
    try {
      try {
        if (!records.isEmpty()) {
          dialect.insert(c, records, false);
          PredictionInserts.insert(c, records);
        }
        SegmentProgress.advance(c, offsets, now);
        c.commit();
        return new Result(records.size(), List.of());
      } catch (SQLException e) {
        rollback(c, e);
        if (!dataError(e)) {
          throw e;
        }
      }
      List<RequestRecord> dropped = new ArrayList<>();
      for (RequestRecord r : records) {
        if (!insertOne(c, dialect, r, false) && !insertOne(c, dialect, r, true)) {
          dropped.add(r);
        }
      }
      SegmentProgress.advance(c, offsets, now);
      c.commit();
      return new Result(records.size() - dropped.size(), dropped);
    } catch (SQLException | RuntimeException e) {
      rollback(c, e);
      throw e;
    } finally {
      try {
        c.setAutoCommit(true);
      } catch (SQLException ignored) {
        // a broken connection: the writer has it evicted
      }
    }
  }

  private static boolean insertOne(
      Connection c, RequestLogDialect dialect, RequestRecord r, boolean plain) throws SQLException {
    Savepoint savepoint = c.setSavepoint();
    try {
      dialect.insert(c, List.of(r), plain);
      if (!plain) {
        PredictionInserts.insert(c, List.of(r)); // the second try keeps the request, not these
      }
      c.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException e) {
      c.rollback(savepoint);
      if (!dataError(e)) {
        throw e;
      }
      return false;
    }
  }

  private static void rollback(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Whether the database refused the data (rather than being unreachable). */
  static boolean dataError(SQLException e) {
    Set<Throwable> seen = new HashSet<>();
    List<Throwable> todo = new ArrayList<>(List.of(e));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(todo.size() - 1);
      if (t == null || !seen.add(t)) {
        continue;
      }
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
          return true;
        }
        if (s.getClass().getName().startsWith("org.sqlite.")
            && SQLITE_DATA_ERRORS.contains(s.getErrorCode() & 0xff)) {
          return true;
        }
        String message = s.getMessage();
        if (message != null
            && (message.contains("SQLITE_CONSTRAINT")
                || message.contains("SQLITE_MISMATCH")
                || message.contains("SQLITE_TOOBIG")
                || message.contains("SQLITE_RANGE"))) {
          return true;
        }
        todo.add(s.getNextException());
        if (s instanceof BatchUpdateException b) {
          todo.add(b.getNextException());
        }
      }
      todo.add(t.getCause());
    }
    return false;
  }
}
