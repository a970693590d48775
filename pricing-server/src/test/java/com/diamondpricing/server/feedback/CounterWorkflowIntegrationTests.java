package com.diamondpricing.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.training.TrainingPipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The counter's workflow on both databases: keys for each job (a sales key reports, corrects and
 * voids sales and reads the quotes, and can do nothing else; a revoked key stops at once; the
 * request log names the key, never its secret), and a quote followed by its sale, a correction and
 * a void, each kept in the sale's history while the live figures use the latest.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.admin-token=counter-token",
      "diamonds.request-log.flush-interval=20ms",
      "diamonds.feedback.min-sales=1",
      "diamonds.feedback.monitor=false",
      "diamonds.cors.allowed-origins=https://shop.example.com"
    })
abstract class CounterWorkflowIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String ADMIN = "counter-token";
  static final String STONE =
      "{\"carat\": 1.1, \"cut\": \"Ideal\", \"color\": \"G\", \"clarity\": \"VS1\", \"depth\":"
          + " 61.8, \"table\": 56, \"x\": 6.61, \"y\": 6.65, \"z\": 4.1}";

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired DataSource dataSource;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void aLinearChampion() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
  }

  record Answer(int status, JsonNode body) {}

  Answer send(String method, String path, String json, String secret) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      r.header("Content-Type", "application/json");
    }
    if (secret != null) {
      r.header("Authorization", "Bearer " + secret);
    }
    HttpResponse<String> a = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(a.statusCode(), a.body().isEmpty() ? null : JSON.readTree(a.body()));
  }

  /** A new key's secret. */
  String key(String name, String role) throws Exception {
    Answer a =
        send(
            "POST",
            "/api/v1/keys",
            "{\"name\": \"" + name + "\", \"role\": \"" + role + "\"}",
            ADMIN);
    assertThat(a.status()).as("%s", a.body()).isEqualTo(201);
    return a.body().get("secret").asString();
  }

  /** Prices the stone; its prediction id. */
  String quote() throws Exception {
    Answer a = send("POST", "/api/v1/predictions", STONE, null);
    assertThat(a.status()).isEqualTo(200);
    return a.body().get("predictionId").asString();
  }

  static String sale(String predictionId, double price, Instant soldAt) {
    return String.format(
        Locale.ROOT,
        "{\"predictionId\": \"%s\", \"actualPrice\": %.2f, \"soldAt\": \"%s\"}",
        predictionId,
        price,
        soldAt);
  }

  String keyIdOf(String secret) {
    return secret.substring("dpk_".length(), "dpk_".length() + 12);
  }

  @Test
  void aQuoteIsSoldCorrectedAndVoidedWithItsHistoryKeptAndTheLiveFiguresFollow() throws Exception {
    String till = key("till 1", "sales");
    String id = quote();
    // a time no other test sells at: the live window holds this sale alone
    Instant soldAt = Instant.now().minus(7, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    // the sale right after its quote, with a price typed one zero too many
    Answer sold = send("POST", "/api/v1/sales", sale(id, 49_500, soldAt), till);
    assertThat(sold.status()).as("%s", sold.body()).isEqualTo(200);
    long saleId = sold.body().get("sales").get(0).get("saleId").asLong();
    long model = sold.body().get("sales").get(0).get("modelId").asLong();
    double predicted =
        send("GET", "/api/v1/sales/" + saleId, null, till).body().get("predictedPrice").asDouble();
    String window = "?since=" + soldAt + "&until=" + soldAt.plusSeconds(1);
    JsonNode before = send("GET", "/api/v1/models/" + model + "/live" + window, null, null).body();
    assertThat(before.get("n").asInt()).isEqualTo(1);
    assertThat(before.get("mae").asDouble()).isCloseTo(49_500 - predicted, within());

    // the quotes page's data: the quote with its sale
    JsonNode quotes = send("GET", "/api/v1/quotes?limit=5", null, till).body();
    JsonNode mine = find(quotes, "predictionId", id);
    assertThat(mine.get("sale").get("id").asLong()).isEqualTo(saleId);
    assertThat(mine.get("stone").get("cut").asString()).isEqualTo("Ideal");

    Answer corrected =
        send(
            "POST",
            "/api/v1/sales/" + saleId + "/corrections",
            "{\"actualPrice\": 4950, \"reason\": \"typo at the till\"}",
            till);
    assertThat(corrected.status()).as("%s", corrected.body()).isEqualTo(200);
    assertThat(corrected.body().get("status").asString()).isEqualTo("corrected");
    assertThat(corrected.body().get("actualPrice").asDouble()).isEqualTo(4950.0);
    JsonNode history = corrected.body().get("history");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("kind").asString()).isEqualTo("recorded");
    assertThat(history.get(0).get("actualPrice").asDouble()).isEqualTo(49_500.0);
    assertThat(history.get(1).get("reason").asString()).isEqualTo("typo at the till");
    assertThat(history.get(1).get("keyId").asString()).isEqualTo(keyIdOf(till));
    JsonNode after = send("GET", "/api/v1/models/" + model + "/live" + window, null, null).body();
    assertThat(after.get("mae").asDouble()).isCloseTo(Math.abs(4950 - predicted), within());

    Answer voided =
        send("POST", "/api/v1/sales/" + saleId + "/void", "{\"reason\": \"returned\"}", till);
    assertThat(voided.body().get("status").asString()).isEqualTo("voided");
    assertThat(voided.body().get("history")).hasSize(3);
    JsonNode gone = send("GET", "/api/v1/models/" + model + "/live" + window, null, null).body();
    assertThat(gone.get("n").asInt()).isZero();
    Answer again =
        send(
            "POST",
            "/api/v1/sales/" + saleId + "/corrections",
            "{\"actualPrice\": 5000, \"reason\": \"x\"}",
            till);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("code").asString()).isEqualTo("sale-voided");

    // reported again after its void: recorded anew, the history goes on
    Answer reported = send("POST", "/api/v1/sales", sale(id, 4950, soldAt), till);
    assertThat(reported.body().get("sales").get(0).get("saleId").asLong()).isEqualTo(saleId);
    JsonNode back = send("GET", "/api/v1/sales/" + saleId, null, till).body();
    assertThat(back.get("history")).hasSize(4);
    assertThat(back.get("status").asString()).isEqualTo("corrected");
    assertThat(
            send("GET", "/api/v1/models/" + model + "/live" + window, null, null)
                .body()
                .get("n")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void aSalesKeyCannotChangeModelsDataOrKeys() throws Exception {
    String till = key("till 2", "sales");
    assertThat(send("POST", "/api/v1/models/1/promote", "{}", till).status()).isEqualTo(403);
    Answer keys = send("GET", "/api/v1/keys", null, till);
    assertThat(keys.status()).isEqualTo(403);
    assertThat(keys.body().get("detail").asString()).contains("admin role");
    assertThat(send("GET", "/api/v1/request-log", null, till).status()).isEqualTo(403);
    assertThat(send("GET", "/api/v1/models/1/artifact", null, till).status()).isEqualTo(403);
    assertThat(
            send("POST", "/api/v1/keys", "{\"name\": \"x\", \"role\": \"admin\"}", till).status())
        .isEqualTo(403);
    // and what it is for works
    assertThat(send("GET", "/api/v1/sales", null, till).status()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/quotes", null, till).status()).isEqualTo(200);
  }

  @Test
  void anAdminKeyDoesWhatTheAdminTokenDoesAndIsNamedInTheHistories() throws Exception {
    String ops = key("retraining script", "admin");
    assertThat(send("GET", "/api/v1/request-log?limit=1", null, ops).status()).isEqualTo(200);
    secondModel();
    long champion = -1;
    long other = -1;
    for (JsonNode m : send("GET", "/api/v1/models", null, null).body()) {
      if (m.get("champion").asBoolean()) {
        champion = m.get("id").asLong();
      } else if (other < 0 && m.get("featureSet").asString().equals("all")) {
        other = m.get("id").asLong();
      }
    }
    assertThat(other).isPositive();
    Answer promoted =
        send("POST", "/api/v1/models/" + other + "/promote", "{\"reason\": \"try\"}", ops);
    assertThat(promoted.status()).as("%s", promoted.body()).isEqualTo(200);
    send("POST", "/api/v1/models/" + champion + "/promote", "{\"reason\": \"back\"}", ops);
    JsonNode history = send("GET", "/api/v1/models/champion/history", null, null).body();
    JsonNode last = history.get(history.size() - 1);
    assertThat(last.get("reason").asString()).isEqualTo("back");
    assertThat(last.get("keyId").asString()).isEqualTo(keyIdOf(ops));
    String id = quote();
    Answer sold =
        send("POST", "/api/v1/sales", sale(id, 5000, Instant.now().minusSeconds(60)), ops);
    assertThat(sold.status()).isEqualTo(200);
  }

  @Test
  void aRevokedKeyStopsAtOnceAndTheRequestLogNamesKeysNeverSecrets() throws Exception {
    String till = key("till 3", "sales");
    assertThat(send("GET", "/api/v1/sales", null, till).status()).isEqualTo(200);
    String keyId = keyIdOf(till);
    Answer listed = send("GET", "/api/v1/keys", null, ADMIN);
    JsonNode entry = find(listed.body(), "id", keyId);
    assertThat(entry.get("role").asString()).isEqualTo("sales");
    assertThat(listed.body().toString()).doesNotContain(till).doesNotContain("secret");

    Answer revoked = send("DELETE", "/api/v1/keys/" + keyId, null, ADMIN);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body().get("revokedBy").asString()).isEqualTo("admin-token");
    Answer refused = send("GET", "/api/v1/sales", null, till);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body().get("code").asString()).isEqualTo("unauthorized");

    JdbcClient jdbc = JdbcClient.create(dataSource);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (jdbc.sql("select count(*) from request_log where key_id = ?")
                .param(keyId)
                .query(Long.class)
                .single()
            < 1
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(
            jdbc.sql("select count(*) from request_log where key_id = ?")
                .param(keyId)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
    Thread.sleep(300);
    JsonNode log = send("GET", "/api/v1/request-log?limit=100", null, ADMIN).body();
    assertThat(log.toString()).doesNotContain(till).contains(keyId);
    JsonNode created = null;
    for (JsonNode e : log.get("records")) {
      if (e.get("path").asString().equals("/api/v1/keys") && e.get("status").asInt() == 201) {
        created = e;
      }
    }
    assertThat(created).isNotNull();
    assertThat(created.get("responseBody").asString()).contains("[secret]");
    assertThat(created.get("keyId").asString()).isEqualTo("admin-token");
    assertThat(
            jdbc.sql("select count(*) from api_key where secret_sha256 = ?")
                .param(till)
                .query(Long.class)
                .single())
        .isZero();
  }

  /** A second model of the full feature set, trained on part of the data. */
  void secondModel() throws Exception {
    java.util.List<String> lines =
        java.nio.file.Files.readAllLines(java.nio.file.Path.of("../data/diamonds.csv"));
    String part = String.join("\n", lines.subList(0, 3001)) + "\n";
    long snapshot =
        datasets
            .ingest(
                new java.io.ByteArrayInputStream(
                    part.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "part.csv",
                com.diamondpricing.server.dataset.IngestMode.REPLACE)
            .snapshot()
            .id();
    pipeline.runNow(
        new TrainingPipeline.RunRequest(snapshot, java.util.List.of("linear"), null),
        com.diamondpricing.server.training.Trigger.CLI,
        com.diamondpricing.model.TrainingListener.NONE);
  }

  @Test
  void theShopsWebAppMayCallTheOpenAndTheKeyedEndpointsFromItsOrigin() throws Exception {
    for (String[] call :
        new String[][] {
          {"/api/v1/predictions", "POST", "content-type"},
          {"/api/v1/sales", "POST", "authorization, content-type"},
          {"/api/v1/quotes", "GET", "authorization"}
        }) {
      HttpResponse<String> preflight =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + call[0]))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "https://shop.example.com")
                  .header("Access-Control-Request-Method", call[1])
                  .header("Access-Control-Request-Headers", call[2])
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(preflight.statusCode()).as(call[0]).isEqualTo(200);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
          .contains("https://shop.example.com");
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
          .containsIgnoringCase(
              call[2].contains("authorization") ? "authorization" : "content-type");
    }
    String till = key("web app", "sales");
    HttpResponse<String> read =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/quotes"))
                .header("Origin", "https://shop.example.com")
                .header("Authorization", "Bearer " + till)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://shop.example.com");
    HttpResponse<String> other =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sales"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example.com")
                .header("Access-Control-Request-Method", "POST")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(403);
  }

  static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (n.get(field).asString().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no " + field + " = " + value + " in " + array);
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }

  /** Refusals that change nothing. */
  abstract class RefusedTests {

    @Test
    void aKeyNeedsANameAndARoleItKnows() throws Exception {
      Answer noRole = send("POST", "/api/v1/keys", "{\"name\": \"x\", \"role\": \"owner\"}", ADMIN);
      assertThat(noRole.status()).isEqualTo(400);
      assertThat(noRole.body().get("field").asString()).isEqualTo("role");
      assertThat(noRole.body().get("allowedValues").toString()).contains("sales", "admin");
      Answer noName = send("POST", "/api/v1/keys", "{\"role\": \"sales\"}", ADMIN);
      assertThat(noName.status()).isEqualTo(400);
      assertThat(noName.body().get("field").asString()).isEqualTo("name");
      assertThat(send("DELETE", "/api/v1/keys/k_0000000000", null, ADMIN).status()).isEqualTo(404);
    }

    @Test
    void aCorrectionNeedsAReasonAndAChangeAndASaleThatExists() throws Exception {
      String till = key("till 4", "sales");
      String id = quote();
      Answer sold =
          send("POST", "/api/v1/sales", sale(id, 5000, Instant.now().minusSeconds(60)), till);
      long saleId = sold.body().get("sales").get(0).get("saleId").asLong();
      Answer noReason =
          send("POST", "/api/v1/sales/" + saleId + "/corrections", "{\"actualPrice\": 1}", till);
      assertThat(noReason.status()).isEqualTo(400);
      assertThat(noReason.body().get("field").asString()).isEqualTo("reason");
      Answer same =
          send(
              "POST",
              "/api/v1/sales/" + saleId + "/corrections",
              "{\"actualPrice\": 5000, \"reason\": \"r\"}",
              till);
      assertThat(same.status()).isEqualTo(400);
      assertThat(same.body().get("field").asString()).isEqualTo("actualPrice");
      Answer negative =
          send(
              "POST",
              "/api/v1/sales/" + saleId + "/corrections",
              "{\"actualPrice\": -1, \"reason\": \"r\"}",
              till);
      assertThat(negative.status()).isEqualTo(400);
      Answer missing = send("POST", "/api/v1/sales/999999/void", "{\"reason\": \"r\"}", till);
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.body().get("code").asString()).isEqualTo("sale-not-found");
      assertThat(send("GET", "/api/v1/sales/" + saleId, null, till).body().get("history"))
          .hasSize(1);
      assertThat(send("GET", "/api/v1/sales", null, null).status()).isEqualTo(401);
    }
  }
}
