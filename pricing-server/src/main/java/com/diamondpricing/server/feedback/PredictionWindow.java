package com.diamondpricing.server.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The recorded predictions of a window, newest first, at most {@value #MAX_ROWS}. */
@Component
class PredictionWindow {

  static final int MAX_ROWS = 100_000;

  private final JdbcClient jdbc;

  PredictionWindow(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A recorded prediction's stone, price and model; a measurement left out is NaN. */
  record Row(
      double carat,
      String cut,
      String color,
      String clarity,
      double depth,
      double table,
      double x,
      double y,
      double z,
      double price,
      long modelId) {}

  List<Row> rows(Instant since, Instant until) {
    return jdbc.sql(
            "select carat, cut, color, clarity, depth, table_pct, x, y, z, price, model_id from"
                + " prediction where predicted_at >= ? and predicted_at < ? order by predicted_at"
                + " desc limit "
                + MAX_ROWS)
        .params(Timestamp.from(since), Timestamp.from(until))
        .query(PredictionWindow::row)
        .list();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getDouble(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        number(rs, 5),
        number(rs, 6),
        number(rs, 7),
        number(rs, 8),
        number(rs, 9),
        rs.getDouble(10),
        rs.getLong(11));
  }

  private static double number(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }
}
