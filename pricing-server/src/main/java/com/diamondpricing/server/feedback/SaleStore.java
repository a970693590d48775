package com.diamondpricing.server.feedback;

import com.diamondpricing.data.Diamond;
import com.diamondpricing.server.system.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code sale} table: sales recorded idempotently (a sale's key is its prediction id, or a hash
 * of the stone, price and time), all of a report or none, each attributed to the model that priced
 * its stone, with a copy of what that model predicted.
 */
@Component
class SaleStore {

  static final int LOOKUP_CHUNK = 500;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  SaleStore(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /** A prediction as recorded: the model, the stone, the price and its intervals. */
  record Predicted(
      String predictionId,
      long modelId,
      Instant predictedAt,
      double carat,
      String cut,
      String color,
      String clarity,
      Double depth,
      Double table,
      Double x,
      Double y,
      Double z,
      double price,
      Double lower80,
      Double upper80,
      Double lower90,
      Double upper90) {}

  /** A sale of a stone priced here, with what was predicted: a live-accuracy observation. */
  record SoldPrediction(
      double predicted,
      double actual,
      Double lower80,
      Double upper80,
      Double lower90,
      Double upper90,
      Instant soldAt,
      double carat,
      String cut,
      String color,
      String clarity) {}

  /**
   * Records the sales, in one transaction: a sale recorded before with the same price and time is a
   * duplicate (nothing changes); any unknown prediction or conflicting sale records none.
   *
   * @throws FeedbackProblems.UnknownPrediction when a sale names a prediction that does not exist
   * @throws FeedbackProblems.Conflict when a sale's stone was recorded sold at another price or
   *     time
   */
  List<SaleOutcome> record(List<NewSale> sales, String source) {
    return tx.execute(
        status -> {
          Map<String, Predicted> predictions =
              predictions(
                  sales.stream().map(NewSale::predictionId).filter(id -> id != null).toList());
          Instant now = SqlTimes.now(clock);
          List<SaleOutcome> outcomes = new ArrayList<>(sales.size());
          for (NewSale sale : sales) {
            Predicted p = null;
            if (sale.predictionId() != null) {
              p = predictions.get(sale.predictionId());
              if (p == null) {
                throw new FeedbackProblems.UnknownPrediction(
                    sale.field("predictionId"), sale.predictionId());
              }
            }
            outcomes.add(recordOne(sale, p, source, now));
          }
          return outcomes;
        });
  }

  private SaleOutcome recordOne(NewSale sale, Predicted p, String source, Instant now) {
    String key = sale.key();
    Instant soldAt = sale.soldAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Optional<Existing> existing =
        jdbc.sql("select actual_price, sold_at, model_id from sale where sale_key = ?")
            .param(key)
            .query(
                (rs, n) ->
                    new Existing(
                        rs.getDouble(1), SqlTimes.instant(rs.getTimestamp(2)), nullableLong(rs, 3)))
            .optional();
    if (existing.isPresent()) {
      Existing e = existing.get();
      if (e.actualPrice() != sale.actualPrice() || !e.soldAt().equals(soldAt)) {
        throw new FeedbackProblems.Conflict(
            sale.field(sale.predictionId() != null ? "predictionId" : "actualPrice"),
            sale.predictionId() != null
                ? "The stone priced as " + sale.predictionId()
                : "The stone of " + sale.where());
      }
      return new SaleOutcome(sale.predictionId(), SaleOutcome.DUPLICATE, e.modelId());
    }
    Diamond s = sale.stone();
    jdbc.sql(
            "insert into sale (sale_key, prediction_id, model_id, carat, cut, color, clarity,"
                + " depth, table_pct, x, y, z, predicted_price, lower_80, upper_80, lower_90,"
                + " upper_90, actual_price, sold_at, recorded_at, source) values (?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            key,
            sale.predictionId(),
            p == null ? null : p.modelId(),
            p == null ? s.carat() : p.carat(),
            p == null ? s.cut().label() : p.cut(),
            p == null ? s.color().label() : p.color(),
            p == null ? s.clarity().label() : p.clarity(),
            p == null ? orNull(s.depth()) : p.depth(),
            p == null ? orNull(s.table()) : p.table(),
            p == null ? orNull(s.x()) : p.x(),
            p == null ? orNull(s.y()) : p.y(),
            p == null ? orNull(s.z()) : p.z(),
            p == null ? null : p.price(),
            p == null ? null : p.lower80(),
            p == null ? null : p.upper80(),
            p == null ? null : p.lower90(),
            p == null ? null : p.upper90(),
            sale.actualPrice(),
            SqlTimes.sql(soldAt),
            SqlTimes.sql(now),
            source.length() > 200 ? source.substring(0, 200) : source)
        .update();
    return new SaleOutcome(
        sale.predictionId(), SaleOutcome.RECORDED, p == null ? null : p.modelId());
  }

  private record Existing(double actualPrice, Instant soldAt, Long modelId) {}

  /** The recorded predictions with these ids (those that exist), by id. */
  Map<String, Predicted> predictions(List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, Predicted> found = new HashMap<>();
    List<String> distinct = ids.stream().distinct().toList();
    for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      jdbc.sql(
              "select prediction_id, model_id, predicted_at, carat, cut, color, clarity, depth,"
                  + " table_pct, x, y, z, price, lower_80, upper_80, lower_90, upper_90 from"
                  + " prediction where prediction_id in ("
                  + marks
                  + ")")
          .params(new ArrayList<Object>(chunk))
          .query(SaleStore::predicted)
          .list()
          .forEach(p -> found.put(p.predictionId(), p));
    }
    return found;
  }

  /** A model's sales of stones it priced, sold in [since, until). */
  List<SoldPrediction> soldPredictions(long modelId, Instant since, Instant until) {
    return jdbc.sql(
            "select predicted_price, actual_price, lower_80, upper_80, lower_90, upper_90, sold_at,"
                + " carat, cut, color, clarity"
                + " from sale where model_id = ? and sold_at >= ? and sold_at < ?"
                + " order by sold_at, id")
        .params(modelId, Timestamp.from(since), Timestamp.from(until))
        .query(
            (rs, n) ->
                new SoldPrediction(
                    rs.getDouble(1),
                    rs.getDouble(2),
                    nullable(rs, 3),
                    nullable(rs, 4),
                    nullable(rs, 5),
                    nullable(rs, 6),
                    SqlTimes.instant(rs.getTimestamp(7)),
                    rs.getDouble(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11)))
        .list();
  }

  /** A model's sale of a stone it priced: the stone's grades and both prices. */
  record SoldStone(String cut, String color, String clarity, double predicted, double actual) {}

  /** A model's sales of stones it priced, sold in [since, until), with their grades. */
  List<SoldStone> soldStones(long modelId, Instant since, Instant until) {
    return jdbc.sql(
            "select cut, color, clarity, predicted_price, actual_price from sale where model_id = ?"
                + " and sold_at >= ? and sold_at < ?")
        .params(modelId, Timestamp.from(since), Timestamp.from(until))
        .query(
            (rs, n) ->
                new SoldStone(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getDouble(4),
                    rs.getDouble(5)))
        .list();
  }

  /** The models with sales of stones they priced, sold in [since, until). */
  List<Long> modelsSoldBetween(Instant since, Instant until) {
    return jdbc.sql(
            "select distinct model_id from sale where model_id is not null and sold_at >= ? and"
                + " sold_at < ?")
        .params(Timestamp.from(since), Timestamp.from(until))
        .query(Long.class)
        .list();
  }

  /** How many sales are recorded. */
  long count() {
    return jdbc.sql("select count(*) from sale").query(Long.class).single();
  }

  private static Predicted predicted(ResultSet rs, int n) throws SQLException {
    return new Predicted(
        rs.getString(1),
        rs.getLong(2),
        SqlTimes.instant(rs.getTimestamp(3)),
        rs.getDouble(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        nullable(rs, 8),
        nullable(rs, 9),
        nullable(rs, 10),
        nullable(rs, 11),
        nullable(rs, 12),
        rs.getDouble(13),
        nullable(rs, 14),
        nullable(rs, 15),
        nullable(rs, 16),
        nullable(rs, 17));
  }

  private static Double nullable(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
