package com.diamondpricing.server.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.system.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's options and outcomes: stored in their JSON columns and shown by the API with the same
 * fields as before they were records.
 */
class TrainingRunViewTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The options column as the server has always written it. */
  static final String STORED_OPTIONS = "{\"seed\":42,\"trials\":3,\"workers\":0}";

  /** The outcomes column as the server wrote it before feature sets. */
  static final String STORED_OUTCOMES =
      "[{\"modelId\":5,\"type\":\"linear\",\"version\":2,\"testMae\":561.54,\"testR2\":0.905,"
          + "\"promoted\":false,\"reason\":\"not better than champion 4\"},"
          + "{\"modelId\":6,\"type\":\"xgboost\",\"version\":1,\"testMae\":\"NaN\",\"testR2\":0.5,"
          + "\"promoted\":true,\"reason\":\"first model\"}]";

  /** The same outcomes as the server writes them now. */
  static final String OUTCOMES =
      "[{\"modelId\":5,\"type\":\"linear\",\"version\":2,\"featureSet\":\"all\","
          + "\"testMae\":561.54,\"testR2\":0.905,\"promoted\":false,\"existing\":false,"
          + "\"reason\":\"not better than champion 4\"},"
          + "{\"modelId\":6,\"type\":\"xgboost\",\"version\":1,\"featureSet\":\"all\","
          + "\"testMae\":\"NaN\",\"testR2\":0.5,\"promoted\":true,\"existing\":false,"
          + "\"reason\":\"first model\"}]";

  static TrainingRun run(RunOptions options, List<RunOutcome> outcomes) {
    return new TrainingRun(
        9,
        3,
        List.of("linear", "xgboost"),
        Trigger.API,
        RunStatus.SUCCEEDED,
        options,
        Instant.parse("2026-01-02T03:04:05Z"),
        Instant.parse("2026-01-02T03:04:06Z"),
        Instant.parse("2026-01-02T03:05:06Z"),
        2,
        2,
        "xgboost",
        3,
        3,
        270.5,
        null,
        outcomes,
        "server-a",
        null,
        null);
  }

  @Test
  void storedOptionsAndOutcomesReadBackAsRecordsAndAreWrittenTheSame() {
    RunOptions options = Json.read(STORED_OPTIONS, RunOptions.class);
    List<RunOutcome> outcomes = Json.readList(STORED_OUTCOMES, RunOutcome.class);

    assertThat(options).isEqualTo(new RunOptions(42, 3, 0));
    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(0))
        .isEqualTo(
            new RunOutcome(
                5, "linear", 2, "all", 561.54, 0.905, false, false, "not better than champion 4"));
    assertThat(outcomes.get(1).testMae()).isNaN();
    assertThat(Json.write(options)).isEqualTo(STORED_OPTIONS);
    assertThat(Json.write(outcomes)).isEqualTo(OUTCOMES);
    assertThat(Json.readList(OUTCOMES, RunOutcome.class)).isEqualTo(outcomes);
  }

  @Test
  void noStoredOutcomesIsAnEmptyList() {
    assertThat(Json.readList(null, RunOutcome.class)).isEmpty();
    assertThat(Json.readList("[]", RunOutcome.class)).isEmpty();
  }

  @Test
  void theApiShowsTheOptionsAndEachOutcomeWithItsAddress() {
    TrainingRun run =
        run(
            Json.read(STORED_OPTIONS, RunOptions.class),
            Json.readList(STORED_OUTCOMES, RunOutcome.class));

    JsonNode view = JSON.readTree(JSON.writeValueAsString(TrainingRunView.of(run, null)));

    assertThat(new ArrayList<>(view.propertyNames()))
        .containsExactly(
            "id",
            "status",
            "trigger",
            "snapshotId",
            "modelTypes",
            "options",
            "createdAt",
            "startedAt",
            "finishedAt",
            "progress",
            "error",
            "errorCode",
            "outcomes",
            "links",
            "reason",
            "retryOf");
    assertThat(view.get("options")).isEqualTo(JSON.readTree(STORED_OPTIONS));
    JsonNode first = view.get("outcomes").get(0);
    assertThat(new ArrayList<>(first.propertyNames()))
        .containsExactly(
            "modelId",
            "type",
            "version",
            "featureSet",
            "testMae",
            "testR2",
            "promoted",
            "existing",
            "reason",
            "href");
    assertThat(first.get("modelId").asLong()).isEqualTo(5);
    assertThat(first.get("testMae").asDouble()).isEqualTo(561.54);
    assertThat(first.get("promoted").asBoolean()).isFalse();
    assertThat(first.get("href").asString()).isEqualTo("/api/v1/models/5");
    assertThat(view.get("outcomes").get(1).get("testMae").isNull()).isTrue();
    assertThat(view.get("progress").get("bestValidationMae").asDouble()).isEqualTo(270.5);
    assertThat(view.get("links").get("self").asString()).isEqualTo("/api/v1/training-runs/9");
  }
}
