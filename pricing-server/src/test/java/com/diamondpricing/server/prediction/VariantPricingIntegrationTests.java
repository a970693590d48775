package com.diamondpricing.server.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.Trigger;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prices a buyer can act on, over HTTP on both databases: a stone without its measurements is
 * priced by the champion of the four Cs (a model that learned without them) and says so; a model of
 * every feature is never asked about a feature it never saw missing; a batch mixes both; a stone
 * outside what the models know is warned, and its range says where it is not calibrated.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"diamonds.bootstrap=false", "diamonds.inbox.enabled=false"})
abstract class VariantPricingIntegrationTests {

  static final String STONE =
      "{\"carat\": 1.0, \"cut\": \"Ideal\", \"color\": \"G\", \"clarity\": \"VS1\","
          + " \"depth\": 61.8, \"table\": 56.0, \"x\": 6.41, \"y\": 6.45, \"z\": 3.97}";
  static final String BARE =
      "{\"carat\": 1.0, \"cut\": \"Ideal\", \"color\": \"G\", \"clarity\": \"VS1\"}";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired ModelRegistry registry;
  @Autowired DataSource dataSource;
  final HttpClient http = HttpClient.newHttpClient();

  /** Linear and xgboost-log, each of the latter's feature sets, on the bundled data. */
  @BeforeEach
  void modelsOfBothFeatureSets() throws Exception {
    if (registry.champion(FeatureSet.FOUR_CS).isEmpty()) {
      long snapshot =
          datasets
              .ingest(
                  new ByteArrayInputStream(Files.readAllBytes(Path.of("../data/diamonds.csv"))),
                  "diamonds.csv",
                  IngestMode.REPLACE)
              .snapshot()
              .id();
      pipeline.runNow(
          new TrainingPipeline.RunRequest(snapshot, List.of("linear", "xgboost-log"), 3),
          Trigger.CLI,
          TrainingListener.NONE);
    }
    serving.refresh();
  }

  record Answer(int status, JsonNode body) {}

  Answer post(String path, String json) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), JSON.readTree(r.body()));
  }

  static List<String> codes(JsonNode answer) {
    return answer.get("warnings").valueStream().map(w -> w.get("code").asString()).toList();
  }

  static JsonNode warning(JsonNode answer, String code) {
    return answer
        .get("warnings")
        .valueStream()
        .filter(w -> w.get("code").asString().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " warning in " + answer));
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  @Test
  void aStoneWithoutMeasurementsIsPricedByAModelThatLearnedWithoutThem() throws Exception {
    Answer bare = post("/api/v1/predictions", BARE);

    assertThat(bare.status()).as("%s", bare.body()).isEqualTo(200);
    JsonNode model = bare.body().get("model");
    assertThat(model.get("featureSet").asString()).isEqualTo("four-cs");
    assertThat(model.get("id").asLong())
        .isEqualTo(registry.champion(FeatureSet.FOUR_CS).orElseThrow().id());
    assertThat(strings(bare.body().get("features")))
        .containsExactly("carat", "cut", "color", "clarity");
    JsonNode missing = warning(bare.body(), "measurements-missing");
    assertThat(missing.get("field").asString()).isEqualTo("depth,table,x,y,z");
    assertThat(missing.get("message").asString())
        .contains("priced from carat, cut, color and clarity only");
    assertThat(bare.body().get("intervals")).hasSize(2);

    // the same stone measured: every feature's champion, a price of the same order
    Answer measured = post("/api/v1/predictions", STONE);
    assertThat(measured.body().get("model").get("featureSet").asString()).isEqualTo("all");
    assertThat(codes(measured.body())).doesNotContain("measurements-missing");
    double ratio = bare.body().get("price").asDouble() / measured.body().get("price").asDouble();
    assertThat(ratio).isBetween(0.75, 1.33);
  }

  @Test
  void someMeasurementsMissingAreNamedAndNoModelReadsThem() throws Exception {
    Answer a = post("/api/v1/predictions", STONE.replace(", \"depth\": 61.8", ""));

    assertThat(a.status()).isEqualTo(200);
    assertThat(warning(a.body(), "measurements-missing").get("field").asString())
        .isEqualTo("depth");
    assertThat(strings(a.body().get("features"))).doesNotContain("depth");
  }

  @Test
  void aTypeAskedForPricesWithItsModelOfTheFeaturesGiven() throws Exception {
    Answer a = post("/api/v1/predictions?model=xgboost-log", BARE);

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("model").get("type").asString()).isEqualTo("xgboost-log");
    assertThat(a.body().get("model").get("featureSet").asString()).isEqualTo("four-cs");
  }

  @Test
  void aBatchMixingStonesWithAndWithoutMeasurementsPricesEachWithItsOwnModel() throws Exception {
    Answer a =
        post(
            "/api/v1/predictions/batch",
            "{\"diamonds\": [" + STONE + ", " + BARE + ", " + STONE + "]}");

    assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
    JsonNode items = a.body().get("items");
    assertThat(items.get(0).get("model").get("featureSet").asString()).isEqualTo("all");
    assertThat(items.get(1).get("model").get("featureSet").asString()).isEqualTo("four-cs");
    assertThat(items.get(2).get("model").get("id").asLong())
        .isEqualTo(items.get(0).get("model").get("id").asLong());
    assertThat(codes(items.get(1))).contains("measurements-missing");
    assertThat(a.body().get("model").get("id").asLong())
        .as("the first item's")
        .isEqualTo(items.get(0).get("model").get("id").asLong());

    // each prediction on record names the model that priced it
    JdbcClient jdbc = JdbcClient.create(dataSource);
    String bareId = items.get(1).get("predictionId").asString();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (jdbc.sql("select count(*) from prediction where prediction_id = ?")
                .param(bareId)
                .query(Long.class)
                .single()
            == 0
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Map<String, Object> row =
        jdbc.sql("select model_id, depth from prediction where prediction_id = ?")
            .param(bareId)
            .query()
            .singleRow();
    assertThat(((Number) row.get("model_id")).longValue())
        .isEqualTo(items.get(1).get("model").get("id").asLong());
    assertThat(row.get("depth")).isNull();
  }

  @Test
  void aRareStoneIsWarnedAndItsRangeSaysWhereItIsNotCalibrated() throws Exception {
    String rare =
        "{\"carat\": 3.0, \"cut\": \"Ideal\", \"color\": \"D\", \"clarity\": \"IF\","
            + " \"depth\": 61.5, \"table\": 56.0, \"x\": 9.3, \"y\": 9.35, \"z\": 5.73}";
    Answer a = post("/api/v1/predictions?explain=true", rare);

    assertThat(a.status()).isEqualTo(200);
    JsonNode few = warning(a.body(), "few-comparables");
    assertThat(few.get("field").asString()).isEqualTo("carat");
    assertThat(few.get("message").asString())
        .contains("no training stone is Ideal, D and IF within 20% of 3 ct");
    assertThat(codes(a.body())).contains("above-dearest-of-grades");
    for (JsonNode i : a.body().get("intervals")) {
      assertThat(i.get("calibrated").asBoolean()).isFalse();
    }
  }

  @Test
  void anOrdinaryStoneHasACalibratedRangeAndNoDoubt() throws Exception {
    Answer a = post("/api/v1/predictions", STONE);

    assertThat(a.status()).isEqualTo(200);
    assertThat(codes(a.body())).isEmpty();
    for (JsonNode i : a.body().get("intervals")) {
      assertThat(i.get("calibrated").asBoolean()).isTrue();
    }
  }

  @Test
  void theRegistryShowsEachModelsFeatureSetAndItsCoverageBySegment() throws Exception {
    ModelEntry fourCs = registry.champion(FeatureSet.FOUR_CS).orElseThrow();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/models/" + fourCs.id()))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode m = JSON.readTree(r.body());

    assertThat(m.get("featureSet").asString()).isEqualTo("four-cs");
    assertThat(m.get("champion").asBoolean()).isTrue();
    assertThat(m.get("servedRows").asInt()).isEqualTo(4989);
    JsonNode oof = m.get("coverage").get("outOfFold");
    assertThat(oof.get("rows").asInt()).isEqualTo(4989);
    List<String> segments = new ArrayList<>();
    oof.get("segments").forEach(s -> segments.add(s.get("kind") + "=" + s.get("level")));
    assertThat(segments).contains("\"clarity\"=\"I1\"", "\"carat\"=\">=2\"", "\"cut\"=\"Fair\"");
    assertThat(m.get("coverage").get("test").get("rows").asInt()).isEqualTo(998);
  }

  @Nested
  class Refusals {

    @Test
    void aModelOfEveryFeatureAskedForByIdNamesTheMeasurementItLacks() throws Exception {
      long every = registry.champion(FeatureSet.ALL).orElseThrow().id();
      if (!registry.get(every).type().equals("xgboost-log")) {
        every =
            registry.list().stream()
                .filter(e -> e.type().equals("xgboost-log") && e.featureSet() == FeatureSet.ALL)
                .findFirst()
                .orElseThrow()
                .id();
      }
      Answer a = post("/api/v1/predictions?modelId=" + every, BARE);

      assertThat(a.status()).isEqualTo(422);
      assertThat(a.body().get("code").asString()).isEqualTo("missing-feature");
      assertThat(a.body().get("field").asString()).isEqualTo("depth");

      Answer batch =
          post(
              "/api/v1/predictions/batch?modelId=" + every,
              "{\"diamonds\": [" + STONE + ", " + BARE + "]}");
      assertThat(batch.status()).isEqualTo(422);
      assertThat(batch.body().get("field").asString()).isEqualTo("diamonds[1].depth");
    }

    @Test
    void anUnknownFeatureSetInTheHistoryIsRefusedWithTheAllowedValues() throws Exception {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://localhost:"
                              + port
                              + "/api/v1/models/champion/history?featureSet=five-cs"))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode p = JSON.readTree(r.body());
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(p.get("field").asString()).isEqualTo("featureSet");
      assertThat(strings(p.get("allowedValues"))).containsExactly("all", "four-cs");
    }
  }
}
