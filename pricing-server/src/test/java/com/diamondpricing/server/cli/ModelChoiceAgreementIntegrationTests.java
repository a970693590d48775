package com.diamondpricing.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.cli.CliRuns.Run;
import com.diamondpricing.server.support.SqliteDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line and the API take and refuse the same model types and trial counts, with the same
 * words. Nothing trains: the API is asked for a snapshot that does not exist (refused after the
 * choice is checked), the command line for a file that does not exist (likewise).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.inbox.enabled=false",
      "diamonds.training.dispatch=false",
      "diamonds.admin-token=" + ModelChoiceAgreementIntegrationTests.ADMIN_TOKEN
    })
class ModelChoiceAgreementIntegrationTests implements SqliteDatabase {

  static final String ADMIN_TOKEN = "choice-agreement-admin-token";
  static final String NO_SUCH_FILE = "/nonexistent/diamonds.csv";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

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

  static Stream<Arguments> modelChoices() {
    return Stream.of(
        Arguments.of(List.of("Linear"), true),
        Arguments.of(List.of(" XGBOOST "), true),
        Arguments.of(List.of("linear", "Linear", "xgboost"), true),
        Arguments.of(List.of("forest"), false),
        Arguments.of(List.of("linear", "Forest"), false),
        Arguments.of(List.of("lin ear"), false));
  }

  @ParameterizedTest
  @MethodSource("modelChoices")
  void modelTypesAreTakenOrRefusedAlikeWithTheSameWords(List<String> models, boolean taken) {
    JsonNode api =
        apiRefusal("{\"snapshotId\": 999999, \"models\": " + JSON.writeValueAsString(models) + "}");
    Run train = CliRuns.run("train", "--data", NO_SUCH_FILE, "--models", String.join(",", models));
    Run evaluate =
        models.size() == 1
            ? CliRuns.run("evaluate", "--data", NO_SUCH_FILE, "--model", models.get(0))
            : null;

    assertThat(train.status()).isEqualTo(2);
    if (taken) {
      assertThat(api.get("field").asString()).isEqualTo("snapshotId");
      assertThat(firstLine(train)).startsWith("--data: no such file");
      if (evaluate != null) {
        assertThat(evaluate.status()).isEqualTo(2);
        assertThat(firstLine(evaluate)).startsWith("--data: no such file");
      }
    } else {
      assertThat(api.get("field").asString()).isEqualTo("models");
      assertThat(strings(api.get("allowedValues")))
          .containsExactly("linear", "xgboost", "xgboost-log");
      String detail = api.get("detail").asString();
      assertThat(detail).contains("allowed values: linear, xgboost");
      assertThat(firstLine(train)).isEqualTo("--models: " + detail);
      if (evaluate != null) {
        assertThat(evaluate.status()).isEqualTo(2);
        assertThat(firstLine(evaluate)).isEqualTo("--model: " + detail);
      }
    }
  }

  static Stream<Arguments> trialCounts() {
    return Stream.of(
        Arguments.of(1, true),
        Arguments.of(10_000, true),
        Arguments.of(0, false),
        Arguments.of(-3, false),
        Arguments.of(10_001, false));
  }

  @ParameterizedTest
  @MethodSource("trialCounts")
  void trialCountsAreTakenOrRefusedAlikeWithTheSameWords(int trials, boolean taken) {
    JsonNode api = apiRefusal("{\"snapshotId\": 999999, \"trials\": " + trials + "}");
    Run train = CliRuns.run("train", "--data", NO_SUCH_FILE, "--trials", String.valueOf(trials));
    Run evaluate =
        CliRuns.run(
            "evaluate", "--data", NO_SUCH_FILE, "--model", "linear", "--trials", "" + trials);

    assertThat(train.status()).isEqualTo(2);
    assertThat(evaluate.status()).isEqualTo(2);
    if (taken) {
      assertThat(api.get("field").asString()).isEqualTo("snapshotId");
      assertThat(firstLine(train)).startsWith("--data: no such file");
      assertThat(firstLine(evaluate)).startsWith("--data: no such file");
    } else {
      assertThat(api.get("field").asString()).isEqualTo("trials");
      String detail = api.get("detail").asString();
      assertThat(detail).isEqualTo("trials must be between 1 and 10000, not " + trials);
      assertThat(firstLine(train)).isEqualTo("--trials: " + detail);
      assertThat(firstLine(evaluate)).isEqualTo("--trials: " + detail);
    }
  }

  /** Posts a run request the API must refuse with 400 invalid-parameter; the problem. */
  JsonNode apiRefusal(String body) {
    ResponseEntity<String> answer =
        http.post()
            .uri("/api/v1/training-runs")
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .toEntity(String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    JsonNode problem = JSON.readTree(answer.getBody());
    assertThat(problem.get("code").asString()).isEqualTo("invalid-parameter");
    return problem;
  }

  /** The first line of what a command printed on stderr: its error, before the usage help. */
  static String firstLine(Run run) {
    return run.err().lines().findFirst().orElse("");
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }
}
