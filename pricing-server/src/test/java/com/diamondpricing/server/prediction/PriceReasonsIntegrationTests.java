package com.diamondpricing.server.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.support.SqliteDatabase;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.Trigger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A price with its reasons: 80% and 90% intervals, an explanation that adds up to the price to the
 * cent, warnings for a stone unlike the training diamonds, and no unusable price ever.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"diamonds.bootstrap=false", "diamonds.training.trials=3"})
class PriceReasonsIntegrationTests implements SqliteDatabase {

  static final String DIAMOND =
      "{\"carat\": 1.1, \"cut\": \"Ideal\", \"color\": \"H\", \"clarity\": \"SI2\","
          + " \"depth\": 62.0, \"table\": 55.0, \"x\": 6.61, \"y\": 6.65, \"z\": 4.11}";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  final HttpClient http = HttpClient.newHttpClient();

  @Autowired com.diamondpricing.server.registry.ModelRegistry registry;

  @BeforeEach
  void modelsOfEveryType() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
    if (registry.list().stream().noneMatch(m -> m.type().equals("xgboost-log"))) {
      long snapshot = datasets.current().orElseThrow().id();
      pipeline.runNow(
          new TrainingPipeline.RunRequest(snapshot, List.of("xgboost", "xgboost-log"), 3),
          Trigger.CLI,
          TrainingListener.NONE);
    }
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

  static double cents(JsonNode n) {
    return Math.round(n.asDouble() * 100);
  }

  @Test
  void everyPriceCarriesAnEightyAndANinetyPercentInterval() throws Exception {
    for (String type : List.of("linear", "xgboost", "xgboost-log")) {
      JsonNode a = post("/api/v1/predictions?model=" + type, DIAMOND).body();
      double price = a.get("price").asDouble();
      JsonNode intervals = a.get("intervals");
      assertThat(intervals).as(type).hasSize(2);
      assertThat(intervals.get(0).get("level").asDouble()).isEqualTo(0.8);
      assertThat(intervals.get(1).get("level").asDouble()).isEqualTo(0.9);
      for (JsonNode i : intervals) {
        assertThat(i.get("lower").asDouble()).as(type).isLessThan(price);
        assertThat(i.get("upper").asDouble()).as(type).isGreaterThan(price);
      }
      assertThat(intervals.get(1).get("lower").asDouble())
          .isLessThanOrEqualTo(intervals.get(0).get("lower").asDouble());
      assertThat(a.get("warnings")).isEmpty();
      assertThat(a.has("explanation")).isFalse();
    }
  }

  @Test
  void anExplanationAddsUpToThePriceToTheCentForEveryModelType() throws Exception {
    for (String type : List.of("linear", "xgboost", "xgboost-log")) {
      JsonNode a = post("/api/v1/predictions?explain=true&model=" + type, DIAMOND).body();
      JsonNode why = a.get("explanation");
      long total = (long) cents(why.get("baseline"));
      Set<String> features = new HashSet<>();
      for (var e : why.get("contributions").properties()) {
        total += (long) cents(e.getValue());
        features.add(e.getKey());
      }
      assertThat(total).as(type).isEqualTo((long) cents(a.get("price")));
      if (type.equals("linear")) {
        assertThat(features).containsExactlyInAnyOrder("carat", "cut", "color", "clarity", "x");
        assertThat(why.get("factors").size()).isEqualTo(5);
      } else {
        assertThat(features)
            .containsExactlyInAnyOrder(
                "carat", "cut", "color", "clarity", "depth", "table", "x", "y", "z");
      }
      assertThat(why.has("factors")).as(type).isEqualTo(!type.equals("xgboost"));
    }
  }

  @Test
  void theGroupedContributionsAddUpToThePriceWithSizeInParts() throws Exception {
    for (String type : List.of("linear", "xgboost", "xgboost-log")) {
      JsonNode a = post("/api/v1/predictions?explain=true&model=" + type, DIAMOND).body();
      JsonNode why = a.get("explanation");
      long total = (long) cents(why.get("baseline"));
      List<String> labels = new java.util.ArrayList<>();
      for (JsonNode g : why.get("grouped")) {
        total += (long) cents(g.get("contribution"));
        labels.add(g.get("label").asString());
        long parts = 0;
        for (JsonNode p : g.get("parts")) {
          parts += (long) cents(p.get("contribution"));
          assertThat(p.get("contribution").asDouble())
              .isEqualTo(why.get("contributions").get(p.get("feature").asString()).asDouble());
        }
        assertThat((long) cents(g.get("contribution"))).as(type).isEqualTo(parts);
      }
      assertThat(total).as(type).isEqualTo((long) cents(a.get("price")));
      JsonNode size = why.get("grouped").get(0);
      assertThat(size.get("group").asString()).isEqualTo("size");
      List<String> parts = new java.util.ArrayList<>();
      size.get("parts").forEach(p -> parts.add(p.get("label").asString()));
      if (type.equals("linear")) {
        assertThat(labels).containsExactly("Size", "Cut", "Colour", "Clarity");
        assertThat(parts).containsExactly("Carat", "length (x, mm)");
      } else {
        assertThat(labels)
            .containsExactly("Size", "Cut", "Colour", "Clarity", "Depth %", "Table %");
        assertThat(parts)
            .containsExactly("Carat", "length (x, mm)", "width (y, mm)", "depth (z, mm)");
      }
      assertThat(size.has("factor")).as(type).isEqualTo(!type.equals("xgboost"));
    }
  }

  @Test
  void aBatchExplainsEachDiamond() throws Exception {
    String small = DIAMOND.replace("1.1", "0.3").replace("6.61", "4.3");
    JsonNode a =
        post(
                "/api/v1/predictions/batch?explain=true&model=xgboost",
                "{\"diamonds\": [" + DIAMOND + "," + small + "]}")
            .body();
    assertThat(a.get("items")).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode item = a.get("items").get(i);
      assertThat(item.get("price").asDouble()).isEqualTo(a.get("prices").get(i).asDouble());
      assertThat(item.get("intervals")).hasSize(2);
      assertThat(item.get("explanation").get("contributions").size()).isEqualTo(9);
    }
  }

  @Test
  void aStoneHeavierThanAnyTrainingDiamondIsPricedWithAWarning() throws Exception {
    String heavy =
        DIAMOND
            .replace("1.1", "6.5")
            .replace("6.61", "12.4")
            .replace("6.65", "12.5")
            .replace("4.11", "7.7");
    JsonNode a = post("/api/v1/predictions?model=xgboost", heavy).body();
    assertThat(a.get("price").asDouble()).isPositive();
    assertThat(codes(a)).contains("outside-training-range");
    assertThat(a.get("warnings").toString()).contains("\"field\":\"carat\"");
  }

  @Test
  void gradesNeverSeenTogetherAreNamed() throws Exception {
    String unseen = firstUnseenGrades();
    JsonNode a =
        post(
                "/api/v1/predictions?model=xgboost",
                DIAMOND
                    .replace("\"Ideal\"", "\"" + unseen.split(",")[0] + "\"")
                    .replace("\"H\"", "\"" + unseen.split(",")[1] + "\"")
                    .replace("\"SI2\"", "\"" + unseen.split(",")[2] + "\""))
            .body();
    assertThat(codes(a)).contains("unseen-grade-combination");
  }

  @Test
  void aWeightThatDoesNotFitTheMeasurementsIsNamed() throws Exception {
    String dense = DIAMOND.replace("1.1", "3.0");
    JsonNode a = post("/api/v1/predictions?model=xgboost", dense).body();
    assertThat(codes(a)).contains("carat-volume-mismatch");
    // in words: what a stone that size weighs, not carat per cubic millimetre
    assertThat(a.get("warnings").toString())
        .contains("3 carat is too heavy for a stone of 6.61 x 6.65 x 4.11 mm")
        .doesNotContain("cubic");
  }

  @Nested
  class Limits {

    @Test
    void aMeasurementNoRealDiamondHasIsRefusedNamingTheField() throws Exception {
      Answer a = post("/api/v1/predictions?model=linear", DIAMOND.replace("6.61", "100"));
      assertThat(a.status()).isEqualTo(422);
      assertThat(a.body().get("field").asString()).isEqualTo("x");
    }

    @Test
    void noPriceIsEverNonFiniteZeroOrAbsurd() throws Exception {
      double[] carats = {0.01, 0.2, 5, 15, 30};
      double[] sizes = {0.5, 4, 12, 25, 40};
      for (String type : List.of("linear", "xgboost", "xgboost-log")) {
        for (double carat : carats) {
          for (double size : sizes) {
            String d =
                String.format(
                    java.util.Locale.ROOT,
                    "{\"carat\": %s, \"cut\": \"Fair\", \"color\": \"J\", \"clarity\": \"I1\","
                        + " \"depth\": 79, \"table\": 94, \"x\": %s, \"y\": %s, \"z\": %s}",
                    carat,
                    size,
                    size,
                    size);
            Answer a = post("/api/v1/predictions?model=" + type, d);
            if (a.status() == 200) {
              assertThat(a.body().get("price").asDouble())
                  .as("%s at %s carat, %s mm: %s", type, carat, size, a.body())
                  .isGreaterThanOrEqualTo(326 / 10.0)
                  .isLessThanOrEqualTo(10 * 18_823.0);
            } else {
              assertThat(a.status()).isEqualTo(422);
              assertThat(a.body().get("code").asString()).isEqualTo("unpriceable");
            }
          }
        }
      }
    }
  }

  static List<String> codes(JsonNode answer) {
    return answer.get("warnings").valueStream().map(w -> w.get("code").asString()).toList();
  }

  /** A cut, colour and clarity no row of the bundled data has together. */
  static String firstUnseenGrades() throws Exception {
    Set<String> seen = new HashSet<>();
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      seen.add(f[1] + "," + f[2] + "," + f[3]);
    }
    for (String cut : List.of("Fair", "Good", "Very Good", "Premium", "Ideal")) {
      for (String color : List.of("D", "E", "F", "G", "H", "I", "J")) {
        for (String clarity : List.of("I1", "SI2", "SI1", "VS2", "VS1", "VVS2", "VVS1", "IF")) {
          if (!seen.contains(cut + "," + color + "," + clarity)) {
            return cut + "," + color + "," + clarity;
          }
        }
      }
    }
    throw new IllegalStateException("every combination is in the data");
  }
}
