package com.diamondpricing.server.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.support.MovableClock;
import com.diamondpricing.server.support.RawHttp;
import com.diamondpricing.server.support.SqliteDatabase;
import com.diamondpricing.server.training.TrainingPipeline;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pricing requests are admitted by their cost (diamonds.limits.*, small here): a cap on explained
 * and priced diamonds per request, and a budget of items a minute per client, the connection's
 * address or the admin token, on the application's clock. Each test uses its own loopback address
 * (127.0.0.x: another client to the server), so that budgets do not leak from one test to another.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.admin-token=" + PricingLimitsIntegrationTests.TOKEN,
      "diamonds.limits.anonymous-items-per-minute=10",
      "diamonds.limits.anonymous-max-items=10",
      "diamonds.limits.anonymous-max-explained=2",
      "diamonds.limits.explained-item-cost=5",
      "diamonds.limits.admin-items-per-minute=30",
      "diamonds.limits.admin-max-items=30",
      "diamonds.limits.admin-max-explained=6"
    })
@Import(PricingLimitsIntegrationTests.Time.class)
@DirtiesContext
class PricingLimitsIntegrationTests implements SqliteDatabase {

  static final String TOKEN = "limits-admin-token";
  static final String DIAMOND =
      "{\"carat\":1.1,\"cut\":\"Ideal\",\"color\":\"H\",\"clarity\":\"SI2\","
          + "\"depth\":62.0,\"table\":55.0,\"x\":6.61,\"y\":6.65,\"z\":4.11}";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The application's clock, moved by the tests. */
  static class Time {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
    }
  }

  @LocalServerPort int port;
  @Autowired MovableClock clock;
  @Autowired MeterRegistry meters;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;

  @BeforeEach
  void aLinearChampion() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
  }

  static String batch(int n) {
    return "{\"diamonds\":[" + String.join(",", Collections.nCopies(n, DIAMOND)) + "]}";
  }

  RawHttp.Answer post(String client, String path, String body, String... headers) throws Exception {
    StringBuilder request =
        new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n")
            .append("Content-Type: application/json\r\nConnection: close\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    request.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
    byte[] head = request.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + bytes.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bytes, 0, all, head.length, bytes.length);
    return RawHttp.send("127.0.0.1", port, InetAddress.getByName(client), all);
  }

  static JsonNode json(RawHttp.Answer answer) {
    return JSON.readTree(answer.text());
  }

  double refused(String code) {
    return meters.get("diamonds.limits.refused").tag("code", code).counter().count();
  }

  @Test
  void withinItsBudgetAClientIsAnsweredAndTheBudgetFillsUpAgainWithTime() throws Exception {
    String client = "127.0.0.11";
    assertThat(post(client, "/api/v1/predictions/batch", batch(10)).status()).isEqualTo(200);
    assertThat(post(client, "/api/v1/predictions", DIAMOND).status()).isEqualTo(429);

    clock.advance(Duration.ofSeconds(6)); // a tenth of a minute: one item back
    assertThat(post(client, "/api/v1/predictions", DIAMOND).status()).isEqualTo(200);
  }

  @Test
  void anExplainedDiamondCountsAsSeveralItems() throws Exception {
    String client = "127.0.0.12";
    RawHttp.Answer explained =
        post(client, "/api/v1/predictions/batch?explain=true", batch(2)); // 2 x 5 items
    assertThat(explained.status()).as(explained.text()).isEqualTo(200);
    assertThat(json(explained).get("items").get(0).has("explanation")).isTrue();
    assertThat(post(client, "/api/v1/predictions", DIAMOND).status()).isEqualTo(429);
  }

  @Test
  void theAdminHasItsOwnLimitsAndBudget() throws Exception {
    String client = "127.0.0.13";
    String admin = "Authorization: Bearer " + TOKEN;
    RawHttp.Answer big = post(client, "/api/v1/predictions/batch?explain=true", batch(6), admin);
    assertThat(big.status()).as(big.text()).isEqualTo(200); // 30 items: over an address's caps
    // the admin's budget is spent, the address's untouched
    assertThat(post(client, "/api/v1/predictions", DIAMOND, admin).status()).isEqualTo(429);
    assertThat(post(client, "/api/v1/predictions/batch", batch(10)).status()).isEqualTo(200);
  }

  @Nested
  class Refused {

    @Test
    void aBatchOverTheExplainCapIsRefusedNamingTheFieldAndTheLimit() throws Exception {
      double before = refused("too-many-items");
      RawHttp.Answer r = post("127.0.0.21", "/api/v1/predictions/batch?explain=true", batch(3));
      assertThat(r.status()).as(r.text()).isEqualTo(422);
      JsonNode problem = json(r);
      assertThat(problem.get("code").asString()).isEqualTo("too-many-items");
      assertThat(problem.get("field").asString()).isEqualTo("diamonds");
      assertThat(problem.get("limit").asInt()).isEqualTo(2);
      assertThat(problem.get("detail").asString()).contains("explain=true", "at most 2");
      assertThat(refused("too-many-items")).isEqualTo(before + 1);
      // nothing was taken from the budget: a whole budget's batch still passes
      assertThat(post("127.0.0.21", "/api/v1/predictions/batch", batch(10)).status())
          .isEqualTo(200);
    }

    @Test
    void aBatchOverTheItemCapIsRefused() throws Exception {
      RawHttp.Answer r = post("127.0.0.22", "/api/v1/predictions/batch", batch(11));
      assertThat(r.status()).as(r.text()).isEqualTo(422);
      assertThat(json(r).get("code").asString()).isEqualTo("too-many-items");
      assertThat(json(r).get("limit").asInt()).isEqualTo(10);
    }

    @Test
    void aClientOverItsBudgetGets429WithRetryAfterAndOthersAreUnaffected() throws Exception {
      String client = "127.0.0.23";
      assertThat(post(client, "/api/v1/predictions/batch", batch(8)).status()).isEqualTo(200);
      double before = refused("rate-limited");

      RawHttp.Answer r = post(client, "/api/v1/predictions/batch", batch(5)); // 2 left
      assertThat(r.status()).as(r.text()).isEqualTo(429);
      JsonNode problem = json(r);
      assertThat(problem.get("code").asString()).isEqualTo("rate-limited");
      assertThat(problem.get("limit").asInt()).isEqualTo(10);
      // 3 items short, one back every 6 s
      assertThat(r.header("Retry-After")).isEqualTo("18");
      assertThat(refused("rate-limited")).isEqualTo(before + 1);

      // what is left is still there (the refusal took nothing); then the budget is empty
      assertThat(post(client, "/api/v1/predictions/batch", batch(2)).status()).isEqualTo(200);
      RawHttp.Answer empty = post(client, "/api/v1/predictions", DIAMOND);
      assertThat(empty.status()).isEqualTo(429);
      assertThat(empty.header("Retry-After")).isEqualTo("6");
      // a header the client writes does not make it another client
      assertThat(post(client, "/api/v1/predictions", DIAMOND, "X-Forwarded-For: 10.1.2.3").status())
          .isEqualTo(429);
      // a wrong admin token is no admin
      assertThat(
              post(client, "/api/v1/predictions", DIAMOND, "Authorization: Bearer wrong").status())
          .isEqualTo(429);
      // another address has its own budget
      assertThat(post("127.0.0.24", "/api/v1/predictions", DIAMOND).status()).isEqualTo(200);
    }
  }
}
