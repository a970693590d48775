package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.training.TrainingPipeline;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training and registry API end to end over HTTP, on a real database: upload, follow the run,
 * inspect and download the models, promote and roll back; and every refusal as problem+json.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.training.trials=3",
      "diamonds.admin-token=" + TrainingApiIntegrationTests.ADMIN_TOKEN,
      "diamonds.upload.max-size=1MB"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TrainingApiIntegrationTests {

  static final String ADMIN_TOKEN = "web-suite-admin-token";
  static final String RUNS = "/api/v1/training-runs";
  static final String MODELS = "/api/v1/models";
  static final String HEADER = "carat,cut,color,clarity,depth,table,price,x,y,z\n";
  static final Duration RUN_TIMEOUT = Duration.ofSeconds(240);

  /** What must never reach a client: stack frames, exception or package-qualified class names. */
  static final Pattern INTERNALS =
      Pattern.compile(
          "(?i)exception|\\tat |\\bat [a-z]+\\.[a-z]|java\\.|javax\\.|jakarta\\.|com\\.diamondpricing"
              + "|org\\.springframework|tools\\.jackson|com\\.fasterxml|org\\.postgresql|sqlite");

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;

  RestClient http;

  @BeforeEach
  void client() {
    http =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
            .build();
  }

  // ---- the happy paths

  @Test
  @Order(1) // expects an empty database: runs before the other tests of the suite
  void anUploadTrainsAModelThatCanBeInspectedDownloadedPromotedAndRolledBack() throws Exception {
    Answer noData = postJson(RUNS, "{}");
    assertProblem(noData, 409, "no-data");
    JsonNode none = get("/api/v1/datasets/current").json();
    assertThat(none.get("rows").asLong()).isZero();
    assertThat(none.get("snapshotId").isNull()).isTrue();

    Answer upload = upload(bundled(), "diamonds.csv", "models", "linear");
    assertThat(upload.status()).isEqualTo(202);
    long runId = upload.json().get("id").asLong();
    assertThat(upload.headers().getLocation()).isEqualTo(URI.create(RUNS + "/" + runId));
    assertThat(upload.json().get("status").asString()).isIn("queued", "running", "succeeded");
    assertThat(upload.json().get("trigger").asString()).isEqualTo("api");
    assertThat(strings(upload.json().get("modelTypes"))).containsExactly("linear");
    JsonNode dataset = upload.json().get("dataset");
    assertThat(dataset.get("reused").asBoolean()).isFalse();
    assertThat(dataset.get("report").get("rowsKept").asLong()).isEqualTo(4989);
    long snapshotId = dataset.get("snapshotId").asLong();
    assertThat(upload.json().get("snapshotId").asLong()).isEqualTo(snapshotId);

    JsonNode run = awaitRun(upload.headers().getLocation().toString());
    assertThat(run.get("startedAt").isNull()).isFalse();
    assertThat(run.get("finishedAt").isNull()).isFalse();
    assertThat(run.get("error").isNull()).isTrue();
    assertThat(run.get("progress").get("model").asInt()).isEqualTo(1);
    assertThat(run.get("progress").get("models").asInt()).isEqualTo(1);
    assertThat(run.get("progress").get("currentModel").asString()).isEqualTo("linear");
    assertThat(run.get("outcomes").size()).isEqualTo(1);
    JsonNode outcome = run.get("outcomes").get(0);
    long linearV1 = outcome.get("modelId").asLong();
    assertThat(outcome.get("type").asString()).isEqualTo("linear");
    assertThat(outcome.get("version").asInt()).isEqualTo(1);
    assertThat(outcome.get("testMae").asDouble()).isCloseTo(561.5414, within(0.001));
    assertThat(outcome.get("promoted").asBoolean()).isTrue();
    assertThat(outcome.get("reason").asString()).contains("first model");
    assertThat(outcome.get("href").asString()).isEqualTo(MODELS + "/" + linearV1);

    Answer models = get(MODELS);
    assertThat(models.status()).isEqualTo(200);
    assertThat(models.json().size()).isEqualTo(1);
    JsonNode listed = models.json().get(0);
    assertThat(listed.get("id").asLong()).isEqualTo(linearV1);
    assertThat(listed.get("champion").asBoolean()).isTrue();
    assertThat(listed.get("snapshotId").asLong()).isEqualTo(snapshotId);
    assertThat(listed.get("runId").asLong()).isEqualTo(runId);
    assertThat(listed.get("nTrain").asInt()).isEqualTo(3991);
    assertThat(listed.get("nTest").asInt()).isEqualTo(998);
    assertThat(listed.get("test").get("r2").asDouble()).isCloseTo(0.905388, within(1e-5));
    assertThat(listed.get("test").get("mae").asDouble()).isCloseTo(561.5414, within(0.001));
    assertThat(listed.get("test").has("rmse")).isTrue();
    assertThat(listed.get("test").has("mape")).isTrue();
    assertThat(listed.has("createdAt")).isTrue();
    assertThat(listed.has("provenance")).isFalse();

    Answer detail = get(MODELS + "/" + linearV1);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.json().get("champion").asBoolean()).isTrue();
    assertThat(detail.json().get("parameters").isObject()).isTrue();
    assertThat(detail.json().get("libraries").isObject()).isTrue();
    assertThat(detail.json().get("provenance").isObject()).isTrue();
    assertThat(detail.json().get("trainingSeconds").asDouble()).isNotNegative();
    assertThat(detail.json().get("artifactMediaType").asString()).isNotBlank();

    ResponseEntity<byte[]> artifact =
        http.get().uri(MODELS + "/" + linearV1 + "/artifact").retrieve().toEntity(byte[].class);
    assertThat(artifact.getStatusCode().value()).isEqualTo(200);
    assertThat(artifact.getHeaders().getContentType())
        .isEqualTo(MediaType.parseMediaType(detail.json().get("artifactMediaType").asString()));
    assertThat(artifact.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"linear-v1.json\"");
    assertThat(JSON.readTree(artifact.getBody()).isObject()).isTrue();

    // the same data with the same settings again, from a JSON body: nothing trained, the model
    // registered before reported
    Answer same = postJson(RUNS, "{\"models\": [\"linear\"]}");
    assertThat(same.status()).isEqualTo(202);
    assertThat(same.json().get("snapshotId").asLong()).isEqualTo(snapshotId);
    assertThat(same.json().has("dataset")).isFalse();
    JsonNode sameOutcome = awaitRun(same.headers().getLocation().toString()).get("outcomes").get(0);
    assertThat(sameOutcome.get("existing").asBoolean()).isTrue();
    assertThat(sameOutcome.get("modelId").asLong()).isEqualTo(linearV1);
    assertThat(get(MODELS).json().size()).isEqualTo(1);

    // a second run on the current data with other settings: equal, so not promoted
    Answer again = postJson(RUNS, "{\"models\": [\"linear\"], \"trials\": 2}");
    assertThat(again.status()).isEqualTo(202);
    JsonNode second = awaitRun(again.headers().getLocation().toString());
    JsonNode secondOutcome = second.get("outcomes").get(0);
    long linearV2 = secondOutcome.get("modelId").asLong();
    assertThat(secondOutcome.get("version").asInt()).isEqualTo(2);
    assertThat(secondOutcome.get("existing").asBoolean()).isFalse();
    assertThat(secondOutcome.get("promoted").asBoolean()).isFalse();

    Answer runs = get(RUNS);
    assertThat(runs.status()).isEqualTo(200);
    assertThat(ids(runs.json()))
        .containsExactly(second.get("id").asLong(), same.json().get("id").asLong(), runId);
    assertThat(ids(get(RUNS + "?limit=1").json())).containsExactly(second.get("id").asLong());

    // promotion by hand, then a rollback, then a promotion that changes nothing
    Answer promoted =
        postJson(MODELS + "/" + linearV2 + "/promote", "{\"reason\": \"trying the new one\"}");
    assertThat(promoted.status()).isEqualTo(200);
    assertThat(promoted.json().get("changed").asBoolean()).isTrue();
    assertThat(promoted.json().get("alias").asString()).isEqualTo("champion");
    assertThat(promoted.json().get("fromModelId").asLong()).isEqualTo(linearV1);
    assertThat(promoted.json().get("toModelId").asLong()).isEqualTo(linearV2);
    assertThat(promoted.json().get("reason").asString()).isEqualTo("trying the new one");
    assertThat(promoted.json().get("changedAt").isNull()).isFalse();
    assertThat(champions(get(MODELS).json())).containsExactly(linearV2);

    Answer rollback = post(MODELS + "/" + linearV1 + "/promote");
    assertThat(rollback.status()).isEqualTo(200);
    assertThat(rollback.json().get("changed").asBoolean()).isTrue();
    assertThat(rollback.json().get("reason").asString()).isEqualTo("promoted by hand");
    assertThat(get(MODELS + "/" + linearV1).json().get("champion").asBoolean()).isTrue();

    Answer unchanged = post(MODELS + "/" + linearV1 + "/promote");
    assertThat(unchanged.status()).isEqualTo(200);
    assertThat(unchanged.json().get("changed").asBoolean()).isFalse();

    Answer history = get(MODELS + "/champion/history");
    assertThat(history.status()).isEqualTo(200);
    JsonNode moves = history.json();
    assertThat(moves.size()).isEqualTo(3);
    assertThat(moves.get(0).get("fromModelId").isNull()).isTrue();
    assertThat(moves.get(0).get("toModelId").asLong()).isEqualTo(linearV1);
    assertThat(moves.get(1).get("fromModelId").asLong()).isEqualTo(linearV1);
    assertThat(moves.get(1).get("toModelId").asLong()).isEqualTo(linearV2);
    assertThat(moves.get(1).get("reason").asString()).isEqualTo("trying the new one");
    assertThat(moves.get(2).get("fromModelId").asLong()).isEqualTo(linearV2);
    assertThat(moves.get(2).get("toModelId").asLong()).isEqualTo(linearV1);
    assertThat(moves.get(2).get("reason").asString()).isEqualTo("promoted by hand");
  }

  @Test
  @Order(2)
  void anUploadWithoutModelsTrainsEveryTypeAndAppendingAddsRows() throws Exception {
    // the first 400 diamonds, so that XGBoost's tuning takes a moment only
    byte[] head =
        String.join("\n", new String(bundled(), StandardCharsets.UTF_8).lines().limit(401).toList())
            .getBytes(StandardCharsets.UTF_8);
    int before = datasets.current().orElseThrow().rowsKept();
    Answer upload = upload(head, "head.csv", "trials", "2", "mode", "replace");
    assertThat(upload.status()).isEqualTo(202);
    assertThat(upload.json().get("dataset").get("mode").asString()).isEqualTo("replace");
    assertThat(upload.json().get("dataset").get("previousRows").asLong()).isEqualTo(before);
    assertThat(upload.json().get("dataset").get("rows").asLong()).isEqualTo(399);
    assertThat(strings(upload.json().get("modelTypes")))
        .containsExactly("linear", "xgboost", "xgboost-log");
    JsonNode run = awaitRun(upload.headers().getLocation().toString());
    assertThat(run.get("options").get("trials").asInt()).isEqualTo(2);
    // linear, then each tree type on every feature and on the four Cs
    assertThat(run.get("progress").get("models").asInt()).isEqualTo(5);
    assertThat(run.get("progress").get("model").asInt()).isEqualTo(5);
    assertThat(run.get("progress").get("currentModel").asString())
        .isEqualTo("xgboost-log (four-cs)");
    assertThat(run.get("progress").get("trial").asInt()).isEqualTo(2);
    assertThat(run.get("progress").get("trials").asInt()).isEqualTo(2);
    assertThat(run.get("progress").get("bestValidationMae").asDouble()).isPositive();
    assertThat(run.get("outcomes").size()).isEqualTo(5);
    List<String> variants = new ArrayList<>();
    run.get("outcomes")
        .forEach(
            o -> variants.add(o.get("type").asString() + "/" + o.get("featureSet").asString()));
    assertThat(variants)
        .containsExactly(
            "linear/all",
            "xgboost/all",
            "xgboost/four-cs",
            "xgboost-log/all",
            "xgboost-log/four-cs");
    long xgboost = run.get("outcomes").get(1).get("modelId").asLong();
    JsonNode xgb = get(MODELS + "/" + xgboost).json();
    assertThat(xgb.get("type").asString()).isEqualTo("xgboost");
    assertThat(xgb.get("provenance").get("trials").size()).isEqualTo(2);
    assertThat(xgb.get("validation").isObject()).isTrue();
    assertThat(xgb.get("servedRows").asInt()).isEqualTo(399);
    assertThat(xgb.get("coverage").get("outOfFold").get("rows").asInt()).isEqualTo(399);
    assertThat(xgb.get("coverage").get("test").get("rows").asInt()).isEqualTo(80);
    assertThat(xgb.get("intervals").get(0).get("method").asString()).isEqualTo("cross-conformal");
    assertThat(champions(get(MODELS).json())).as("one per feature set").hasSize(2);

    int rows = datasets.current().orElseThrow().rowsKept();
    String more = HEADER + "0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n";
    Answer append =
        upload(more.getBytes(StandardCharsets.UTF_8), "more.csv", "mode", "append", "models", "x");
    assertProblem(append, 400, "invalid-parameter");
    append =
        upload(
            more.getBytes(StandardCharsets.UTF_8),
            "more.csv",
            "mode",
            "APPEND",
            "models",
            "linear");
    assertThat(append.status()).isEqualTo(202);
    assertThat(append.json().get("dataset").get("report").get("rowsRead").asLong()).isEqualTo(1);
    JsonNode appended = awaitRun(append.headers().getLocation().toString());
    assertThat(appended.get("snapshotId").asLong())
        .isEqualTo(datasets.current().orElseThrow().id());
    assertThat(datasets.current().orElseThrow().rowsKept()).isEqualTo(rows + 1);
  }

  @Test
  @Order(3)
  void anUploadIsAddedToTheCurrentDataByDefaultAndEveryDroppedRowIsReported() throws Exception {
    int before = datasets.current().orElseThrow().rowsKept();
    String csv =
        HEADER
            + "0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n"
            + "0.51,Ideal,E,VS1,61.5,55,-1,5.1,5.12,3.15\n"
            + "0.52,Ideal,E,VS1,61.5,55,1550,5.15,5.16,3.17\n"
            + "0.53,Ideal,E,VS1,61.5,55,1600,0,5.2,3.2\n"
            + "0.54,Ideal,E,VS1,61.5,55,1650,5.2,5.22,3.21\n";

    Answer upload = upload(csv.getBytes(StandardCharsets.UTF_8), "sold.csv", "models", "linear");

    assertThat(upload.status()).isEqualTo(202);
    JsonNode dataset = upload.json().get("dataset");
    assertThat(dataset.get("mode").asString()).isEqualTo("append");
    assertThat(dataset.get("previousRows").asLong()).isEqualTo(before);
    assertThat(dataset.get("rows").asLong()).isEqualTo(before + 3);
    JsonNode report = dataset.get("report");
    assertThat(report.get("rowsKept").asLong()).isEqualTo(3);
    assertThat(report.get("rowsDropped").asLong()).isEqualTo(2);
    JsonNode price = report.get("droppedRows").get(0);
    assertThat(price.get("line").asLong()).isEqualTo(3);
    assertThat(price.get("rule").asString()).isEqualTo("price <= 0");
    assertThat(price.get("column").asString()).isEqualTo("price");
    assertThat(price.get("value").asString()).isEqualTo("-1");
    assertThat(price.get("message").asString())
        .isEqualTo("price -1 is not above 0: a price must be positive (price <= 0)");
    JsonNode zero = report.get("droppedRows").get(1);
    assertThat(zero.get("line").asLong()).isEqualTo(5);
    assertThat(zero.get("rule").asString()).isEqualTo("x * y * z == 0");
    assertThat(zero.get("column").asString()).isEqualTo("x");
    assertThat(datasets.current().orElseThrow().rowsKept()).isEqualTo(before + 3);
    // the report is kept with the snapshot too
    assertThat(datasets.current().orElseThrow().qualityReport().droppedRows()).hasSize(2);
    // what a replace would replace, open to read (the runs page asks with it)
    var anonymous =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/datasets/current"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(200);
    JsonNode current = JSON.readTree(anonymous.body());
    assertThat(current.get("rows").asLong()).isEqualTo(before + 3);
    assertThat(current.get("snapshotId").asLong()).isEqualTo(dataset.get("snapshotId").asLong());
    assertThat(current.get("mode").asString()).isEqualTo("append");
  }

  // ---- the refusals

  abstract class BadDataTests {

    @Test
    void aBadCsvIsRejectedWholeWithItsReportAndNothingIsStored() {
      int snapshots = datasets.list().size();
      int runs = pipeline.list(500).size();
      String csv =
          HEADER
              + "0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n"
              + "abc,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n"
              + "0.7,Ideal,Q,VS1,61.5,55,1500,5.1,5.12,3.15\n";
      Answer answer = upload(csv.getBytes(StandardCharsets.UTF_8), "bad.csv");
      JsonNode problem = assertProblem(answer, 422, "dataset-rejected");
      JsonNode report = problem.get("report");
      assertThat(report.get("accepted").asBoolean()).isFalse();
      assertThat(report.get("rejection").asString()).contains("malformed");
      assertThat(problem.get("detail").asString()).contains(report.get("rejection").asString());
      assertThat(report.get("problems").size()).isEqualTo(2);
      JsonNode first = report.get("problems").get(0);
      assertThat(first.get("line").asLong()).isEqualTo(3);
      assertThat(first.get("column").asString()).isEqualTo("carat");
      assertThat(first.get("value").asString()).isEqualTo("abc");
      assertThat(first.get("message").asString()).isNotBlank();
      JsonNode second = report.get("problems").get(1);
      assertThat(second.get("line").asLong()).isEqualTo(4);
      assertThat(second.get("column").asString()).isEqualTo("color");
      assertThat(datasets.list()).hasSize(snapshots);
      assertThat(pipeline.list(500)).hasSize(runs);
    }

    @Test
    void anEmptyFileOrANonCsvFileIsRejected() {
      int snapshots = datasets.list().size();
      assertProblem(upload(new byte[0], "empty.csv"), 422, "dataset-rejected");
      assertProblem(
          upload("just some text\n".getBytes(StandardCharsets.UTF_8), "notes.txt"),
          422,
          "dataset-rejected");
      assertThat(datasets.list()).hasSize(snapshots);
    }

    @Test
    void anUploadWithoutAFileIsRefused() {
      MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("models", "linear");
      Answer answer =
          answer(
              http.post()
                  .uri(RUNS)
                  .contentType(MediaType.MULTIPART_FORM_DATA)
                  .body(parts)
                  .retrieve()
                  .toEntity(String.class));
      JsonNode problem = assertProblem(answer, 400, "missing-parameter");
      assertThat(problem.get("field").asString()).isEqualTo("file");
    }

    @Test
    void anUploadAboveTheLimitIsRefusedWith413() {
      byte[] big = new byte[1536 * 1024];
      java.util.Arrays.fill(big, (byte) 'a');
      assertProblem(upload(big, "big.csv"), 413, "upload-too-large");
    }
  }

  abstract class BadParameterTests {

    @Test
    void anUnknownModelTypeIsRefusedNamingTheAllowedValues() throws Exception {
      int snapshots = datasets.list().size();
      int runs = pipeline.list(500).size();
      JsonNode upload =
          assertProblem(
              upload(bundled(), "diamonds.csv", "models", "linear,forest"),
              400,
              "invalid-parameter");
      assertThat(upload.get("field").asString()).isEqualTo("models");
      assertThat(strings(upload.get("allowedValues")))
          .containsExactly("linear", "xgboost", "xgboost-log");
      assertThat(upload.get("detail").asString())
          .contains("forest")
          .contains("allowed values: linear, xgboost");

      JsonNode json =
          assertProblem(postJson(RUNS, "{\"models\": [\"forest\"]}"), 400, "invalid-parameter");
      assertThat(json.get("field").asString()).isEqualTo("models");
      assertThat(strings(json.get("allowedValues")))
          .containsExactly("linear", "xgboost", "xgboost-log");
      assertThat(datasets.list()).hasSize(snapshots);
      assertThat(pipeline.list(500)).hasSize(runs);
    }

    @Test
    void anUnknownModeIsRefusedNamingTheAllowedValues() throws Exception {
      JsonNode problem =
          assertProblem(
              upload(bundled(), "diamonds.csv", "mode", "merge"), 400, "invalid-parameter");
      assertThat(problem.get("field").asString()).isEqualTo("mode");
      assertThat(strings(problem.get("allowedValues"))).containsExactly("append", "replace");
    }

    @Test
    void badTrialsAreRefused() throws Exception {
      JsonNode zero = assertProblem(postJson(RUNS, "{\"trials\": 0}"), 400, "invalid-parameter");
      assertThat(zero.get("field").asString()).isEqualTo("trials");
      JsonNode text =
          assertProblem(
              upload(bundled(), "diamonds.csv", "trials", "many"), 400, "invalid-parameter");
      assertThat(text.get("field").asString()).isEqualTo("trials");
    }

    @Test
    void anUnknownSnapshotIsRefused() {
      JsonNode problem =
          assertProblem(postJson(RUNS, "{\"snapshotId\": 999999}"), 400, "invalid-parameter");
      assertThat(problem.get("field").asString()).isEqualTo("snapshotId");
    }

    @Test
    void aLimitOutsideOneTo500IsRefused() {
      for (String limit : List.of("0", "501", "-1", "many")) {
        JsonNode problem = assertProblem(get(RUNS + "?limit=" + limit), 400, "invalid-parameter");
        assertThat(problem.get("field").asString()).isEqualTo("limit");
      }
      assertThat(get(RUNS + "?limit=500").status()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsRefused() {
      JsonNode syntax = assertProblem(postJson(RUNS, "{\"models\": ["), 400, "malformed-json");
      assertThat(syntax.get("detail").asString()).contains("not valid JSON");
      JsonNode type =
          assertProblem(postJson(RUNS, "{\"trials\": \"many\"}"), 400, "invalid-parameter");
      assertThat(type.get("field").asString()).isEqualTo("trials");
      assertThat(type.get("detail").asString()).contains("integer");
      JsonNode shape =
          assertProblem(postJson(RUNS, "{\"snapshotId\": {\"a\": 1}}"), 400, "invalid-parameter");
      assertThat(shape.get("field").asString()).isEqualTo("snapshotId");
      assertProblem(postJson(MODELS + "/1/promote", "{\"reason\": "), 400, "malformed-json");
    }

    @Test
    void anUnsupportedContentTypeIsRefused() {
      Answer answer =
          answer(
              http.post()
                  .uri(RUNS)
                  .contentType(MediaType.TEXT_PLAIN)
                  .body("carat,cut")
                  .retrieve()
                  .toEntity(String.class));
      JsonNode problem = assertProblem(answer, 415, "unsupported-media-type");
      assertThat(strings(problem.get("allowedValues")))
          .contains("multipart/form-data", "application/json");
    }
  }

  abstract class NotFoundTests {

    @Test
    void anUnknownRunIsA404() {
      JsonNode problem = assertProblem(get(RUNS + "/999999"), 404, "run-not-found");
      assertThat(problem.get("detail").asString()).contains("999999");
      assertThat(problem.get("instance").asString()).isEqualTo(RUNS + "/999999");
    }

    @Test
    void anUnknownModelIsA404Everywhere() {
      assertProblem(get(MODELS + "/999999"), 404, "model-not-found");
      assertProblem(get(MODELS + "/999999/artifact"), 404, "model-not-found");
      assertProblem(post(MODELS + "/999999/promote"), 404, "model-not-found");
    }

    @Test
    void unknownAddressesAndMethodsAreProblemsToo() {
      assertProblem(get(MODELS + "/champion"), 404, "not-found");
      assertProblem(get(RUNS + "/abc"), 404, "not-found");
      assertProblem(get("/api/v1/nothing-here"), 404, "not-found");
      Answer delete = answer(http.delete().uri(MODELS).retrieve().toEntity(String.class));
      JsonNode problem = assertProblem(delete, 405, "method-not-allowed");
      assertThat(strings(problem.get("allowedValues"))).contains("GET");
    }
  }

  // The failure groups are declared once above and made @Nested inside each concrete class: a
  // @Nested class declared in this abstract class would take its Spring configuration from this
  // class, without the database mix-in, and so start a third application context on ./var.

  // ---- helpers

  record Answer(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  static byte[] bundled() throws Exception {
    return Files.readAllBytes(Path.of("../data/diamonds.csv"));
  }

  Answer get(String uri) {
    return answer(http.get().uri(uri).retrieve().toEntity(String.class));
  }

  Answer post(String uri) {
    return answer(http.post().uri(uri).retrieve().toEntity(String.class));
  }

  Answer postJson(String uri, String json) {
    return answer(
        http.post()
            .uri(uri)
            .contentType(MediaType.APPLICATION_JSON)
            .body(json)
            .retrieve()
            .toEntity(String.class));
  }

  /** Uploads a file as the part {@code file}, with form fields given as name, value pairs. */
  Answer upload(byte[] file, String filename, String... fields) {
    HttpHeaders fileHeaders = new HttpHeaders();
    fileHeaders.setContentType(MediaType.parseMediaType("text/csv"));
    fileHeaders.setContentDisposition(
        ContentDisposition.formData().name("file").filename(filename).build());
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new HttpEntity<>(file, fileHeaders));
    for (int i = 0; i < fields.length; i += 2) {
      parts.add(fields[i], fields[i + 1]);
    }
    return answer(
        http.post()
            .uri(RUNS)
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(parts)
            .retrieve()
            .toEntity(String.class));
  }

  static Answer answer(ResponseEntity<String> response) {
    return new Answer(
        response.getStatusCode().value(),
        response.getHeaders(),
        response.getBody() == null ? "" : response.getBody());
  }

  /** Polls a run until it ends; it must have succeeded. */
  JsonNode awaitRun(String location) throws InterruptedException {
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (true) {
      Answer answer = get(location);
      assertThat(answer.status()).isEqualTo(200);
      JsonNode run = answer.json();
      String status = run.get("status").asString();
      if (!status.equals("queued") && !status.equals("running")) {
        assertThat(status)
            .as("run %s ended: %s", location, run.get("error"))
            .isEqualTo("succeeded");
        return run;
      }
      assertThat(System.nanoTime()).as("run %s still %s", location, status).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** Checks an RFC 9457 problem and that it shows nothing of the server's insides. */
  static JsonNode assertProblem(Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().getContentType())
        .as(answer.body())
        .isNotNull()
        .satisfies(
            t -> assertThat(t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    assertThat(INTERNALS.matcher(answer.body()).find()).as(answer.body()).isFalse();
    JsonNode problem = answer.json();
    assertThat(problem.get("type").asString())
        .isEqualTo("https://diamond-pricing.example/problems/" + code);
    assertThat(problem.get("code").asString()).isEqualTo(code);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
    assertThat(problem.has("trace")).isFalse();
    return problem;
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode n : array) {
      values.add(n.asString());
    }
    return values;
  }

  static List<Long> ids(JsonNode array) {
    List<Long> values = new ArrayList<>();
    for (JsonNode n : array) {
      values.add(n.get("id").asLong());
    }
    return values;
  }

  static List<Long> champions(JsonNode models) {
    List<Long> values = new ArrayList<>();
    for (JsonNode n : models) {
      if (n.get("champion").asBoolean()) {
        values.add(n.get("id").asLong());
      }
    }
    return values;
  }
}
