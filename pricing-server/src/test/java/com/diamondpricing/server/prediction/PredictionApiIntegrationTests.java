package com.diamondpricing.server.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.training.TrainingPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pricing and similar-diamonds API end to end, on both databases. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"diamonds.bootstrap=false", "diamonds.admin-token=secret-token"})
abstract class PredictionApiIntegrationTests {

  static final String DIAMOND =
      "{\"carat\": 1.1, \"cut\": \"Ideal\", \"color\": \"H\", \"clarity\": \"SI2\","
          + " \"depth\": 62.0, \"table\": 55.0, \"x\": 6.61, \"y\": 6.65, \"z\": 4.11}";
  static final ObjectMapper JSON = new ObjectMapper();

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

  record Answer(int status, String contentType, String requestId, JsonNode body, String raw) {}

  Answer send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String type = r.headers().firstValue("Content-Type").orElse("");
    JsonNode body = r.body().isEmpty() || !type.contains("json") ? null : JSON.readTree(r.body());
    return new Answer(
        r.statusCode(),
        r.headers().firstValue("Content-Type").orElse(""),
        r.headers().firstValue("X-Request-Id").orElse(null),
        body,
        r.body());
  }

  HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
  }

  @Test
  void pricesADiamondWithTheChampionAndEchoesTheRequestId() throws Exception {
    Answer a = send(post("/api/v1/predictions", DIAMOND).header("X-Request-Id", "abc-123"));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.requestId()).isEqualTo("abc-123");
    assertThat(a.body().get("requestId").asText()).isEqualTo("abc-123");
    assertThat(a.body().get("currency").asText()).isEqualTo("USD");
    assertThat(a.body().get("price").asDouble()).isBetween(4000.0, 4400.0);
    assertThat(a.body().get("model").get("type").asText()).isEqualTo("linear");
    assertThat(a.body().get("model").get("version").asInt()).isEqualTo(1);
  }

  @Test
  void severalBadFieldsAreListedInTheSameOrderEveryTimeTheFirstNamed() throws Exception {
    String bad =
        "{\"carat\": -1, \"cut\": \"Perfect\", \"color\": \"Q\", \"clarity\": \"VS1\","
            + " \"depth\": 200, \"x\": -3}";
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 6; i++) {
      Answer a = send(post("/api/v1/predictions", bad));
      assertThat(a.status()).isIn(400, 422);
      seen.add(a.body().get("field").asText() + " " + a.body().get("errors").toString());
    }
    assertThat(seen).hasSize(1);
    assertThat(seen.iterator().next()).startsWith("carat ");
    Answer batch =
        send(
            post(
                "/api/v1/predictions/batch",
                "{\"diamonds\": ["
                    + DIAMOND
                    + ", {\"carat\": 1, \"cut\": \"Ideal\", \"color\":"
                    + " \"Z\", \"clarity\": \"XX\", \"x\": -1}]}"));
    assertThat(batch.body().get("field").asText()).isEqualTo("diamonds[1].color");
  }

  @Test
  void aBatchOfEightyFiveIsRecordedWholeWithEachItemsPlace() throws Exception {
    // 85 = 64 + 16 + 4 + 1: every statement shape the writer uses
    StringBuilder body = new StringBuilder("{\"diamonds\": [");
    for (int k = 0; k < 85; k++) {
      body.append(k == 0 ? "" : ", ")
          .append("{\"carat\": ")
          .append(String.format(java.util.Locale.ROOT, "%.2f", 0.3 + k / 100.0))
          .append(", \"cut\": \"Ideal\", \"color\": \"G\", \"clarity\": \"VS2\", \"x\": 4.5}");
    }
    Answer batch =
        send(
            post("/api/v1/predictions/batch", body.append("]}").toString())
                .header("X-Request-Id", "rec-85"));
    assertThat(batch.status()).as("%s", batch.body()).isEqualTo(200);

    JdbcClient jdbc = JdbcClient.create(dataSource);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (jdbc.sql("select count(*) from prediction where request_id = 'rec-85'")
                .query(Long.class)
                .single()
            < 85
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<Map<String, Object>> rows =
        jdbc.sql(
                "select prediction_id, item_index, carat from prediction where request_id ="
                    + " 'rec-85' order by item_index")
            .query()
            .listOfRows();
    assertThat(rows).hasSize(85);
    for (int k = 0; k < 85; k++) {
      Map<String, Object> row = rows.get(k);
      assertThat(((Number) row.get("item_index")).intValue()).isEqualTo(k);
      assertThat(row.get("prediction_id"))
          .isEqualTo(batch.body().get("items").get(k).get("predictionId").asText());
      assertThat(((Number) row.get("carat")).doubleValue())
          .isEqualTo(
              Double.parseDouble(String.format(java.util.Locale.ROOT, "%.2f", 0.3 + k / 100.0)));
    }
  }

  @Test
  void everyPricedDiamondIsAPredictionOnRecord() throws Exception {
    Answer one = send(post("/api/v1/predictions", DIAMOND).header("X-Request-Id", "rec-one"));
    String batchBody =
        "{\"diamonds\": ["
            + DIAMOND
            + ", {\"carat\": 0.3, \"cut\": \"Good\", \"color\": \"E\", \"clarity\":"
            + " \"VS1\", \"x\": 4.3}]}";
    Answer batch =
        send(post("/api/v1/predictions/batch", batchBody).header("X-Request-Id", "rec-b"));
    assertThat(one.status()).isEqualTo(200);
    assertThat(batch.status()).isEqualTo(200);
    String single = one.body().get("predictionId").asText();
    String first = batch.body().get("items").get(0).get("predictionId").asText();
    String second = batch.body().get("items").get(1).get("predictionId").asText();
    assertThat(List.of(single, first, second))
        .doesNotHaveDuplicates()
        .allMatch(id -> id.length() == 36);

    JdbcClient jdbc = JdbcClient.create(dataSource);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (jdbc.sql("select count(*) from prediction where prediction_id in (?, ?, ?)")
                .params(single, first, second)
                .query(Long.class)
                .single()
            < 3
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Map<String, Object> row =
        jdbc.sql("select * from prediction where prediction_id = ?")
            .param(single)
            .query()
            .singleRow();
    assertThat(row.get("request_id")).isEqualTo("rec-one");
    assertThat(((Number) row.get("item_index")).intValue()).isZero();
    assertThat(((Number) row.get("model_id")).longValue())
        .isEqualTo(one.body().get("model").get("id").asLong());
    assertThat(row.get("model_type")).isEqualTo("linear");
    assertThat(row.get("cut")).isEqualTo("Ideal");
    assertThat(((Number) row.get("carat")).doubleValue()).isEqualTo(1.1);
    assertThat(((Number) row.get("z")).doubleValue()).isEqualTo(4.11);
    assertThat(((Number) row.get("price")).doubleValue())
        .isEqualTo(one.body().get("price").asDouble());
    JsonNode i80 = one.body().get("intervals").get(0);
    assertThat(((Number) row.get("lower_80")).doubleValue()).isEqualTo(i80.get("lower").asDouble());
    assertThat(((Number) row.get("upper_90")).doubleValue())
        .isEqualTo(one.body().get("intervals").get(1).get("upper").asDouble());

    Map<String, Object> leftOut =
        jdbc.sql("select * from prediction where prediction_id = ?")
            .param(second)
            .query()
            .singleRow();
    assertThat(leftOut.get("request_id")).isEqualTo("rec-b");
    assertThat(((Number) leftOut.get("item_index")).intValue()).isEqualTo(1);
    assertThat(leftOut.get("depth")).as("a measurement left out").isNull();
    assertThat(((Number) leftOut.get("price")).doubleValue())
        .isEqualTo(batch.body().get("prices").get(1).asDouble());

    Answer refused =
        send(post("/api/v1/predictions", "{\"carat\": -1}").header("X-Request-Id", "rec-bad"));
    assertThat(refused.status()).isEqualTo(422);
    Thread.sleep(300);
    assertThat(
            jdbc.sql("select count(*) from prediction where request_id = 'rec-bad'")
                .query(Long.class)
                .single())
        .as("a refused request priced nothing")
        .isZero();
  }

  @Test
  void anInsaneRequestIdIsReplacedByANewOne() throws Exception {
    Answer a = send(post("/api/v1/predictions", DIAMOND).header("X-Request-Id", "bad id!{}"));
    assertThat(a.requestId()).isNotEqualTo("bad id!{}").hasSize(36);
  }

  @Test
  void gradesAreCaseInsensitiveAndTheModelCanBeChosen() throws Exception {
    String lower = DIAMOND.replace("Ideal", "ideal").replace("\"H\"", "\"h\"");
    Answer byType = send(post("/api/v1/predictions?model=linear", lower));
    Answer byId = send(post("/api/v1/predictions?modelId=1", lower));
    assertThat(byType.status()).isEqualTo(200);
    assertThat(byId.body().get("price")).isEqualTo(byType.body().get("price"));
    Answer capitalised = send(post("/api/v1/predictions?model=%20Linear", lower));
    assertThat(capitalised.status())
        .as("model types are read as training reads them")
        .isEqualTo(200);
    assertThat(capitalised.body().get("price")).isEqualTo(byType.body().get("price"));
  }

  @Test
  void batchPricesEveryDiamondInOrder() throws Exception {
    String small = DIAMOND.replace("1.1", "0.3").replace("6.61", "4.3");
    Answer a =
        send(post("/api/v1/predictions/batch", "{\"diamonds\": [" + DIAMOND + "," + small + "]}"));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("prices")).hasSize(2);
    assertThat(a.body().get("prices").get(0).asDouble())
        .isGreaterThan(a.body().get("prices").get(1).asDouble());
  }

  @Test
  void similarDiamondsShareTheGradesNearestCaratFirst() throws Exception {
    Answer a = send(get("/api/v1/diamonds/similar?carat=1.1&cut=Ideal&color=H&clarity=SI2&n=5"));
    assertThat(a.status()).isEqualTo(200);
    JsonNode list = a.body().get("diamonds");
    assertThat(list).hasSize(5);
    double previous = -1;
    for (JsonNode d : list) {
      assertThat(d.get("cut").asText()).isEqualTo("Ideal");
      assertThat(d.get("color").asText()).isEqualTo("H");
      assertThat(d.get("clarity").asText()).isEqualTo("SI2");
      double distance = Math.abs(d.get("carat").asDouble() - 1.1);
      assertThat(distance).isGreaterThanOrEqualTo(previous - 1e-12);
      previous = distance;
      assertThat(d.has("price") && d.has("x") && d.has("depth")).isTrue();
    }
    Answer fallback = send(get("/api/v1/diamonds/similar?carat=1.1&cut=Ideal&color=H&clarity=SI2"));
    assertThat(fallback.body().get("diamonds")).hasSize(5);
  }

  @Test
  void readinessIsUpOnceAChampionIsLoadedAndTheApiIsDocumented() throws Exception {
    Answer ready = send(get("/actuator/health/readiness"));
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.raw()).isEqualTo("{\"status\":\"UP\"}"); // details are for the admin
    Answer detailed =
        send(get("/actuator/health/readiness").header("Authorization", "Bearer secret-token"));
    assertThat(detailed.raw()).contains("\"servingModel\"", "UP");
    Answer health = send(get("/actuator/health"));
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.raw()).doesNotContain("diskSpace", "db", "path", "database");
    Answer healthDetails =
        send(get("/actuator/health").header("Authorization", "Bearer secret-token"));
    assertThat(healthDetails.raw()).contains("diskSpace", "\"db\"");
    Answer docs = send(get("/docs/openapi.json"));
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body().get("paths").has("/api/v1/predictions")).isTrue();
    assertThat(docs.body().get("paths").has("/api/v1/diamonds/similar")).isTrue();
    assertThat(docs.raw()).contains("Very Good", "VVS1");
    Answer prometheus = send(get("/actuator/prometheus"));
    assertThat(prometheus.status()).isEqualTo(200);
  }

  abstract class BadRequestTests {

    @Test
    void everyBadFieldIsListedWithItsValueAndTheAllowedGrades() throws Exception {
      Answer a =
          send(
              post(
                  "/api/v1/predictions",
                  "{\"carat\": 0, \"cut\": \"Superb\", \"color\": \"H\", \"clarity\": \"SI2\","
                      + " \"x\": 500}"));
      assertThat(a.status()).isEqualTo(422);
      assertThat(a.contentType()).startsWith("application/problem+json");
      JsonNode errors = a.body().get("errors");
      assertThat(errors).hasSize(3);
      assertThat(a.raw()).contains("\"carat\"", "\"cut\"", "\"x\"", "Superb", "Very Good");
    }

    @Test
    void anUnknownPropertyIsRejectedSoTyposNeverPass() throws Exception {
      Answer a = send(post("/api/v1/predictions", DIAMOND.replace("\"table\"", "\"tabel\"")));
      assertThat(a.status()).isEqualTo(422);
      assertThat(a.body().get("field").asText()).isEqualTo("tabel");
    }

    @Test
    void aFieldTheChosenModelNeedsIsNamed() throws Exception {
      Answer a =
          send(
              post(
                  "/api/v1/predictions",
                  "{\"carat\": 1.1, \"cut\": \"Ideal\", \"color\": \"H\", \"clarity\": \"SI2\"}"));
      assertThat(a.status()).isEqualTo(422);
      assertThat(a.body().get("field").asText()).isEqualTo("x");
    }

    @Test
    void aBadBatchItemIsNamedByItsIndex() throws Exception {
      String noX = "{\"carat\": 1.1, \"cut\": \"Ideal\", \"color\": \"H\", \"clarity\": \"SI2\"}";
      Answer a =
          send(post("/api/v1/predictions/batch", "{\"diamonds\": [" + DIAMOND + "," + noX + "]}"));
      assertThat(a.status()).isEqualTo(422);
      assertThat(a.body().get("field").asText()).isEqualTo("diamonds[1].x");
      String badCut = DIAMOND.replace("Ideal", "Nope");
      Answer b =
          send(
              post(
                  "/api/v1/predictions/batch", "{\"diamonds\": [" + DIAMOND + "," + badCut + "]}"));
      assertThat(b.status()).isEqualTo(422);
      assertThat(b.raw()).contains("diamonds[1].cut");
    }

    @Test
    void modelSelectionErrors() throws Exception {
      assertThat(send(post("/api/v1/predictions?model=forest", DIAMOND)).raw())
          .contains("linear", "xgboost");
      assertThat(send(post("/api/v1/predictions?modelId=999", DIAMOND)).status()).isEqualTo(404);
      assertThat(send(post("/api/v1/predictions?model=linear&modelId=1", DIAMOND)).status())
          .isEqualTo(400);
    }

    @Test
    void similarChecksItsParameters() throws Exception {
      String base = "/api/v1/diamonds/similar?carat=1.1&cut=Ideal&color=H&clarity=SI2";
      assertThat(send(get(base + "&n=0")).status()).isEqualTo(400);
      assertThat(send(get(base + "&n=101")).status()).isEqualTo(400);
      Answer grade = send(get(base.replace("SI2", "SI9")));
      assertThat(grade.status()).isEqualTo(400);
      assertThat(grade.raw()).contains("VVS1");
      Answer none =
          send(get(base.replace("1.1", "9.9").replace("Ideal", "Fair").replace("SI2", "IF")));
      assertThat(none.status()).isEqualTo(200);
    }

    @Test
    void bodiesOverTheCapGet413() throws Exception {
      String big = DIAMOND.replace("}", ", \"pad\": \"" + "x".repeat(1_100_000) + "\"}");
      Answer a = send(post("/api/v1/predictions", big));
      assertThat(a.status()).isEqualTo(413);
    }

    @Test
    void malformedJsonIs400AndNoErrorShowsAJavaName() throws Exception {
      Answer a = send(post("/api/v1/predictions", "{\"carat\": 1.1,"));
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.raw()).doesNotContain("java.", "Exception", "at com.");
    }

    @Test
    void stateChangingEndpointsNeedTheAdminToken() throws Exception {
      Answer none = send(post("/api/v1/models/1/promote", "{}"));
      assertThat(none.status()).isEqualTo(401);
      assertThat(none.contentType()).startsWith("application/problem+json");
      Answer wrong =
          send(post("/api/v1/models/1/promote", "{}").header("Authorization", "Bearer nope"));
      assertThat(wrong.status()).isEqualTo(401);
      Answer right =
          send(
              post("/api/v1/models/1/promote", "{}")
                  .header("Authorization", "Bearer secret-token"));
      assertThat(right.status()).isEqualTo(200);
      assertThat(send(get("/api/v1/models")).status()).isEqualTo(200);
    }
  }
}
