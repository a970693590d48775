package com.diamondpricing.server.ledger;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.server.system.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The predictions on record, read back from {@code prediction}: the one reader of that table, for
 * the feedback loop (sales joined to their prices, drift of what is priced).
 */
@Component
public class RecordedPredictions {

  /** The most predictions a window gives (the newest). */
  public static final int MAX_WINDOW = 100_000;

  /** Ids looked up per statement. */
  static final int LOOKUP_CHUNK = 500;

  private static final String COLUMNS =
      "prediction_id, predicted_at, model_id, model_type, model_version, carat, cut, color,"
          + " clarity, depth, table_pct, x, y, z, price, lower_80, upper_80, lower_90, upper_90";

  private final JdbcClient jdbc;

  RecordedPredictions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A prediction as recorded, with the time it was made; its {@link RecordedPrediction#model()} is
   * always named.
   */
  public record Entry(RecordedPrediction prediction, Instant predictedAt) {}

  /** The predictions made in [since, until), newest first, at most {@value #MAX_WINDOW}. */
  public List<Entry> window(Instant since, Instant until) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from prediction where predicted_at >= ? and predicted_at < ? order by"
                + " predicted_at desc limit "
                + MAX_WINDOW)
        .params(Timestamp.from(since), Timestamp.from(until))
        .query(RecordedPredictions::entry)
        .list();
  }

  /** The predictions with these ids (those on record), by id. */
  public Map<String, Entry> byIds(List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, Entry> found = new HashMap<>();
    List<String> distinct = ids.stream().distinct().toList();
    for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      jdbc.sql("select " + COLUMNS + " from prediction where prediction_id in (" + marks + ")")
          .params(new ArrayList<Object>(chunk))
          .query(RecordedPredictions::entry)
          .list()
          .forEach(e -> found.put(e.prediction().predictionId(), e));
    }
    return found;
  }

  /**
   * The stone of a row whose columns {@code carat, cut, color, clarity, depth, table_pct, x, y, z}
   * start at {@code first}, as {@code prediction} and {@code sale} both hold it; a measurement left
   * out (null) is NaN.
   */
  public static Diamond stone(ResultSet rs, int first) throws SQLException {
    return new Diamond(
        rs.getDouble(first),
        Cut.parse(rs.getString(first + 1)),
        Color.parse(rs.getString(first + 2)),
        Clarity.parse(rs.getString(first + 3)),
        measurement(rs, first + 4),
        measurement(rs, first + 5),
        measurement(rs, first + 6),
        measurement(rs, first + 7),
        measurement(rs, first + 8));
  }

  private static Entry entry(ResultSet rs, int n) throws SQLException {
    RecordedPrediction prediction =
        new RecordedPrediction(
            rs.getString(1),
            stone(rs, 6),
            rs.getDouble(15),
            nullable(rs, 16),
            nullable(rs, 17),
            nullable(rs, 18),
            nullable(rs, 19),
            new AnsweringModel(rs.getLong(3), rs.getString(4), rs.getInt(5)));
    return new Entry(prediction, SqlTimes.instant(rs.getTimestamp(2)));
  }

  private static double measurement(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  private static Double nullable(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }
}
