package com.diamondpricing.server.cli;

import static com.diamondpricing.server.cli.CliRuns.BUNDLED;
import static com.diamondpricing.server.cli.CliRuns.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.DiamondsApplication;
import com.diamondpricing.server.cli.CliRuns.Run;
import com.diamondpricing.server.registry.ModelRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code diamonds train --engine spark}: the XGBoost model is tuned and fitted by pricing-spark's
 * job on a local Spark master ({@code local[2]}, two XGBoost workers), in a JVM of its own, then
 * registered through the pipeline like any other model, and served by a server started on the same
 * state folder. Needs the job built ({@code pricing-spark/target/job.args}; the root pom builds
 * pricing-spark before this module).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainOnSparkIntegrationTests {

  @TempDir static Path dir;
  static long modelId;

  static Path home() {
    return dir.resolve("home");
  }

  @Test
  @Order(1)
  void theClusterFitsTheModelAndTheRegistryKeepsItWithItsEngine() {
    Run r =
        in(
            home(),
            "train",
            "--engine",
            "spark",
            "--master",
            "local[2]",
            "--workers",
            "2",
            "--data",
            BUNDLED.toString(),
            "--models",
            "xgboost",
            "--trials",
            "3",
            "--json");

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode run = r.lastJson();
    assertThat(run.get("engine").asString()).isEqualTo("spark");
    assertThat(run.get("status").asString()).isEqualTo("succeeded");
    assertThat(run.get("rows").asInt()).isEqualTo(4989);
    JsonNode model = run.get("models").get(0);
    assertThat(model.get("type").asString()).isEqualTo("xgboost");
    assertThat(model.get("promoted").asBoolean()).isTrue();
    assertThat(r.err())
        .contains("Training xgboost on Spark (local[2], 2 XGBoost workers)")
        .contains("model 1/1 xgboost: trial 3/3");
    modelId = model.get("modelId").asLong();

    JsonNode shown = in(home(), "models", "show", String.valueOf(modelId), "--json").json();
    assertThat(shown.get("parameters").get("engine").asString()).isEqualTo("spark");
    assertThat(shown.get("parameters").get("spark_workers").asInt()).isEqualTo(2);
    assertThat(shown.get("libraries").toString()).contains("spark");
    assertThat(shown.get("nTrain").asInt()).isEqualTo(3991);
    assertThat(shown.get("nTest").asInt()).isEqualTo(998);
    assertThat(shown.get("test").get("mae").asDouble())
        .isCloseTo(model.get("testMae").asDouble(), within(1e-9));
    // the job's output folder is removed once the model is registered
    assertThat(home().resolve("spark").toFile().list()).isEmpty();
  }

  @Test
  @Order(2)
  void aServerOnTheSameStateServesTheSparkModelWithTheJavaTreeWalk() throws Exception {
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(DiamondsApplication.class)
            .run(
                "--diamonds.home=" + home(),
                "--server.port=0",
                "--diamonds.bootstrap=false",
                "--diamonds.inbox.enabled=false",
                "--spring.main.banner-mode=off")) {
      int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
      HttpClient http = HttpClient.newHttpClient();
      // ready once the champion is loaded (in the background, after the start)
      HttpRequest readiness =
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + "/actuator/health/readiness"))
              .build();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() != 200
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/predictions"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"carat\": 1.1, \"cut\": \"Ideal\", \"color\": \"H\","
                              + " \"clarity\": \"SI2\", \"depth\": 62.0, \"table\": 55.0,"
                              + " \"x\": 6.61, \"y\": 6.65, \"z\": 4.11}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonNode body = CliRuns.JSON.readTree(answer.body());
      assertThat(body.get("model").get("id").asLong()).isEqualTo(modelId);
      try (TrainedModel stored = server.getBean(ModelRegistry.class).load(modelId)) {
        double expected =
            stored.predict(
                new Diamond(1.1, Cut.IDEAL, Color.H, Clarity.SI2, 62.0, 55.0, 6.61, 6.65, 4.11));
        assertThat(body.get("price").asDouble()).isCloseTo(expected, within(0.01));
      }
    }
  }

  @Test
  @Order(3)
  void aJobThatFailsFailsTheRunKeepsTheChampionAndLeavesItsLog() throws Exception {
    Run r =
        in(
            home(),
            "train",
            "--engine",
            "spark",
            "--master",
            "nowhere",
            "--data",
            BUNDLED.toString(),
            "--models",
            "xgboost",
            "--trials",
            "1",
            "--json");

    assertThat(r.status()).as(r.err()).isEqualTo(4);
    JsonNode run = r.lastJson();
    assertThat(run.get("status").asString()).isEqualTo("failed");
    assertThat(run.get("errorCode").asString()).isEqualTo("training-failed");
    assertThat(run.get("error").asString()).contains("the Spark job failed with exit status");
    JsonNode models = in(home(), "models", "list", "--json").json();
    assertThat(models).hasSize(1);
    assertThat(models.get(0).get("id").asLong()).isEqualTo(modelId);
    assertThat(models.get(0).get("champion").asBoolean()).isTrue();
    try (Stream<Path> kept = Files.list(home().resolve("spark"))) {
      Path log = kept.findFirst().orElseThrow().resolve("job.log");
      assertThat(Files.readString(log)).contains("Could not parse Master URL");
    }
  }

  @Nested
  class Refused {

    @TempDir Path own;

    Run train(String... options) {
      String[] args = new String[options.length + 3];
      args[0] = "train";
      args[1] = "--data";
      args[2] = BUNDLED.toString();
      System.arraycopy(options, 0, args, 3, options.length);
      return in(own, args);
    }

    @Test
    void aMasterWithoutTheSparkEngine() {
      Run r = train("--master", "local[2]");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--master needs --engine spark");
      assertThat(own.resolve("diamonds.db")).doesNotExist();
    }

    @Test
    void anEngineThatDoesNotExist() {
      Run r = train("--engine", "hadoop");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--engine must be local or spark, not hadoop");
    }

    @Test
    void aModelTypeTheClusterDoesNotTrain() {
      Run r = train("--engine", "spark", "--models", "linear");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--models: the Spark engine trains xgboost, xgboost-log only");
    }

    @Test
    void appendingOnTheCluster() {
      Run r = train("--engine", "spark", "--append");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--append: the Spark engine trains on the file as it is");
    }
  }
}
