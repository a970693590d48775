package com.diamondpricing.server.feedback;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.LoadedDataset;
import com.diamondpricing.data.QualityReport;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.dataset.IngestResult;
import com.diamondpricing.server.ledger.RecordedPredictions;
import com.diamondpricing.server.problem.Problem;
import com.diamondpricing.server.system.SqlTimes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sold stones joining the training data ({@code diamonds.feedback.append-sales}): the sales with
 * every feature recorded since the last append become rows (their sale price as the price) added
 * after the current data's, as a new current snapshot. The newest price of a stone wins: a current
 * row with exactly the features of a sold stone is left out. {@code sale_append} remembers the last
 * sale taken, so no sale is added twice.
 */
@Component
class SalesAppender {

  private final JdbcClient jdbc;
  private final DatasetStore datasets;
  private final FeedbackProperties properties;
  private final Clock clock;

  SalesAppender(
      JdbcClient jdbc, DatasetStore datasets, FeedbackProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.datasets = datasets;
    this.properties = properties;
    this.clock = clock;
  }

  /** A sold stone with every measurement, to append, and the price it sold at. */
  private record SoldRow(long id, Diamond stone, double price) {}

  /** The current snapshot's id. */
  long currentSnapshot() {
    return datasets
        .current()
        .orElseThrow(
            () ->
                Problem.of(
                    Problem.Kind.CONFLICT,
                    "no-data",
                    "No data yet",
                    "There is no data to train on."))
        .id();
  }

  /** Appends the sales not appended yet; the new current snapshot, or empty when none were. */
  Optional<Long> appendNewSales() {
    if (!properties.appendSales() || datasets.current().isEmpty()) {
      return Optional.empty();
    }
    long last =
        jdbc.sql("select coalesce(max(last_sale_id), 0) from sale_append")
            .query(Long.class)
            .single();
    List<SoldRow> rows =
        jdbc.sql(
                "select id, actual_price, carat, cut, color, clarity, depth, table_pct, x, y, z"
                    + " from sale where id > ? and voided_at is null and depth is not null and table_pct is not null"
                    + " and x is not null and y is not null and z is not null order by id")
            .param(last)
            .query(
                (rs, n) ->
                    new SoldRow(rs.getLong(1), RecordedPredictions.stone(rs, 3), rs.getDouble(2)))
            .list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    // the newest price of a stone wins: a current row identical to a sold stone gives way to it
    java.util.Set<Diamond> sold = new java.util.HashSet<>();
    for (SoldRow r : rows) {
      sold.add(r.stone());
    }
    Dataset current = datasets.rows(currentSnapshot());
    int[] kept =
        java.util.stream.IntStream.range(0, current.size())
            .filter(i -> !sold.contains(current.diamond(i)))
            .toArray();
    Dataset.Builder builder = Dataset.builder(kept.length + rows.size());
    builder.addAll(current.rows(kept));
    for (SoldRow r : rows) {
      Diamond d = r.stone();
      builder.add(
          d.carat(),
          d.cut(),
          d.color(),
          d.clarity(),
          d.depth(),
          d.table(),
          r.price(),
          d.x(),
          d.y(),
          d.z());
    }
    long first = rows.get(0).id();
    long lastId = rows.get(rows.size() - 1).id();
    String source =
        "sales "
            + first
            + " to "
            + lastId
            + " fed back ("
            + (current.size() - kept.length)
            + " rows of the same stones replaced)";
    Dataset combined = builder.build();
    QualityReport report =
        new QualityReport(source, combined.size(), combined.size(), Map.of(), 0, List.of(), null);
    IngestResult result =
        datasets.store(new LoadedDataset(combined, report), source, IngestMode.REPLACE);
    long snapshot = result.snapshot().id();
    jdbc.sql(
            "insert into sale_append (snapshot_id, last_sale_id, sales, appended_at) values (?, ?,"
                + " ?, ?) on conflict (snapshot_id) do nothing")
        .params(snapshot, lastId, rows.size(), SqlTimes.sql(SqlTimes.now(clock)))
        .update();
    return Optional.of(snapshot);
  }
}
