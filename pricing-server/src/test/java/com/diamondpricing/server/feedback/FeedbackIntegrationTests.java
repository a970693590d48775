package com.diamondpricing.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.training.TrainingPipeline;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Sales fed back and live accuracy, on both databases: priced stones are predictions on record, a
 * sale is attributed to the model that priced it, the same sale twice is one sale, a report is all
 * or nothing, and live accuracy is the same whatever order the sales came in.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.admin-token=feedback-token",
      "diamonds.request-log.flush-interval=20ms",
      "diamonds.feedback.min-sales=10"
    })
abstract class FeedbackIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String TOKEN = "Bearer feedback-token";

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired DataSource dataSource;
  @Autowired SalesImport salesImport;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void aLinearChampion() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
  }

  record Answer(int status, JsonNode body) {}

  Answer post(String path, String json, boolean admin) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (admin) {
      r.header("Authorization", TOKEN);
    }
    HttpResponse<String> a = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(a.statusCode(), a.body().isEmpty() ? null : JSON.readTree(a.body()));
  }

  Answer get(String path) throws Exception {
    HttpResponse<String> a =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(a.statusCode(), JSON.readTree(a.body()));
  }

  /** Prices the first n stones of the bundled data; each one's id and price, once on record. */
  List<Priced> price(int n) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv"));
    StringBuilder body = new StringBuilder("{\"diamonds\": [");
    for (int i = 1; i <= n; i++) {
      String[] f = lines.get(i).split(",");
      body.append(i > 1 ? "," : "")
          .append(
              String.format(
                  "{\"carat\": %s, \"cut\": \"%s\", \"color\": \"%s\", \"clarity\": \"%s\","
                      + " \"depth\": %s, \"table\": %s, \"x\": %s, \"y\": %s, \"z\": %s}",
                  f[0], f[1], f[2], f[3], f[4], f[5], f[7], f[8], f[9]));
    }
    Answer a = post("/api/v1/predictions/batch", body.append("]}").toString(), false);
    assertThat(a.status()).isEqualTo(200);
    List<Priced> priced = new ArrayList<>();
    for (JsonNode item : a.body().get("items")) {
      priced.add(
          new Priced(
              item.get("predictionId").asString(),
              item.get("price").asDouble(),
              a.body().get("model").get("id").asLong()));
    }
    JdbcClient jdbc = JdbcClient.create(dataSource);
    long deadline = System.nanoTime() + 10_000_000_000L;
    String last = priced.get(priced.size() - 1).id();
    while (jdbc.sql("select count(*) from prediction where prediction_id = ?")
                .param(last)
                .query(Long.class)
                .single()
            == 0
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return priced;
  }

  record Priced(String id, double price, long modelId) {}

  static String sale(String id, double price, String soldAt) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"predictionId\": \"%s\", \"actualPrice\": %.2f, \"soldAt\": \"%s\"}",
        id,
        price,
        soldAt);
  }

  static String list(List<String> sales) {
    return "[" + String.join(", ", sales) + "]";
  }

  long sales() {
    return JdbcClient.create(dataSource)
        .sql("select count(*) from sale")
        .query(Long.class)
        .single();
  }

  @Test
  void salesAreAttributedIdempotentAndGiveLiveAccuracyWhateverTheirOrder() throws Exception {
    List<Priced> priced = price(20);
    long model = priced.get(0).modelId();
    String window = "?since=2026-01-01T00:00:00Z&until=2026-02-01T00:00:00Z";
    JsonNode before = get("/api/v1/models/" + model + "/live" + window).body();
    assertThat(before.get("n").asInt()).isZero();
    assertThat(before.get("message").asString()).isEqualTo("not enough sales (0 of 10)");
    assertThat(before.get("mae").isNull()).isTrue();

    // the stones sell for 10% more than priced, the later ones first
    List<String> reports = new ArrayList<>();
    double absolute = 0;
    for (int i = priced.size() - 1; i >= 0; i--) {
      Priced p = priced.get(i);
      double actual = Math.round(p.price() * 110) / 100.0;
      absolute += actual - p.price();
      reports.add(sale(p.id(), actual, "2026-01-" + String.format("%02d", 1 + i) + "T10:00:00Z"));
    }
    long stored = sales();
    Answer first = post("/api/v1/sales", list(reports), true);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().get("recorded").asInt()).isEqualTo(20);
    assertThat(first.body().get("sales").get(0).get("modelId").asLong()).isEqualTo(model);

    JsonNode live = get("/api/v1/models/" + model + "/live" + window).body();
    assertThat(live.get("n").asInt()).isEqualTo(20);
    assertThat(live.get("enough").asBoolean()).isTrue();
    assertThat(live.get("mae").asDouble()).isCloseTo(absolute / 20, within(1e-6));
    assertThat(live.get("bias").asDouble())
        .as("priced too low")
        .isCloseTo(-absolute / 20, within(1e-6));
    assertThat(live.get("mape").asDouble()).isBetween(0.08, 0.1);
    assertThat(live.get("maeToTestMae").asDouble()).isPositive();

    // the same sales again, one by one and as a list: duplicates, nothing changes
    Answer again = post("/api/v1/sales", reports.get(3), true);
    assertThat(again.body().get("duplicates").asInt()).isEqualTo(1);
    assertThat(post("/api/v1/sales", list(reports), true).body().get("recorded").asInt()).isZero();
    assertThat(sales()).isEqualTo(stored + 20);
    assertThat(get("/api/v1/models/" + model + "/live" + window).body()).isEqualTo(live);

    // a window that ends earlier holds fewer sales
    JsonNode firstWeek =
        get("/api/v1/models/"
                + model
                + "/live?since=2026-01-01T00:00:00Z&until=2026-01-08T00:00:00Z")
            .body();
    assertThat(firstWeek.get("n").asInt()).isEqualTo(7);
    assertThat(firstWeek.get("enough").asBoolean()).isFalse();
  }

  @Test
  void aSalesFileRecordsStonesPricedHereAndStonesThatWereNot() throws Exception {
    List<Priced> priced = price(3);
    String csv =
        "prediction_id,actual_price,sold_at,carat,cut,color,clarity,depth,table,x,y,z\n"
            + priced.get(0).id()
            + ",5000,2026-03-01T10:00:00Z,,,,,,,,,\n"
            + ",4200,2026-03-02T10:00:00Z,1.01,Ideal,G,VS2,61.8,56,6.42,6.45,3.98\n";
    SalesImport.Result r =
        salesImport.importCsv(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "s.csv");
    assertThat(r.rows()).isEqualTo(2);
    assertThat(r.recorded()).isEqualTo(2);
    assertThat(r.attributed()).isEqualTo(1);
    SalesImport.Result again =
        salesImport.importCsv(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "s.csv");
    assertThat(again.duplicates()).isEqualTo(2);
    assertThat(again.recorded()).isZero();
  }

  /** The refusals; each database's suite runs them as a nested class. */
  abstract class RefusedTests {

    @Test
    void aReportWithAnUnknownPredictionRecordsNothing() throws Exception {
      List<Priced> priced = price(2);
      long before = sales();
      Answer a =
          post(
              "/api/v1/sales",
              list(
                  List.of(
                      sale(priced.get(0).id(), 100, "2026-04-01T00:00:00Z"),
                      sale(priced.get(1).id(), 100, "2026-04-01T00:00:00Z"),
                      sale("no-such-prediction", 100, "2026-04-01T00:00:00Z"))),
              true);
      assertThat(a.status()).isEqualTo(422);
      assertThat(a.body().get("code").asString()).isEqualTo("unknown-prediction");
      assertThat(a.body().get("field").asString()).isEqualTo("sales[2].predictionId");
      assertThat(sales()).isEqualTo(before);
    }

    @Test
    void anotherPriceForASoldStoneIsAConflict() throws Exception {
      Priced p = price(1).get(0);
      assertThat(post("/api/v1/sales", sale(p.id(), 900, "2026-05-01T00:00:00Z"), true).status())
          .isEqualTo(200);
      Answer a = post("/api/v1/sales", sale(p.id(), 950, "2026-05-01T00:00:00Z"), true);
      assertThat(a.status()).isEqualTo(409);
      assertThat(a.body().get("code").asString()).isEqualTo("sale-conflict");
      assertThat(a.body().get("field").asString()).isEqualTo("predictionId");
    }

    @Test
    void badFieldsAreNamed() throws Exception {
      String[][] cases = {
        {
          "{\"predictionId\": \"x\", \"actualPrice\": -1, \"soldAt\": \"2026-01-01T00:00:00Z\"}",
          "actualPrice"
        },
        {"{\"predictionId\": \"x\", \"actualPrice\": 10, \"soldAt\": \"yesterday\"}", "soldAt"},
        {
          "{\"predictionId\": \"x\", \"actualPrice\": 10, \"soldAt\": \"2999-01-01T00:00:00Z\"}",
          "soldAt"
        },
        {"{\"predictionId\": \"x\", \"price\": 10, \"soldAt\": \"2026-01-01T00:00:00Z\"}", "price"},
        {"[{\"actualPrice\": 10, \"soldAt\": \"2026-01-01T00:00:00Z\"}]", "sales[0].predictionId"},
        {"[]", "sales"},
      };
      for (String[] c : cases) {
        Answer a = post("/api/v1/sales", c[0], true);
        assertThat(a.status()).as(c[0]).isEqualTo(400);
        assertThat(a.body().get("field").asString()).as(c[0]).isEqualTo(c[1]);
      }
    }

    @Test
    void salesNeedTheAdminToken() throws Exception {
      Answer a = post("/api/v1/sales", sale("x", 10, "2026-01-01T00:00:00Z"), false);
      assertThat(a.status()).isEqualTo(401);
    }

    @Test
    void aBadSalesFileNamesEachLineAndColumnAndRecordsNothing() {
      long before = sales();
      String csv =
          "prediction_id,actual_price,sold_at,carat,cut,color,clarity,depth,table,x,y,z\n"
              + ",abc,2026-03-02T10:00:00Z,1.01,Ideal,G,VS2,61.8,56,6.42,6.45,3.98\n"
              + ",4200,2026-03-02T10:00:00Z,1.01,Superb,G,VS2,61.8,56,6.42,6.45,3.98\n";
      assertThatThrownBy(
              () ->
                  salesImport.importCsv(
                      new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "bad.csv"))
          .isInstanceOfSatisfying(
              SalesImport.Rejected.class,
              e ->
                  assertThat(e.problems())
                      .containsExactly(
                          "line 2, column 'actual_price', value 'abc': not a number",
                          "line 3, column 'cut', value 'Superb': not a known cut"));
      assertThat(sales()).isEqualTo(before);
    }
  }
}
