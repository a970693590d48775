package com.diamondpricing.server.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The request log and the priced diamonds stay within their budgets of rows on a real database:
 * over a budget the oldest rows go and the newest stay, a WARN line comes before it bites, and the
 * meters say how full each table is and how many rows were deleted.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.inbox.enabled=false",
      "diamonds.training.dispatch=false",
      "diamonds.serving.enabled=false"
    })
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext // its own database: closing it frees the connections (PostgreSQL has 100)
abstract class RequestLogBudgetIntegrationTests {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Autowired JdbcClient jdbc;
  @Autowired RequestLogStore store;

  final MeterRegistry meters = new SimpleMeterRegistry();

  @BeforeEach
  void emptyTables() {
    jdbc.sql("delete from request_log").update();
    jdbc.sql("delete from prediction").update();
  }

  /** Request {@code i} is received {@code i} minutes after T0. */
  void requests(int n) {
    for (int i = 0; i < n; i++) {
      jdbc.sql(
              "insert into request_log (request_id, received_at, method, path, status,"
                  + " duration_ms) values (?, ?, 'POST', '/api/v1/predictions', 200, 1.5)")
          .params("req-" + i, Timestamp.from(T0.plus(Duration.ofMinutes(i))))
          .update();
    }
  }

  /** Prediction {@code i} is made {@code i} minutes after T0. */
  void predictions(int n) {
    for (int i = 0; i < n; i++) {
      jdbc.sql(
              "insert into prediction (prediction_id, request_id, item_index, predicted_at,"
                  + " model_id, model_type, model_version, carat, cut, color, clarity, price)"
                  + " values (?, ?, 0, ?, 1, 'linear', 1, 1.1, 'Ideal', 'H', 'SI2', 4733.21)")
          .params("p-" + i, "req-" + i, Timestamp.from(T0.plus(Duration.ofMinutes(i))))
          .update();
    }
  }

  List<String> kept(String sql) {
    return jdbc.sql(sql).query(String.class).list();
  }

  static List<String> names(String prefix, int from, int to) {
    return java.util.stream.IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
  }

  double purged(String table, String reason) {
    return meters
        .get("diamonds.requestlog.purged")
        .tag("table", table)
        .tag("reason", reason)
        .counter()
        .count();
  }

  double rows(String table) {
    return meters.get("diamonds.requestlog.rows").tag("table", table).gauge().value();
  }

  @Test
  void overItsBudgetATableLosesItsOldestRowsAndKeepsTheNewest(CapturedOutput output) {
    requests(30);
    predictions(40);

    List<StorageBudget.Usage> usage = new StorageBudget(store, 20, 25, 0.9, meters).enforce();

    assertThat(usage)
        .containsExactly(
            new StorageBudget.Usage("request_log", 20, 20, 10),
            new StorageBudget.Usage("prediction", 25, 25, 15));
    assertThat(kept("select request_id from request_log order by received_at"))
        .containsExactlyElementsOf(names("req-", 10, 30));
    assertThat(kept("select prediction_id from prediction order by predicted_at"))
        .containsExactlyElementsOf(names("p-", 15, 40));
    assertThat(rows("request_log")).isEqualTo(20);
    assertThat(rows("prediction")).isEqualTo(25);
    assertThat(
            meters.get("diamonds.requestlog.rows.max").tag("table", "prediction").gauge().value())
        .isEqualTo(25);
    assertThat(purged("request_log", "budget")).isEqualTo(10);
    assertThat(purged("prediction", "budget")).isEqualTo(15);
    assertThat(output.getOut())
        .contains("Storage budget: request_log had 30 rows, over its budget of 20")
        .contains("deleted the 15 oldest");
  }

  @Test
  void nearItsBudgetATableIsWarnedAboutOnceAndKeepsEveryRow(CapturedOutput output) {
    requests(19);
    predictions(5);
    StorageBudget budget = new StorageBudget(store, 20, 100, 0.9, meters);

    budget.enforce();
    budget.enforce();

    assertThat(kept("select request_id from request_log order by received_at"))
        .containsExactlyElementsOf(names("req-", 0, 19));
    assertThat(rows("request_log")).isEqualTo(19);
    assertThat(purged("request_log", "budget")).isZero();
    String warning = "Storage budget: request_log holds 19 rows, 95% of its budget of 20";
    assertThat(output.getOut()).containsOnlyOnce(warning).doesNotContain("prediction holds");
  }

  @Test
  void withoutABudgetNothingIsCountedOrDeleted() {
    requests(30);
    StorageBudget none = new StorageBudget(store, 0, 0, 0.9, meters);

    assertThat(none.enabled()).isFalse();
    assertThat(none.enforce()).extracting(StorageBudget.Usage::purged).containsOnly(0L);
    assertThat(kept("select request_id from request_log")).hasSize(30);
  }

  @Test
  void theRetentionPurgeCountsWhatItDeleted() {
    requests(3);
    predictions(3);
    StorageBudget budget = new StorageBudget(store, 1000, 1000, 0.9, meters);
    Clock later = Clock.fixed(T0.plus(Duration.ofDays(2)), java.time.ZoneOffset.UTC);

    new RequestLogRetention(
            store,
            Duration.ofDays(1),
            Duration.ofDays(1),
            Duration.ofDays(1),
            budget,
            Duration.ofMinutes(5),
            later)
        .purge();

    assertThat(purged("request_log", "retention")).isEqualTo(3);
    assertThat(purged("prediction", "retention")).isEqualTo(3);
    assertThat(kept("select request_id from request_log")).isEmpty();
  }
}
