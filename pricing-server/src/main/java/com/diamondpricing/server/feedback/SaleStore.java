package com.diamondpricing.server.feedback;

import com.diamondpricing.data.Diamond;
import com.diamondpricing.server.ledger.RecordedPrediction;
import com.diamondpricing.server.ledger.RecordedPredictions;
import com.diamondpricing.server.system.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code sale} table: sales recorded idempotently (a sale's key is its prediction id, or a hash
 * of the stone, price and time), all of a report or none, each attributed to the model that priced
 * its stone, with a copy of what that model predicted, and to the key that reported it. Voided
 * sales ({@link SaleHistory}) count in no live figure.
 */
@Component
class SaleStore {

  private final JdbcClient jdbc;
  private final RecordedPredictions predictions;
  private final TransactionTemplate tx;
  private final SaleHistory history;
  private final Clock clock;

  SaleStore(
      JdbcClient jdbc,
      RecordedPredictions predictions,
      TransactionTemplate tx,
      SaleHistory history,
      Clock clock) {
    this.jdbc = jdbc;
    this.predictions = predictions;
    this.tx = tx;
    this.history = history;
    this.clock = clock;
  }

  /** A sale of a stone priced here, with what was predicted: a live-accuracy observation. */
  record SoldPrediction(
      double predicted,
      double actual,
      Double lower80,
      Double upper80,
      Double lower90,
      Double upper90,
      Instant soldAt,
      Diamond stone) {}

  /**
   * Records the sales, in one transaction: a sale recorded before with the same price and time is a
   * duplicate (nothing changes); a voided sale reported again is recorded again (a new revision);
   * any unknown prediction or conflicting sale records none.
   *
   * @param keyId the key that reported them, or null (the command line)
   * @throws FeedbackProblems.UnknownPredictionProblem when a sale names a prediction that does not
   *     exist
   * @throws FeedbackProblems.SaleConflictProblem when a sale's stone was recorded sold at another
   *     price or time
   */
  List<SaleOutcome> record(List<NewSale> sales, String source, String keyId) {
    predictions.awaitRecent(
        sales.stream().map(NewSale::predictionId).filter(id -> id != null).toList());
    return tx.execute(
        status -> {
          Map<String, RecordedPredictions.Entry> recorded =
              predictions.byIds(
                  sales.stream().map(NewSale::predictionId).filter(id -> id != null).toList());
          Instant now = SqlTimes.now(clock);
          List<SaleOutcome> outcomes = new ArrayList<>(sales.size());
          for (NewSale sale : sales) {
            RecordedPrediction p = null;
            if (sale.predictionId() != null) {
              RecordedPredictions.Entry e = recorded.get(sale.predictionId());
              if (e == null) {
                throw new FeedbackProblems.UnknownPredictionProblem(
                    sale.field("predictionId"), sale.predictionId());
              }
              p = e.prediction();
            }
            outcomes.add(recordOne(sale, p, source, keyId, now));
          }
          return outcomes;
        });
  }

  private SaleOutcome recordOne(
      NewSale sale, RecordedPrediction p, String source, String keyId, Instant now) {
    String key = sale.key();
    Instant soldAt = sale.soldAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Optional<Existing> existing =
        jdbc.sql(
                "select actual_price, sold_at, model_id, id, revision, voided_at from sale where"
                    + " sale_key = ?")
            .param(key)
            .query(
                (rs, n) ->
                    new Existing(
                        rs.getDouble(1),
                        SqlTimes.instant(rs.getTimestamp(2)),
                        nullableLong(rs, 3),
                        rs.getLong(4),
                        rs.getInt(5),
                        rs.getTimestamp(6) != null))
            .optional();
    if (existing.isPresent()) {
      Existing e = existing.get();
      if (e.voided()) {
        jdbc.sql(
                "update sale set actual_price = ?, sold_at = ?, voided_at = null, revision ="
                    + " revision + 1 where id = ?")
            .params(sale.actualPrice(), SqlTimes.sql(soldAt), e.id())
            .update();
        history.reported(e.id(), e.revision() + 1, sale.actualPrice(), soldAt, keyId, now);
        return new SaleOutcome(e.id(), sale.predictionId(), SaleOutcome.RECORDED, e.modelId());
      }
      if (e.actualPrice() != sale.actualPrice() || !e.soldAt().equals(soldAt)) {
        throw new FeedbackProblems.SaleConflictProblem(
            sale.field(sale.predictionId() != null ? "predictionId" : "actualPrice"),
            sale.predictionId() != null
                ? "The stone priced as " + sale.predictionId()
                : "The stone of " + sale.where());
      }
      return new SaleOutcome(e.id(), sale.predictionId(), SaleOutcome.DUPLICATE, e.modelId());
    }
    Diamond s = p == null ? sale.stone() : p.stone();
    KeyHolder inserted = new GeneratedKeyHolder();
    Long modelId = p == null ? null : p.model().id();
    jdbc.sql(
            "insert into sale (sale_key, prediction_id, model_id, carat, cut, color, clarity,"
                + " depth, table_pct, x, y, z, predicted_price, lower_80, upper_80, lower_90,"
                + " upper_90, actual_price, sold_at, recorded_at, source, key_id) values (?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            key,
            sale.predictionId(),
            modelId,
            s.carat(),
            s.cut().label(),
            s.color().label(),
            s.clarity().label(),
            orNull(s.depth()),
            orNull(s.table()),
            orNull(s.x()),
            orNull(s.y()),
            orNull(s.z()),
            p == null ? null : p.price(),
            p == null ? null : p.lower80(),
            p == null ? null : p.upper80(),
            p == null ? null : p.lower90(),
            p == null ? null : p.upper90(),
            sale.actualPrice(),
            SqlTimes.sql(soldAt),
            SqlTimes.sql(now),
            source.length() > 200 ? source.substring(0, 200) : source,
            keyId)
        .update(inserted, "id");
    long id = inserted.getKeyAs(Number.class).longValue();
    history.recorded(id, sale.actualPrice(), soldAt, keyId, now);
    return new SaleOutcome(id, sale.predictionId(), SaleOutcome.RECORDED, modelId);
  }

  private record Existing(
      double actualPrice, Instant soldAt, Long modelId, long id, int revision, boolean voided) {}

  /** A model's sales of stones it priced, sold in [since, until), in the order they sold. */
  List<SoldPrediction> soldPredictions(long modelId, Instant since, Instant until) {
    return jdbc.sql(
            "select predicted_price, actual_price, lower_80, upper_80, lower_90, upper_90, sold_at,"
                + " carat, cut, color, clarity, depth, table_pct, x, y, z"
                + " from sale where model_id = ? and sold_at >= ? and sold_at < ?"
                + " and voided_at is null"
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
                    RecordedPredictions.stone(rs, 8)))
        .list();
  }

  /** The models with sales of stones they priced, sold in [since, until). */
  List<Long> modelsSoldBetween(Instant since, Instant until) {
    return jdbc.sql(
            "select distinct model_id from sale where model_id is not null and sold_at >= ? and"
                + " sold_at < ? and voided_at is null")
        .params(Timestamp.from(since), Timestamp.from(until))
        .query(Long.class)
        .list();
  }

  /** How many sales are recorded. */
  long count() {
    return jdbc.sql("select count(*) from sale").query(Long.class).single();
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
