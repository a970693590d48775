package com.diamondpricing.server.requestlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Writes the diamonds a request priced into {@code prediction} (the same SQL on both databases),
 * one JDBC batch for every record of a writer's batch, in the writer's transaction.
 */
final class PredictionInserts {

  static final String SQL =
      "insert into prediction (prediction_id, request_id, item_index, predicted_at, model_id,"
          + " model_type, model_version, carat, cut, color, clarity, depth, table_pct, x, y, z,"
          + " price, lower_80, upper_80, lower_90, upper_90) values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private PredictionInserts() {}

  /** Whether the record carries predictions to write (an answered price with its model). */
  static boolean carries(RequestRecord r) {
    return !r.predictions().isEmpty()
        && r.modelId() != null
        && r.modelType() != null
        && r.modelVersion() != null;
  }

  /** Inserts the predictions of the records (no commit). */
  static void insert(Connection c, List<RequestRecord> records) throws SQLException {
    if (records.stream().noneMatch(PredictionInserts::carries)) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      for (RequestRecord r : records) {
        if (!carries(r)) {
          continue;
        }
        Timestamp at = Timestamp.from(r.receivedAt() == null ? Instant.EPOCH : r.receivedAt());
        int index = 0;
        for (PredictionRecord p : r.predictions()) {
          int i = 1;
          s.setString(i++, p.predictionId());
          s.setString(i++, RequestLogDialect.clean(r.requestId()));
          s.setInt(i++, index++);
          s.setTimestamp(i++, at);
          s.setLong(i++, r.modelId());
          s.setString(i++, r.modelType());
          s.setInt(i++, r.modelVersion());
          s.setDouble(i++, p.carat());
          s.setString(i++, p.cut());
          s.setString(i++, p.color());
          s.setString(i++, p.clarity());
          i = number(s, i, p.depth());
          i = number(s, i, p.table());
          i = number(s, i, p.x());
          i = number(s, i, p.y());
          i = number(s, i, p.z());
          s.setDouble(i++, p.price());
          i = number(s, i, p.lower80());
          i = number(s, i, p.upper80());
          i = number(s, i, p.lower90());
          number(s, i, p.upper90());
          s.addBatch();
        }
      }
      s.executeBatch();
    }
  }

  private static int number(PreparedStatement s, int i, Double value) throws SQLException {
    if (value == null || !Double.isFinite(value)) {
      s.setNull(i, Types.DOUBLE);
    } else {
      s.setDouble(i, value);
    }
    return i + 1;
  }
}
