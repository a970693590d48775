package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document a client generates code from: a real title and licence, every tag described,
 * the admin token as a bearer scheme on exactly the admin operations, and the problem answers with
 * an example per status.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"diamonds.bootstrap=false", "diamonds.inbox.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentIntegrationTests {

  @LocalServerPort int port;
  JsonNode doc;

  @BeforeAll
  void fetch() throws Exception {
    byte[] request =
        ("GET /docs/openapi.json HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    RawHttp.Answer answer = RawHttp.send("localhost", port, request);
    assertThat(answer.status()).isEqualTo(200);
    doc = JsonMapper.builder().build().readTree(answer.text());
  }

  @Test
  void hasARealTitleDescriptionVersionAndLicence() {
    JsonNode info = doc.get("info");
    assertThat(info.get("title").asString()).isEqualTo("diamond-pricing API");
    assertThat(info.get("description").asString()).contains("problem", "admin token");
    assertThat(info.get("version").asString()).isNotBlank().isNotEqualTo("v0");
    assertThat(info.get("license").get("name").asString()).isNotBlank();
  }

  @Test
  void everyTagIsNamedAndDescribed() {
    Set<String> declared = new HashSet<>();
    for (JsonNode tag : doc.get("tags")) {
      assertThat(tag.get("description").asString()).isNotBlank();
      declared.add(tag.get("name").asString());
    }
    assertThat(declared)
        .contains("Predictions", "Similar diamonds", "Models", "Training runs", "Request log")
        .noneMatch(name -> name.endsWith("-controller"));
    for (JsonNode operation : operations()) {
      for (JsonNode tag : operation.get("tags")) {
        assertThat(declared).contains(tag.asString());
      }
    }
  }

  @Test
  void theAdminTokenIsABearerSchemeOnExactlyTheAdminOperations() {
    JsonNode scheme = doc.get("components").get("securitySchemes").get("adminToken");
    assertThat(scheme.get("type").asString()).isEqualTo("http");
    assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
    assertThat(secured("post", "/api/v1/models/{id}/promote")).isTrue();
    assertThat(secured("post", "/api/v1/training-runs")).isTrue();
    assertThat(secured("get", "/api/v1/request-log")).isTrue();
    assertThat(secured("get", "/api/v1/models/{id}/artifact")).isTrue();
    assertThat(secured("post", "/api/v1/predictions")).isFalse();
    assertThat(secured("get", "/api/v1/models")).isFalse();
    assertThat(secured("get", "/api/v1/training-runs")).isFalse();
    assertThat(
            doc.get("paths")
                .get("/api/v1/models/{id}/promote")
                .get("post")
                .get("responses")
                .has("401"))
        .isTrue();
  }

  @Test
  void everyOperationHasAStableMeaningfulIdAndTypedSuccessContent() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    doc.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          String key =
                              op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                          String id = op.getValue().get("operationId").asString();
                          assertThat(id).as(key).isEqualTo(OpenApiOperationIds.IDS.get(key));
                          assertThat(id).as(key).matches("[a-z][A-Za-z]+");
                          assertThat(ids.add(id)).as("%s is unique", id).isTrue();
                          assertThat(op.getValue().path("summary").asString(""))
                              .as("%s has a summary", key)
                              .isNotBlank();
                          op.getValue()
                              .get("responses")
                              .properties()
                              .forEach(
                                  r -> {
                                    if (r.getKey().startsWith("2") && r.getValue().has("content")) {
                                      assertThat(r.getValue().get("content").propertyNames())
                                          .as("%s answers %s", key, r.getKey())
                                          .isSubsetOf("application/json", "image/png");
                                    }
                                  });
                        }));
    assertThat(
            doc.get("paths").get("/api/v1/predictions").get("post").get("operationId").asString())
        .isEqualTo("pricePrediction");
  }

  @Test
  void startingARunIsDocumentedAsTheAcceptedItAnswers() {
    JsonNode responses = doc.get("paths").get("/api/v1/training-runs").get("post").get("responses");
    assertThat(responses.has("202")).isTrue();
    assertThat(responses.has("200")).isFalse();
  }

  @Test
  void closedSetsAreEnums() {
    JsonNode schemas = doc.get("components").get("schemas");
    java.util.List<String> statuses = new java.util.ArrayList<>();
    schemas
        .get("TrainingRunView")
        .get("properties")
        .get("status")
        .get("enum")
        .forEach(v -> statuses.add(v.asString()));
    assertThat(statuses)
        .containsExactlyInAnyOrderElementsOf(
            java.util.Arrays.stream(com.diamondpricing.server.training.RunStatus.values())
                .map(com.diamondpricing.server.training.RunStatus::value)
                .toList());
    assertThat(schemas.get("PriceWarning").get("properties").get("code").get("enum")).hasSize(8);
    for (JsonNode p : doc.get("paths").get("/api/v1/predictions").get("post").get("parameters")) {
      if (p.get("name").asString().equals("model")) {
        assertThat(p.get("schema").get("enum").toString())
            .contains("\"linear\"", "\"xgboost\"", "\"xgboost-log\"");
      }
    }
  }

  @Test
  void everyGuardedOperationNamesTheRoleItNeeds() {
    assertThat(role("post", "/api/v1/sales")).isEqualTo("sales");
    assertThat(role("post", "/api/v1/sales/{id}/corrections")).isEqualTo("sales");
    assertThat(role("get", "/api/v1/quotes")).isEqualTo("sales");
    assertThat(role("post", "/api/v1/models/{id}/promote")).isEqualTo("admin");
    assertThat(role("post", "/api/v1/keys")).isEqualTo("admin");
    assertThat(role("delete", "/api/v1/keys/{id}")).isEqualTo("admin");
    assertThat(role("post", "/api/v1/predictions")).isNull();
    JsonNode sales = doc.get("paths").get("/api/v1/sales").get("post");
    assertThat(sales.get("security").get(0).get("adminToken").toString())
        .contains("sales", "admin");
    assertThat(sales.get("description").asString()).startsWith("**Needs an API key with the sales");
    assertThat(sales.get("responses").has("403")).isTrue();
  }

  String role(String method, String path) {
    JsonNode op = doc.get("paths").get(path).get(method);
    return op.has("x-required-role") ? op.get("x-required-role").asString() : null;
  }

  @Test
  void anUploadAppendsByDefaultAndTheCurrentDataIsOpenToRead() {
    JsonNode mode = null;
    for (JsonNode p :
        doc.get("paths").get("/api/v1/training-runs").get("post").path("parameters")) {
      if (p.get("name").asString().equals("mode")) {
        mode = p;
      }
    }
    assertThat(mode).as("the upload's mode parameter").isNotNull();
    assertThat(mode.get("schema").get("default").asString()).isEqualTo("append");
    assertThat(mode.get("schema").toString()).contains("append", "replace");
    assertThat(mode.get("description").asString()).contains("append (default)");
    assertThat(secured("get", "/api/v1/datasets/current")).isFalse();
    JsonNode schemas = doc.get("components").get("schemas");
    assertThat(schemas.get("QualityReportView").get("properties").has("droppedRows")).isTrue();
    assertThat(schemas.get("Dropped").get("properties").get("rule").get("example").asString())
        .isEqualTo("price <= 0");
  }

  @Test
  void anExplanationComesGroupedInWordsWithExamples() {
    JsonNode schemas = doc.get("components").get("schemas");
    assertThat(schemas.get("ExplanationView").get("properties").has("grouped")).isTrue();
    JsonNode grouped = schemas.get("GroupedContribution").get("properties");
    assertThat(grouped.get("label").get("example").asString()).isEqualTo("Size");
    assertThat(grouped.has("parts")).isTrue();
    assertThat(schemas.get("Part").get("properties").get("label").get("example").asString())
        .isEqualTo("length (x, mm)");
  }

  @Test
  void problemsHaveASchemaAndAnExamplePerStatus() {
    JsonNode components = doc.get("components");
    assertThat(components.get("schemas").get("Problem").get("properties").has("code")).isTrue();
    for (int status : new int[] {400, 401, 404, 413, 415, 422, 429, 503}) {
      JsonNode media =
          components
              .get("responses")
              .get("Problem" + status)
              .get("content")
              .get("application/problem+json");
      assertThat(media).as("status %d", status).isNotNull();
      JsonNode first = media.get("examples").iterator().next().get("value");
      assertThat(first.get("status").asInt()).isEqualTo(status);
      assertThat(first.get("code").asString()).isNotBlank();
    }
    JsonNode predict = doc.get("paths").get("/api/v1/predictions").get("post").get("responses");
    assertThat(predict.has("400")).isTrue();
    assertThat(predict.has("422")).isTrue();
    assertThat(predict.has("503")).isTrue();
    assertThat(predict.has("401")).isFalse();
  }

  @Test
  void thePricingOperationsStateTheirLimitsAndTheir429() {
    for (String path : new String[] {"/api/v1/predictions", "/api/v1/predictions/batch"}) {
      JsonNode post = doc.get("paths").get(path).get("post");
      assertThat(post.get("responses").has("429")).as(path).isTrue();
      assertThat(post.get("description").asString())
          .as(path)
          .contains("**Limits**", "items a minute", "explained a request", "`rate-limited`");
    }
    JsonNode examples =
        doc.get("components")
            .get("responses")
            .get("Problem429")
            .get("content")
            .get("application/problem+json")
            .get("examples");
    assertThat(examples.has("rate-limited")).isTrue();
    assertThat(doc.get("paths").get("/api/v1/models").get("get").get("responses").has("429"))
        .isFalse();
  }

  private boolean secured(String method, String path) {
    JsonNode operation = doc.get("paths").get(path).get(method);
    assertThat(operation).as("%s %s", method, path).isNotNull();
    return operation.has("security") && operation.get("security").toString().contains("adminToken");
  }

  private List<JsonNode> operations() {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode path : doc.get("paths")) {
      for (JsonNode operation : path) {
        all.add(operation);
      }
    }
    return all;
  }
}
