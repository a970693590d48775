package com.diamondpricing.server.ledger;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.server.system.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

  /**
   * How long a sale waits for a prediction this server may still be writing: its id says it was
   * made in the last {@link #RECENT} (the request log writes within its flush interval, 100 ms by
   * default, unless the database is slow or down).
   */
  static final Duration WAIT = Duration.ofSeconds(3);

  /** A prediction id made this recently may still be on its way to the table. */
  static final Duration RECENT = Duration.ofMinutes(1);

  private static final long POLL_MILLIS = 20;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final PredictionLedger ledger;

  RecordedPredictions(JdbcClient jdbc, Clock clock, PredictionLedger ledger) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ledger = ledger;
  }

  /**
   * Read-your-writes for a sale reported right after its price: waits (up to {@link #WAIT}) until
   * every id that is not on record yet but was made in the last {@link #RECENT} is, since the
   * request log writes a prediction shortly after its answer left. Returns at once when all are on
   * record or none is recent: an unknown old id is just unknown, and with the request log off
   * ({@link PredictionLedger#UNRECORDED}) nothing is on its way. Call it outside a transaction (on
   * SQLite a transaction would hold off the very writer it waits for).
   */
  public void awaitRecent(List<String> ids) {
    if (ledger == PredictionLedger.UNRECORDED) {
      return;
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<String> waiting = recentOf(ids);
    while (!waiting.isEmpty()) {
      Map<String, Entry> found = byIds(waiting);
      waiting = waiting.stream().filter(id -> !found.containsKey(id)).toList();
      if (waiting.isEmpty() || System.nanoTime() - deadline > 0) {
        return;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The ids made in the last {@link #RECENT}: version 7 UUIDs carry their millisecond. */
  private List<String> recentOf(List<String> ids) {
    long since = clock.millis() - RECENT.toMillis();
    List<String> recent = new ArrayList<>();
    for (String id : ids) {
      try {
        UUID uuid = UUID.fromString(id);
        if (uuid.version() == 7 && (uuid.getMostSignificantBits() >>> 16) >= since) {
          recent.add(id);
        }
      } catch (IllegalArgumentException notAUuid) {
        // unknown, and never coming
      }
    }
    return recent;
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

  /** The latest predictions on record (the quotes given), newest first. */
  public List<Entry> latest(int limit) {
    return jdbc.sql("select " + COLUMNS + " from prediction order by predicted_at desc limit ?")
        .param(limit)
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
