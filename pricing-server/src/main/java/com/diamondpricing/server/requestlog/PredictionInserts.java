package com.diamondpricing.server.requestlog;

import com.diamondpricing.data.Diamond;
import com.diamondpricing.server.ledger.AnsweringModel;
import com.diamondpricing.server.ledger.RecordedPrediction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the diamonds a request priced into {@code prediction} (the same SQL on both databases), in
 * the writer's transaction: multi-row inserts of a few fixed sizes ({@link MultiRowInserts}), so
 * that only four statement shapes ever reach the database. (A JDBC batch of single-row inserts,
 * which pgjdbc rewrites into one statement of whatever size the batch has, made PostgreSQL parse
 * and plan a new statement of up to 256 x 21 parameters for nearly every batch; see {@code
 * bench/README.md}, "Recording predictions".)
 */
final class PredictionInserts {

  private static final String[] SQL =
      MultiRowInserts.statements(
          "insert into prediction (prediction_id, request_id, item_index, predicted_at, model_id,"
              + " model_type, model_version, carat, cut, color, clarity, depth, table_pct, x, y,"
              + " z, price, lower_80, upper_80, lower_90, upper_90) values ",
          "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

  /** One row to write: a priced diamond, its request and its place in it. */
  private record Item(RequestRecord request, RecordedPrediction prediction, int index) {}

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
    List<Item> items = new ArrayList<>();
    for (RequestRecord r : records) {
      if (carries(r)) {
        int index = 0;
        for (RecordedPrediction p : r.predictions()) {
          items.add(new Item(r, p, index++));
        }
      }
    }
    // (no query timeout: sqlite-jdbc turns it into its busy timeout; the URL's is kept)
    MultiRowInserts.insert(
        c, SQL, items.size(), 0, (s, first, item) -> bind(s, first, items.get(item)));
  }

  private static int bind(PreparedStatement s, int first, Item item) throws SQLException {
    RequestRecord r = item.request();
    RecordedPrediction p = item.prediction();
    int i = first;
    s.setString(i++, p.predictionId());
    s.setString(i++, RequestLogDialect.clean(r.requestId()));
    s.setInt(i++, item.index());
    s.setTimestamp(i++, Timestamp.from(r.receivedAt() == null ? Instant.EPOCH : r.receivedAt()));
    AnsweringModel model = p.model();
    s.setLong(i++, model != null ? model.id() : r.modelId());
    s.setString(i++, model != null ? model.type() : r.modelType());
    s.setInt(i++, model != null ? model.version() : r.modelVersion());
    Diamond d = p.stone();
    s.setDouble(i++, d.carat());
    s.setString(i++, d.cut().label());
    s.setString(i++, d.color().label());
    s.setString(i++, d.clarity().label());
    i = number(s, i, d.depth());
    i = number(s, i, d.table());
    i = number(s, i, d.x());
    i = number(s, i, d.y());
    i = number(s, i, d.z());
    s.setDouble(i++, p.price());
    i = number(s, i, p.lower80());
    i = number(s, i, p.upper80());
    i = number(s, i, p.lower90());
    return number(s, i, p.upper90());
  }

  private static int number(PreparedStatement s, int i, Double value) throws SQLException {
    return number(s, i, value == null ? Double.NaN : value);
  }

  private static int number(PreparedStatement s, int i, double value) throws SQLException {
    if (!Double.isFinite(value)) {
      s.setNull(i, Types.DOUBLE);
    } else {
      s.setDouble(i, value);
    }
    return i + 1;
  }
}
