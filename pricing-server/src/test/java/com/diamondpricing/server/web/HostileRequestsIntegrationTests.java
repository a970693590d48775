package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.support.RawHttp;
import com.diamondpricing.server.training.TrainingPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The corpus of {@link HostileRequests} against the service: every request gets the status it
 * should (always 4xx), as problem+json with a code and nothing of the server's insides, and leaves
 * exactly one row in the request log.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.training.trials=3",
      "diamonds.admin-token=" + HostileRequestsIntegrationTests.TOKEN
    })
@DirtiesContext
abstract class HostileRequestsIntegrationTests {

  static final String TOKEN = "hostile-suite-token";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;

  record Sent(HostileRequests.Hostile request, RawHttp.Answer answer) {}

  @Test
  void everyHostileRequestGetsItsProblemAndExactlyOneLogRow() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
    List<HostileRequests.Hostile> corpus = HostileRequests.all();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Sent> sent = new ArrayList<>();
    int i = 0;
    for (HostileRequests.Hostile h : corpus) {
      String id = "hostile-" + run + "-" + ++i;
      sent.add(new Sent(h, RawHttp.send("localhost", port, h.bytes(id, TOKEN))));
    }

    SoftAssertions soft = new SoftAssertions();
    for (Sent s : sent) {
      String name = s.request().name();
      soft.assertThat(s.answer().status()).as(name).isEqualTo(s.request().expected());
      soft.assertThat(s.answer().header("Content-Type"))
          .as(name + ": content type")
          .startsWith("application/problem+json");
      soft.assertThat(s.answer().text()).as(name + ": code").contains("\"code\":\"");
      soft.assertThat(s.answer().text())
          .as(name + ": no internals")
          .doesNotContainPattern(TrainingApiIntegrationTests.INTERNALS);
      soft.assertThat(s.answer().header("X-Request-Id")).as(name + ": request id").isNotNull();
    }

    List<String> ids =
        sent.stream().map(s -> s.answer().header("X-Request-Id")).filter(x -> x != null).toList();
    Map<String, Long> rows = awaitRows(ids);
    for (Sent s : sent) {
      soft.assertThat(rows.getOrDefault(s.answer().header("X-Request-Id"), 0L))
          .as(s.request().name() + ": request-log rows")
          .isEqualTo(1L);
    }
    soft.assertAll();
  }

  /**
   * TRACE is answered like any method no endpoint takes, wherever it is sent, and never echoes the
   * request (an echo shows a page's cookies and headers to a script: cross-site tracing).
   */
  @Test
  void traceIsAProblemEverywhereAndNeverAnEcho() throws Exception {
    String canary = "trace-canary-" + UUID.randomUUID();
    SoftAssertions soft = new SoftAssertions();
    Map<String, Integer> statuses = new java.util.LinkedHashMap<>();
    statuses.put("/api/v1/models", 405);
    statuses.put("/api/v1/predictions", 405);
    statuses.put("/api/v1/request-log", 405);
    statuses.put("/api/v1/no-such-endpoint", 404);
    statuses.put("/", 405);
    statuses.put("/models", 405);
    statuses.put("/docs/openapi.json", 405);
    statuses.put("/actuator/health", 405);
    statuses.put("/no-such-page", 404);
    statuses.put("/error", 401); // Spring Boot's error page, admin only like any unlisted endpoint
    for (Map.Entry<String, Integer> e : statuses.entrySet()) {
      String path = e.getKey();
      RawHttp.Answer a =
          RawHttp.send(
              "localhost",
              port,
              HostileRequests.request("TRACE " + path, e.getValue(), "TRACE", path)
                  .header("Cookie", "session=" + canary)
                  .header("X-Canary", canary)
                  .build()
                  .bytes("trace-" + UUID.randomUUID().toString().substring(0, 8), TOKEN));
      soft.assertThat(a.status()).as(path).isEqualTo(e.getValue());
      soft.assertThat(a.header("Content-Type"))
          .as(path + ": content type")
          .startsWith("application/problem+json");
      soft.assertThat(a.text())
          .as(path + ": no echo")
          .doesNotContain(canary, "X-Canary", "HTTP/1.1", "message/http");
      if (a.status() == 405) {
        soft.assertThat(a.text()).as(path + ": code").contains("\"code\":\"method-not-allowed\"");
        soft.assertThat(a.header("Allow"))
            .as(path + ": Allow")
            .isNotBlank()
            .doesNotContain("TRACE");
      }
    }
    soft.assertAll();

    RawHttp.Answer traced =
        RawHttp.send(
            "localhost",
            port,
            HostileRequests.request("TRACE", 405, "TRACE", "/api/v1/models")
                .build()
                .bytes("hostile-trace-logged", TOKEN));
    assertThat(traced.status()).isEqualTo(405);
    assertThat(awaitRows(List.of("hostile-trace-logged")))
        .containsEntry("hostile-trace-logged", 1L);
    Map<String, Object> row =
        jdbc.sql(
                "select method, path, status, error_code from request_log where request_id ="
                    + " 'hostile-trace-logged'")
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("method", "TRACE")
        .containsEntry("path", "/api/v1/models")
        .containsEntry("error_code", "method-not-allowed");
    assertThat(((Number) row.get("status")).intValue()).isEqualTo(405);
  }

  /** Rows per request id, once every id has one (or after 10 s). */
  private Map<String, Long> awaitRows(List<String> ids) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    Map<String, Long> rows = Map.of();
    while (System.nanoTime() < end) {
      rows =
          jdbc
              .sql("select request_id from request_log where request_id like 'hostile-%'")
              .query(String.class)
              .list()
              .stream()
              .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
      if (rows.keySet().containsAll(ids)) {
        Thread.sleep(300); // a second row would show up by now
        break;
      }
      Thread.sleep(50);
    }
    return jdbc
        .sql("select request_id from request_log where request_id like 'hostile-%'")
        .query(String.class)
        .list()
        .stream()
        .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
  }
}
