package com.diamondpricing.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.training.RunStatus;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.TrainingRun;
import com.diamondpricing.server.training.Trigger;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
      "diamonds.feedback.min-sales=10",
      "diamonds.feedback.monitor=false",
      "diamonds.feedback.retrain-mae-factor=1.02",
      "diamonds.feedback.retrain-min-sales=100",
      "diamonds.feedback.retrain-models=linear"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FeedbackIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String TOKEN = "Bearer feedback-token";

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired DataSource dataSource;
  @Autowired SalesImport salesImport;
  @Autowired FeedbackLoop loop;
  @Autowired LiveAccuracyGauges gauges;
  @Autowired com.diamondpricing.server.registry.ModelRegistry registry;
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

  Answer getAsAdmin(String path) throws Exception {
    HttpResponse<String> a =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TOKEN)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(a.statusCode(), JSON.readTree(a.body()));
  }

  /** Prices the first n stones of the bundled data; each one's id and price, once on record. */
  List<Priced> price(int n) throws Exception {
    return price(1, n);
  }

  /**
   * Prices the stones of data lines from..to (1 is the first row after the header), leaving out the
   * few rows the API refuses (a zero measurement, a depth no cut stone has).
   */
  List<Priced> price(int from, int to) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv"));
    List<String[]> stones = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      String[] f = lines.get(i).split(",");
      if (priceable(f)) {
        stones.add(f);
      }
    }
    StringBuilder body = new StringBuilder("{\"diamonds\": [");
    for (int i = 0; i < stones.size(); i++) {
      String[] f = stones.get(i);
      body.append(i > 0 ? "," : "")
          .append(
              String.format(
                  "{\"carat\": %s, \"cut\": \"%s\", \"color\": \"%s\", \"clarity\": \"%s\","
                      + " \"depth\": %s, \"table\": %s, \"x\": %s, \"y\": %s, \"z\": %s}",
                  f[0], f[1], f[2], f[3], f[4], f[5], f[7], f[8], f[9]));
    }
    Answer a = post("/api/v1/predictions/batch", body.append("]}").toString(), false);
    assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
    List<Priced> priced = new ArrayList<>();
    int i = 0;
    for (JsonNode item : a.body().get("items")) {
      String[] f = stones.get(i++);
      priced.add(
          new Priced(
              item.get("predictionId").asString(),
              item.get("price").asDouble(),
              a.body().get("model").get("id").asLong(),
              f[2],
              Double.parseDouble(f[6])));
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

  static boolean priceable(String[] f) {
    try {
      double carat = Double.parseDouble(f[0]);
      double depth = Double.parseDouble(f[4]);
      double table = Double.parseDouble(f[5]);
      double x = Double.parseDouble(f[7]);
      double y = Double.parseDouble(f[8]);
      double z = Double.parseDouble(f[9]);
      return carat > 0
          && carat <= 30
          && depth >= 40
          && depth <= 80
          && table >= 40
          && table <= 95
          && x > 0
          && x <= 40
          && y > 0
          && y <= 40
          && z > 0
          && z <= 40;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A priced stone: its prediction, the model, its colour and its price in the data. */
  record Priced(String id, double price, long modelId, String color, double dataPrice) {}

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
    assertThat(before.get("checks")).isEmpty();

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
    assertThat(live.get("relativeBias").asDouble()).isCloseTo(1 / 1.1 - 1, within(1e-3));
    JsonNode bias = live.get("checks").get(0);
    assertThat(bias.get("figure").asString()).isEqualTo("bias");
    assertThat(bias.get("n").asInt()).isEqualTo(20);
    assertThat(bias.get("high").asDouble()).as("the interval excludes 0").isNegative();
    assertThat(bias.get("status").asString()).isEqualTo("bad");
    assertThat(bias.get("verdict").asString()).isEqualTo("priced too low");

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
  void aMarketThatMovesForOneColourShowsInLiveAccuracyAndDrift() throws Exception {
    Instant now = Instant.now();
    String window =
        "?since=" + now.minus(Duration.ofDays(2)) + "&until=" + now.plus(Duration.ofHours(1));
    // a steady market: 600 stones priced, sold at their prices in the data
    List<Priced> steady = price(1001, 1600);
    long model = steady.get(0).modelId();
    String dayOne = now.minus(Duration.ofDays(2)).plusSeconds(60).toString();
    List<String> reports = new ArrayList<>();
    for (Priced p : steady) {
      if (p.dataPrice() > 0) { // the data have a few rows the notebook's cleaning drops
        reports.add(sale(p.id(), p.dataPrice(), dayOne));
      }
    }
    assertThat(post("/api/v1/sales", list(reports), true).status()).isEqualTo(200);
    String firstDay =
        "?since=" + now.minus(Duration.ofDays(2)) + "&until=" + now.minus(Duration.ofDays(1));
    JsonNode steadyLive = get("/api/v1/models/" + model + "/live" + firstDay).body();
    assertThat(steadyLive.get("n").asInt()).isEqualTo(reports.size()).isGreaterThan(550);

    // the live figures against their targets, each with its interval and n
    JsonNode checks = steadyLive.get("checks");
    assertThat(checks).hasSize(3);
    assertThat(checks.get(0).get("figure").asString()).isEqualTo("bias");
    assertThat(checks.get(0).get("target").asDouble()).isZero();
    assertThat(checks.get(1).get("figure").asString()).isEqualTo("coverage80");
    assertThat(checks.get(1).get("target").asDouble()).isEqualTo(0.8);
    assertThat(checks.get(2).get("figure").asString()).isEqualTo("coverage90");
    for (JsonNode c : checks) {
      assertThat(c.get("n").asInt()).as("%s", c).isEqualTo(reports.size());
      assertThat(c.get("low").asDouble()).as("%s", c).isLessThan(c.get("value").asDouble());
      assertThat(c.get("high").asDouble()).as("%s", c).isGreaterThan(c.get("value").asDouble());
      assertThat(c.get("status").asString()).isIn("ok", "warn", "bad");
      assertThat(c.get("verdict").asString()).isNotBlank();
    }
    assertThat(steadyLive.get("relativeBias").asDouble())
        .isEqualTo(checks.get(0).get("value").asDouble());
    assertThat(checks.get(1).get("value").asDouble())
        .isEqualTo(steadyLive.get("coverage80").asDouble());
    JsonNode segmentChecks = steadyLive.get("segments").get(0).get("checks");
    assertThat(segmentChecks).hasSize(2);
    assertThat(segmentChecks.get(0).get("n").asInt())
        .isEqualTo(steadyLive.get("segments").get(0).get("sales").asInt());

    // the stones priced are drawn from the training data's own file: no feature is flagged
    JsonNode calm = get("/api/v1/monitoring/drift" + window + "&modelId=" + model).body();
    assertThat(calm.get("predictions").asInt()).isGreaterThanOrEqualTo(600);
    assertThat(calm.get("significance").asDouble()).isEqualTo(0.001);
    assertThat(calm.get("minSegmentSales").asInt()).isEqualTo(5);
    for (JsonNode f : calm.get("features")) {
      assertThat(f.get("label").asString()).as("%s", f).isEqualTo("stable");
      assertThat(f.get("pValue").asDouble()).as("%s", f).isBetween(0.0, 1.0);
    }
    JsonNode calmG = segment(calm, "color", "G");
    assertThat(calmG.get("ratioLow").asDouble()).isLessThan(calmG.get("ratio").asDouble());
    assertThat(calmG.get("ratioHigh").asDouble()).isGreaterThan(calmG.get("ratio").asDouble());
    assertThat(calmG.get("ratio").asDouble()).as("G sells about at its price").isBetween(0.9, 1.1);

    // the market moves: G stones now sell for 20% more
    List<Priced> moved = price(1601, 2200);
    String dayTwo = now.minus(Duration.ofDays(1)).plusSeconds(60).toString();
    reports.clear();
    for (Priced p : moved) {
      if (p.dataPrice() <= 0) {
        continue;
      }
      double actual = p.color().equals("G") ? p.dataPrice() * 1.2 : p.dataPrice();
      reports.add(sale(p.id(), actual, dayTwo));
    }
    Answer second = post("/api/v1/sales", list(reports), true);
    assertThat(second.status()).as("%s", second.body()).isEqualTo(200);
    String secondDay =
        "?since=" + now.minus(Duration.ofDays(1)) + "&until=" + now.plus(Duration.ofHours(1));
    JsonNode movedLive = get("/api/v1/models/" + model + "/live" + secondDay).body();
    assertThat(movedLive.get("mae").asDouble())
        .as("live MAE rises when the market moves")
        .isGreaterThan(steadyLive.get("mae").asDouble());
    assertThat(movedLive.get("bias").asDouble()).isLessThan(steadyLive.get("bias").asDouble());

    JsonNode drift =
        get("/api/v1/monitoring/drift?since="
                + now.minus(Duration.ofDays(1))
                + "&until="
                + now.plus(Duration.ofHours(1))
                + "&modelId="
                + model)
            .body();
    JsonNode g = segment(drift, "color", "G");
    assertThat(g.get("label").asString()).as("G's prices drifted: %s", g).isEqualTo("major");
    assertThat(g.get("medianRatio").asDouble()).isGreaterThan(1.1);
    assertThat(g.get("ratioLow").asDouble())
        .as("G's interval excludes no change")
        .isGreaterThan(1.0);
    assertThat(g.get("ratio").asDouble())
        .isBetween(g.get("ratioLow").asDouble(), g.get("ratioHigh").asDouble());
    JsonNode e = segment(drift, "color", "E");
    assertThat(Math.abs(e.get("ratio").asDouble() - 1))
        .isLessThan(Math.abs(g.get("ratio").asDouble() - 1) - 0.1);
    assertThat(drift.get("predictedPrice").get("label").asString()).isNotEqualTo("not enough data");
    assertThat(movedLive.get("relativeBias").asDouble())
        .as("priced too low once G sells higher")
        .isLessThan(steadyLive.get("relativeBias").asDouble());
    System.out.printf(
        java.util.Locale.ROOT,
        "simulated market: live MAE %.2f steady, %.2f once G sells 20%% higher (bias %.2f -> %.2f,"
            + " %+.1f%% -> %+.1f%%); actual / predicted G %.3f (90%% CI %.3f to %.3f, %d sales,"
            + " %s), E %.3f (%.3f to %.3f, %s), calm G %.3f (%.3f to %.3f, %s); predicted price PSI"
            + " %.3f, p %.3g%n",
        steadyLive.get("mae").asDouble(),
        movedLive.get("mae").asDouble(),
        steadyLive.get("bias").asDouble(),
        movedLive.get("bias").asDouble(),
        steadyLive.get("relativeBias").asDouble() * 100,
        movedLive.get("relativeBias").asDouble() * 100,
        g.get("ratio").asDouble(),
        g.get("ratioLow").asDouble(),
        g.get("ratioHigh").asDouble(),
        g.get("sales").asInt(),
        g.get("label").asString(),
        e.get("ratio").asDouble(),
        e.get("ratioLow").asDouble(),
        e.get("ratioHigh").asDouble(),
        e.get("label").asString(),
        calmG.get("ratio").asDouble(),
        calmG.get("ratioLow").asDouble(),
        calmG.get("ratioHigh").asDouble(),
        calmG.get("label").asString(),
        drift.get("predictedPrice").get("psi").asDouble(),
        drift.get("predictedPrice").get("pValue").asDouble());
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: it replaces the champion the other tests price with
  void theLoopRetrainsWhenTheMarketMovesAndTheNewChampionPricesLaterSalesBetter() throws Exception {
    Instant now = Instant.now();
    long before = registry.champion().orElseThrow().id();
    // G stones sell 20% above their price in the data
    List<Priced> moved = price(1201, 4600);
    assertThat(moved.get(0).modelId()).isEqualTo(before);
    List<String> reports = new ArrayList<>();
    for (Priced p : moved) {
      if (p.dataPrice() > 0) {
        double actual = p.color().equals("G") ? p.dataPrice() * 1.2 : p.dataPrice();
        reports.add(sale(p.id(), actual, now.minus(Duration.ofHours(3)).toString()));
      }
    }
    assertThat(post("/api/v1/sales", list(reports), true).status()).isEqualTo(200);
    String window =
        "?since=" + now.minus(Duration.ofHours(4)) + "&until=" + now.minus(Duration.ofHours(2));
    JsonNode oldLive = get("/api/v1/models/" + before + "/live" + window).body();

    long dataBefore = datasets.current().orElseThrow().id();
    TrainingRun run = loop.look().orElseThrow(() -> new AssertionError("no run was queued"));
    assertThat(run.trigger()).isEqualTo(Trigger.FEEDBACK);
    assertThat(run.reason()).startsWith("live MAE ").contains("x the test MAE");
    assertThat(loop.look()).as("at most one feedback run at a time").isEmpty();
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (List.of(RunStatus.QUEUED, RunStatus.RUNNING).contains(pipeline.get(run.id()).status())
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    TrainingRun done = pipeline.get(run.id());
    assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(done.snapshotId())
        .as("a new snapshot, made of the data and the sales")
        .isNotEqualTo(dataBefore);
    assertThat(datasets.current().orElseThrow().id()).isEqualTo(done.snapshotId());
    assertThat(datasets.find(done.snapshotId()).orElseThrow().source())
        .as("the sold stones joined the data, replacing the rows of the same stones")
        .startsWith("sales ")
        .contains("rows of the same stones replaced");
    JsonNode view = get("/api/v1/training-runs/" + run.id()).body();
    assertThat(view.get("trigger").asString()).isEqualTo("feedback");
    assertThat(view.get("reason").asString()).isEqualTo(run.reason());

    long after = registry.champion().orElseThrow().id();
    assertThat(after)
        .as("the retrained model became the champion: %s", view.get("outcomes"))
        .isNotEqualTo(before);
    long wait = System.nanoTime() + 20_000_000_000L;
    while (serving.champion().orElseThrow().entry().id() != after && System.nanoTime() < wait) {
      Thread.sleep(50);
    }
    // later sales, the market still moved: the new champion is closer
    List<Priced> later = price(4601, 5000);
    assertThat(later.get(0).modelId()).isEqualTo(after);
    reports.clear();
    for (Priced p : later) {
      if (p.dataPrice() > 0) {
        double actual = p.color().equals("G") ? p.dataPrice() * 1.2 : p.dataPrice();
        reports.add(sale(p.id(), actual, now.minus(Duration.ofHours(1)).toString()));
      }
    }
    assertThat(post("/api/v1/sales", list(reports), true).status()).isEqualTo(200);
    String laterWindow = "?since=" + now.minus(Duration.ofHours(2)) + "&until=" + now;
    JsonNode newLive = get("/api/v1/models/" + after + "/live" + laterWindow).body();
    assertThat(newLive.get("mae").asDouble())
        .as("the new champion's live MAE on later sales")
        .isLessThan(oldLive.get("mae").asDouble());
    System.out.printf(
        java.util.Locale.ROOT,
        "feedback loop: run %d (%s); live MAE %.2f (model %d) before, %.2f (model %d) after%n",
        run.id(),
        run.reason(),
        oldLive.get("mae").asDouble(),
        before,
        newLive.get("mae").asDouble(),
        after);
  }

  static JsonNode segment(JsonNode drift, String feature, String level) {
    for (JsonNode s : drift.get("sales")) {
      if (s.get("feature").asString().equals(feature) && s.get("level").asString().equals(level)) {
        return s;
      }
    }
    throw new AssertionError("no " + feature + " " + level + " in " + drift.get("sales"));
  }

  @Test
  void liveAccuracyIsAPrometheusGaugePerModel() throws Exception {
    List<Priced> priced = price(40);
    long model = priced.get(0).modelId();
    List<String> reports = new ArrayList<>();
    for (Priced p : priced) {
      reports.add(sale(p.id(), p.price() * 1.05, Instant.now().minusSeconds(600).toString()));
    }
    assertThat(post("/api/v1/sales", list(reports), true).status()).isEqualTo(200);

    gauges.refresh();

    HttpResponse<String> scrape =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(scrape.statusCode()).isEqualTo(200);
    String tags = "model_id=\"" + model + "\"";
    assertThat(
            scrape
                .body()
                .lines()
                .filter(l -> l.startsWith("diamonds_live_sales") && l.contains(tags)))
        .singleElement()
        .satisfies(
            l ->
                assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .isGreaterThanOrEqualTo(40));
    assertThat(scrape.body())
        .contains("diamonds_live_mae_dollars{", "diamonds_live_mae_to_test_mae{");
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

  @Test
  void aSaleReportedTheMomentItsPriceIsAnsweredIsRecorded() throws Exception {
    Answer priced =
        post(
            "/api/v1/predictions",
            "{\"carat\": 0.9, \"cut\": \"Ideal\", \"color\": \"F\", \"clarity\": \"VS1\","
                + " \"depth\": 61.5, \"table\": 56, \"x\": 6.2, \"y\": 6.22, \"z\": 3.82}",
            false);
    assertThat(priced.status()).isEqualTo(200);
    String id = priced.body().get("predictionId").asString();
    // no wait for the request log's writer (which gathers a batch for its flush interval first)
    Answer sale = post("/api/v1/sales", sale(id, 4100, "2026-03-06T12:00:00Z"), true);
    assertThat(sale.status()).as("%s", sale.body()).isEqualTo(200);
    assertThat(sale.body().get("sales").get(0).get("status").asString()).isEqualTo("recorded");
  }

  @Test
  void aSaleDatedWithoutATimeIsThatDaysStartUtc() throws Exception {
    List<Priced> priced = price(2);
    Answer a = post("/api/v1/sales", sale(priced.get(0).id(), 5000, "2026-03-03"), true);
    assertThat(a.status()).isEqualTo(200);
    String csv = "prediction_id,actual_price,sold_at\n" + priced.get(1).id() + ",4000,2026-03-04\n";
    SalesImport.Result r =
        salesImport.importCsv(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "days.csv");
    assertThat(r.recorded()).isEqualTo(1);
    assertThat(soldAt(priced.get(0).id())).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    assertThat(soldAt(priced.get(1).id())).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
  }

  @Test
  void aSalesFileMaySpellColourAsThePagesDo() throws Exception {
    String csv =
        "Actual_Price,Sold_At,Carat,Cut,Colour,Clarity,Depth,Table,X,Y,Z\n"
            + "4200,2026-03-05T10:00:00Z,1.01,Ideal,G,VS2,61.8,56,6.42,6.45,3.98\n";
    long before = sales();
    SalesImport.Result r =
        salesImport.importCsv(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "colour.csv");
    assertThat(r.recorded()).isEqualTo(1);
    assertThat(sales()).isEqualTo(before + 1);
  }

  Instant soldAt(String predictionId) {
    return JdbcClient.create(dataSource)
        .sql("select sold_at from sale where prediction_id = ?")
        .param(predictionId)
        .query(java.sql.Timestamp.class)
        .single()
        .toInstant();
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
    void timesOutsideTheYearsWeKnowAreRefusedNamingTheFieldAndRecordNothing() throws Exception {
      long model = registry.list().get(0).id();
      String[] far = {
        "-4714-01-01T00:00:00Z",
        "-999999999-01-01T00:00:00Z",
        "%2B999999999-12-31T23:59:59Z",
        "1900-01-01T00:00:00Z",
        "2999-01-01T00:00:00Z"
      };
      for (String time : far) {
        for (String query : new String[] {"since", "until"}) {
          for (String path :
              new String[] {
                "/api/v1/models/" + model + "/live?", "/api/v1/monitoring/drift?",
              }) {
            Answer a = get(path + query + "=" + time);
            assertThat(a.status()).as(path + query + "=" + time).isEqualTo(400);
            assertThat(a.body().get("code").asString()).isEqualTo("invalid-parameter");
            assertThat(a.body().get("field").asString()).isEqualTo(query);
            assertThat(a.body().get("detail").asString()).contains("2000-01-01T00:00:00Z");
          }
          Answer log = getAsAdmin("/api/v1/request-log?" + query + "=" + time);
          assertThat(log.status()).as("request log " + query + "=" + time).isEqualTo(400);
          assertThat(log.body().get("field").asString()).isEqualTo(query);
        }
      }
      Priced p = price(1).get(0);
      long before = sales();
      for (String time : far) {
        String sold = time.replace("%2B", "+");
        Answer a = post("/api/v1/sales", sale(p.id(), 900, sold), true);
        assertThat(a.status()).as(sold).isEqualTo(400);
        assertThat(a.body().get("field").asString()).isEqualTo("soldAt");
      }
      assertThat(sales()).isEqualTo(before);
      // the edges of the range are times like any other
      assertThat(get("/api/v1/monitoring/drift?since=2000-01-01T00:00:00Z").status())
          .isNotEqualTo(400);
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
