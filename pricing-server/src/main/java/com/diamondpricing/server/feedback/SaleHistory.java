package com.diamondpricing.server.feedback;

import com.diamondpricing.server.ledger.RecordedPredictions;
import com.diamondpricing.server.problem.Problem;
import com.diamondpricing.server.system.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sale's life after its report: corrected (another price or time) or voided, each with a reason
 * and the key that did it. The {@code sale} row holds the latest state, which the live figures read
 * (a voided sale counts in none); {@code sale_revision} keeps every state, never updated.
 */
@Component
public class SaleHistory {

  static final int MAX_REASON = 2000;
  public static final int MAX_LIMIT = 500;

  private static final String COLUMNS =
      "id, prediction_id, model_id, carat, cut, color, clarity, depth, table_pct, x, y, z,"
          + " predicted_price, actual_price, sold_at, revision, voided_at, key_id, source,"
          + " recorded_at";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  SaleHistory(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /** The first revision of a sale just inserted (in the caller's transaction). */
  void recorded(long saleId, double actualPrice, Instant soldAt, String keyId, Instant at) {
    insertRevision(saleId, 1, "recorded", actualPrice, soldAt, null, keyId, at);
  }

  /** A voided sale reported again: recorded anew, as its next revision (caller's transaction). */
  void reported(long saleId, int revision, double price, Instant soldAt, String keyId, Instant at) {
    insertRevision(
        saleId, revision, "recorded", price, soldAt, "reported again after its void", keyId, at);
  }

  /**
   * Corrects a sale's price or time (or both; a null keeps what it was), with a reason.
   *
   * @throws FeedbackProblems.SaleNotFoundProblem when no sale has the id
   * @throws FeedbackProblems.SaleVoidedProblem when the sale was voided
   * @throws Problem invalid-parameter for no new price or time, a price out of range, a time ahead
   *     of now, a missing reason, or a correction that changes nothing
   */
  public SaleView correct(
      long id, Double actualPrice, Instant soldAt, String reason, String keyId) {
    if (actualPrice == null && soldAt == null) {
      throw Problem.invalidParameter(
          "actualPrice", "a correction gives actualPrice, soldAt or both", List.of());
    }
    if (actualPrice != null
        && (!Double.isFinite(actualPrice)
            || actualPrice <= 0
            || actualPrice > SaleRequests.MAX_PRICE)) {
      throw Problem.invalidParameter(
          "actualPrice",
          "actualPrice must be a price in dollars, above 0 and at most 100,000,000",
          List.of());
    }
    if (soldAt != null && soldAt.isAfter(clock.instant().plus(SaleRequests.FUTURE_SLACK))) {
      throw Problem.invalidParameter(
          "soldAt", "soldAt must be a time in the past, not " + soldAt, List.of());
    }
    String why = reason(reason);
    tx.executeWithoutResult(
        status -> {
          Current c = current(id);
          double price = actualPrice == null ? c.actualPrice() : actualPrice;
          Instant sold = soldAt == null ? c.soldAt() : soldAt.truncatedTo(ChronoUnit.MILLIS);
          if (price == c.actualPrice() && sold.equals(c.soldAt())) {
            throw Problem.invalidParameter(
                actualPrice != null ? "actualPrice" : "soldAt",
                "the correction changes nothing: the sale is already at "
                    + c.actualPrice()
                    + " on "
                    + c.soldAt()
                    + "; send another actualPrice or soldAt",
                List.of());
          }
          Instant now = SqlTimes.now(clock);
          move(id, c.revision(), "update sale set actual_price = ?, sold_at = ?,", price, sold);
          insertRevision(id, c.revision() + 1, "corrected", price, sold, why, keyId, now);
        });
    return get(id);
  }

  /** Voids a sale (it counts in no live figure from now on), with a reason. */
  public SaleView voidSale(long id, String reason, String keyId) {
    String why = reason(reason);
    tx.executeWithoutResult(
        status -> {
          Current c = current(id);
          Instant now = SqlTimes.now(clock);
          jdbc.sql(
                  "update sale set voided_at = ?, revision = revision + 1 where id = ? and"
                      + " revision = ?")
              .params(SqlTimes.sql(now), id, c.revision())
              .update();
          insertRevision(
              id, c.revision() + 1, "voided", c.actualPrice(), c.soldAt(), why, keyId, now);
        });
    return get(id);
  }

  /** One sale and its history. */
  public SaleView get(long id) {
    List<SaleView> found = sales("where id = ?", List.of(id), 1);
    if (found.isEmpty()) {
      throw new FeedbackProblems.SaleNotFoundProblem(id);
    }
    return found.get(0);
  }

  /** The latest sales reported, newest first, each with its history. */
  public List<SaleView> recent(int limit) {
    return sales("", List.of(), limit);
  }

  /** The sales of these quotes, by prediction id. */
  Map<String, QuoteView.SaleSummary> ofPredictions(List<String> predictionIds) {
    Map<String, QuoteView.SaleSummary> out = new LinkedHashMap<>();
    if (predictionIds.isEmpty()) {
      return out;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(predictionIds.size(), "?"));
    jdbc.sql(
            "select prediction_id, id, actual_price, sold_at, revision, voided_at from sale"
                + " where prediction_id in ("
                + marks
                + ")")
        .params(new ArrayList<Object>(predictionIds))
        .query(
            (ResultSet rs) -> {
              out.put(
                  rs.getString(1),
                  new QuoteView.SaleSummary(
                      rs.getLong(2),
                      rs.getDouble(3),
                      SqlTimes.instant(rs.getTimestamp(4)),
                      status(rs.getInt(5), rs.getTimestamp(6) != null)));
            });
    return out;
  }

  private List<SaleView> sales(String where, List<Object> params, int limit) {
    List<Object> all = new ArrayList<>(params);
    all.add(limit);
    List<SaleView> heads =
        jdbc.sql("select " + COLUMNS + " from sale " + where + " order by id desc limit ?")
            .params(all)
            .query((rs, n) -> view(rs, List.of()))
            .list();
    if (heads.isEmpty()) {
      return heads;
    }
    Map<Long, List<SaleRevisionView>> histories = histories(heads);
    return heads.stream()
        .map(
            s ->
                new SaleView(
                    s.id(),
                    s.predictionId(),
                    s.modelId(),
                    s.stone(),
                    s.predictedPrice(),
                    s.actualPrice(),
                    s.soldAt(),
                    s.status(),
                    s.revision(),
                    s.keyId(),
                    s.source(),
                    s.recordedAt(),
                    histories.getOrDefault(s.id(), List.of())))
        .toList();
  }

  private Map<Long, List<SaleRevisionView>> histories(List<SaleView> sales) {
    Map<Long, List<SaleRevisionView>> out = new LinkedHashMap<>();
    List<Object> ids = new ArrayList<>();
    sales.forEach(s -> ids.add(s.id()));
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    jdbc.sql(
            "select sale_id, revision, kind, actual_price, sold_at, reason, key_id, changed_at"
                + " from sale_revision where sale_id in ("
                + marks
                + ") order by sale_id, revision")
        .params(ids)
        .query(
            (ResultSet rs) -> {
              out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new SaleRevisionView(
                          rs.getInt(2),
                          rs.getString(3),
                          rs.getDouble(4),
                          SqlTimes.instant(rs.getTimestamp(5)),
                          rs.getString(6),
                          rs.getString(7),
                          SqlTimes.instant(rs.getTimestamp(8))));
            });
    return out;
  }

  private static SaleView view(ResultSet rs, List<SaleRevisionView> history) throws SQLException {
    double predicted = rs.getDouble(13);
    Double predictedPrice = rs.wasNull() ? null : predicted;
    long model = rs.getLong(3);
    Long modelId = rs.wasNull() ? null : model;
    int revision = rs.getInt(16);
    return new SaleView(
        rs.getLong(1),
        rs.getString(2),
        modelId,
        StoneView.of(RecordedPredictions.stone(rs, 4)),
        predictedPrice,
        rs.getDouble(14),
        SqlTimes.instant(rs.getTimestamp(15)),
        status(revision, rs.getTimestamp(17) != null),
        revision,
        rs.getString(18),
        rs.getString(19),
        SqlTimes.instant(rs.getTimestamp(20)),
        history);
  }

  static String status(int revision, boolean voided) {
    return voided ? "voided" : revision > 1 ? "corrected" : "recorded";
  }

  private record Current(double actualPrice, Instant soldAt, int revision) {}

  /** The sale's state now, locked against a concurrent change by its revision. */
  private Current current(long id) {
    return jdbc.sql("select actual_price, sold_at, revision, voided_at from sale where id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              if (rs.getTimestamp(4) != null) {
                throw new FeedbackProblems.SaleVoidedProblem(id);
              }
              return new Current(
                  rs.getDouble(1), SqlTimes.instant(rs.getTimestamp(2)), rs.getInt(3));
            })
        .optional()
        .orElseThrow(() -> new FeedbackProblems.SaleNotFoundProblem(id));
  }

  private void move(long id, int revision, String set, double price, Instant sold) {
    int moved =
        jdbc.sql(set + " revision = revision + 1 where id = ? and revision = ?")
            .params(price, SqlTimes.sql(sold), id, revision)
            .update();
    if (moved != 1) {
      throw Problem.of(
          Problem.Kind.CONFLICT,
          "sale-changed",
          "Sale changed",
          "Sale " + id + " was changed by someone else meanwhile; read it again and retry.");
    }
  }

  private void insertRevision(
      long saleId,
      int revision,
      String kind,
      double price,
      Instant soldAt,
      String reason,
      String keyId,
      Instant at) {
    jdbc.sql(
            "insert into sale_revision (sale_id, revision, kind, actual_price, sold_at, reason,"
                + " key_id, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            saleId,
            revision,
            kind,
            price,
            SqlTimes.sql(soldAt.truncatedTo(ChronoUnit.MILLIS)),
            reason,
            keyId,
            SqlTimes.sql(at))
        .update();
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw Problem.invalidParameter(
          "reason", "reason is required: why the sale changes (kept in its history)", List.of());
    }
    String r = reason.strip();
    if (r.length() > MAX_REASON) {
      throw Problem.invalidParameter(
          "reason", "reason is at most " + MAX_REASON + " characters", List.of());
    }
    return r;
  }
}
