package com.diamondpricing.server.requestlog;

import static com.diamondpricing.server.requestlog.RequestLogTesting.await;
import static com.diamondpricing.server.requestlog.RequestLogTesting.awaitIdle;
import static com.diamondpricing.server.requestlog.RequestLogTesting.id;
import static com.diamondpricing.server.requestlog.RequestLogTesting.journalFiles;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The database goes away under load and comes back: no request waits for it, the records wait in
 * the queue and then the journal, and every one of them reaches the database after the recovery,
 * once. The writer has its own connection path ({@code diamonds.request-log.db-url}) that the
 * concrete suites break: a TCP proxy to PostgreSQL that refuses connections, a lock held on the
 * SQLite file.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.admin-token=secret-token-outage",
      "diamonds.request-log.queue-capacity=200",
      "diamonds.request-log.retry-max=400ms",
      "diamonds.request-log.journal-after=1s",
      "diamonds.request-log.journal-file-records=100"
    })
@DirtiesContext // its own database: closing it frees the connections (PostgreSQL has 100)
abstract class RequestLogOutageIntegrationTests {

  static final int THREADS = 4;
  static final int PER_THREAD = 250;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RequestLogWriter writer;
  @Autowired MeterRegistry meters;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Makes the writer's database unreachable (the application's own pool still works). */
  abstract void breakDatabase() throws Exception;

  abstract void repairDatabase() throws Exception;

  double counter(String name) {
    return meters.get("diamonds.requestlog." + name).counter().count();
  }

  long rows(String prefix) {
    return jdbc.sql("select count(*) from request_log where request_id like ?")
        .param(prefix + "-%")
        .query(Long.class)
        .single();
  }

  /** Requests from a few threads; the slowest answer's time in ms. */
  long fire(String prefix, int threads, int each) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> slowest = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        slowest.add(
            pool.submit(
                () -> {
                  long max = 0;
                  for (int i = 0; i < each; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> r =
                        http.send(
                            HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + "/api/v1/models"))
                                .header("X-Request-Id", prefix + "-" + thread + "-" + i)
                                .GET()
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(200);
                    max = Math.max(max, (System.nanoTime() - start) / 1_000_000);
                  }
                  return max;
                }));
      }
      long max = 0;
      for (Future<Long> f : slowest) {
        max = Math.max(max, f.get());
      }
      return max;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anOutageUnderLoadLosesNoRecordAndStallsNoRequest() throws Exception {
    String run = id("outage");
    fire(run + "-before", 2, 50);
    await(Duration.ofSeconds(20), "the first 100 rows", () -> rows(run + "-before") == 100);
    awaitIdle(writer);
    double retried = counter("retried");
    double spilled = counter("spilled");
    double replayed = counter("replayed");

    breakDatabase();
    try {
      long slowest = fire(run + "-during", THREADS, PER_THREAD);
      assertThat(slowest).as("the slowest answer during the outage, ms").isLessThan(2000);
      await(
          Duration.ofSeconds(20),
          "retries and records in the journal",
          () -> counter("retried") > retried && counter("spilled") > spilled);
      assertThat(rows(run + "-during")).as("rows written during the outage").isZero();
      assertThat(journalFiles(writer.journalDir())).isPositive();
    } finally {
      repairDatabase();
    }

    int expected = THREADS * PER_THREAD;
    await(
        Duration.ofSeconds(60),
        expected + " rows after the recovery",
        () -> rows(run + "-during") >= expected);
    awaitIdle(writer);
    assertThat(rows(run + "-during")).isEqualTo(expected);
    assertThat(
            jdbc.sql("select count(distinct request_id) from request_log where request_id like ?")
                .param(run + "-%")
                .query(Long.class)
                .single())
        .isEqualTo(expected + 100);
    assertThat(counter("replayed")).isGreaterThan(replayed);
    assertThat(counter("dropped")).isZero();
    assertThat(journalFiles(writer.journalDir())).isZero();

    String prometheus =
        http.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(prometheus)
        .contains(
            "diamonds_requestlog_logged_total",
            "diamonds_requestlog_queued",
            "diamonds_requestlog_retried_total",
            "diamonds_requestlog_spilled_total",
            "diamonds_requestlog_replayed_total",
            "diamonds_requestlog_dropped_total 0.0");
  }
}
