package com.diamondpricing.server.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.Trigger;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A champion whose stored artifact is damaged is said to be so (issue 22, row 9): the prices it
 * would give are a 503 {@code champion-unloadable} naming the model and why, and readiness is out
 * of service with the same reason, instead of "no-champion: the first training has not finished".
 * The champion poller is off: {@link ServingModels#refresh} is called where the poller's first turn
 * would load the champion at start.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.admin-token=secret-token",
      "diamonds.serving.enabled=false"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class UnloadableChampionIntegrationTests {

  static final String DIAMOND =
      "{\"carat\": 1.1, \"cut\": \"Ideal\", \"color\": \"H\", \"clarity\": \"SI2\","
          + " \"depth\": 62.0, \"table\": 55.0, \"x\": 6.61, \"y\": 6.65, \"z\": 4.11}";
  static final byte[] DAMAGED = "{\"format\": \"lin".getBytes(StandardCharsets.UTF_8);
  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired ModelRegistry registry;
  @Autowired DataSource dataSource;

  final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, String contentType, JsonNode body) {}

  @Test
  @Order(1)
  void aChampionDamagedWhileStoppedIsNamedWithItsReasonInA503AndInReadiness() throws Exception {
    long champion = trainLinear(2000);
    byte[] artifact = registry.artifact(champion);
    damage(champion, DAMAGED);

    serving.refresh(); // the poller's first turn at start

    Answer price = send(post("/api/v1/predictions", DIAMOND));
    assertThat(price.status()).isEqualTo(503);
    assertThat(price.contentType()).startsWith("application/problem+json");
    assertThat(price.body().get("code").asString()).isEqualTo("champion-unloadable");
    assertThat(price.body().get("modelId").asLong()).isEqualTo(champion);
    assertThat(price.body().get("detail").asString())
        .contains("model " + champion + " (linear v1)")
        .contains("its stored artifact is damaged (not a readable linear model)")
        .contains("promote another model")
        .doesNotContain("first training", "Exception", "{\"format");
    Answer batch = send(post("/api/v1/predictions/batch", "{\"diamonds\": [" + DIAMOND + "]}"));
    assertThat(batch.status()).isEqualTo(503);
    assertThat(batch.body().get("code").asString()).isEqualTo("champion-unloadable");

    Answer ready = send(get("/actuator/health/readiness").header("Authorization", admin()));
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.body().at("/components/servingModel/status").asString())
        .isEqualTo("OUT_OF_SERVICE");
    assertThat(ready.body().at("/components/servingModel/details/reason").asString())
        .contains("model " + champion + " (linear v1), cannot be loaded")
        .contains("its stored artifact is damaged (not a readable linear model)");

    damage(champion, artifact); // restored from a backup
    serving.refresh();
    assertThat(send(post("/api/v1/predictions", DIAMOND)).status()).isEqualTo(200);
    assertThat(send(get("/actuator/health/readiness")).status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void aDamagedModelPromotedWhileAnotherServesLeavesThatOneServingAndSaysWhy() throws Exception {
    long first = trainLinear(2000);
    serving.refresh();
    assertThat(serving.champion(FeatureSet.ALL).orElseThrow().entry().id()).isEqualTo(first);
    long second = trainLinear(3000);
    assertThat(second).isNotEqualTo(first);
    damage(second, DAMAGED);
    registry.moveAlias(ModelRegistry.championAlias(FeatureSet.ALL), second, "test: damaged");

    serving.refresh();

    Answer price = send(post("/api/v1/predictions", DIAMOND));
    assertThat(price.status()).isEqualTo(200);
    assertThat(price.body().at("/model/id").asLong()).isEqualTo(first);
    Answer ready = send(get("/actuator/health/readiness").header("Authorization", admin()));
    assertThat(ready.status()).isEqualTo(200);
    assertThat(
            ready.body().at("/components/servingModel/details/previousChampionServes").asString())
        .contains("model " + second + " (linear v2), cannot be loaded");
  }

  /** The linear model trained on the first {@code rows} rows of the bundled data: its id. */
  long trainLinear(int rows) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv"));
    String csv = String.join("\n", lines.subList(0, rows + 1)) + "\n";
    long snapshot =
        datasets
            .ingest(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "first-" + rows + ".csv",
                IngestMode.REPLACE)
            .snapshot()
            .id();
    pipeline.runNow(
        new TrainingPipeline.RunRequest(snapshot, List.of("linear"), null),
        Trigger.CLI,
        TrainingListener.NONE);
    return registry.list().stream()
        .filter(m -> m.type().equals("linear") && m.snapshotId() == snapshot)
        .filter(m -> m.featureSet() == FeatureSet.ALL)
        .findFirst()
        .orElseThrow()
        .id();
  }

  /**
   * Overwrites a model's stored artifact as damage from outside would: past the trigger that keeps
   * registry entries immutable (lifted for the one statement, as another tool would not have it).
   */
  void damage(long modelId, byte[] artifact) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      boolean sqlite = c.getMetaData().getURL().startsWith("jdbc:sqlite:");
      s.execute(
          sqlite
              ? "drop trigger model_is_immutable"
              : "alter table model disable trigger model_is_immutable");
      try (PreparedStatement update =
          c.prepareStatement("update model set artifact = ? where id = ?")) {
        update.setBytes(1, artifact);
        update.setLong(2, modelId);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      s.execute(
          sqlite
              ? "create trigger model_is_immutable before update on model begin select"
                  + " raise(abort, 'registry entries are never modified'); end"
              : "alter table model enable trigger model_is_immutable");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  static String admin() {
    return "Bearer secret-token";
  }

  Answer send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String type = r.headers().firstValue("Content-Type").orElse("");
    return new Answer(r.statusCode(), type, type.contains("json") ? JSON.readTree(r.body()) : null);
  }

  HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
  }
}
