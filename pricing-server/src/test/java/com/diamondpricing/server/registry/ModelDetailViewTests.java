package com.diamondpricing.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.ProvenanceJson;
import com.diamondpricing.model.TrialRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model's detail as the API answers it: the same fields and values as the registry's JSON
 * columns, which the library's {@link ProvenanceJson} writes (metrics that are not a number are
 * null).
 */
class ModelDetailViewTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A value as JSON text read back: numbers as a client reads them. */
  static JsonNode tree(Object value) {
    return JSON.readTree(JSON.writeValueAsString(value));
  }

  static Provenance provenance() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("max_depth", 6);
    parameters.put("learning_rate", 0.05);
    parameters.put("objective", "reg:squarederror");
    parameters.put("features", List.of("carat", "cut"));
    return new Provenance(
        "xgboost",
        "abc123",
        3991,
        42,
        parameters,
        Map.of("java", "17.0.9", "xgboost4j_2.12", "3.4.0"),
        Instant.parse("2026-01-02T03:04:05.123456Z"),
        12.5,
        new Metrics(0.98, 270.5, Double.NaN, 0.07),
        List.of(
            new TrialRecord(0, Map.of("max_depth", 6, "learning_rate", 0.05), "COMPLETE", 280, 1),
            new TrialRecord(1, Map.of("max_depth", 3, "learning_rate", 0.2), "PRUNED", 350, 0.5),
            new TrialRecord(2, Map.of("max_depth", 9), "FAILED", Double.NaN, 0.1)));
  }

  static ModelEntry entry(Provenance p) {
    return new ModelEntry(
        7,
        "xgboost",
        3,
        null,
        2,
        Instant.parse("2026-01-02T03:05:00Z"),
        p.trainingSeconds(),
        p,
        new Metrics(0.97, 280.25, 500.5, 0.08),
        3991,
        998,
        "application/json",
        Map.of(0.8, 0.812, 0.9, 0.905),
        FeatureSet.ALL,
        null,
        null,
        null,
        null,
        false,
        null);
  }

  @Test
  void theProvenanceIsWhatTheLibraryWrites() throws Exception {
    Provenance p = provenance();

    JsonNode shown = tree(ProvenanceView.of(p));

    assertThat(shown).isEqualTo(JSON.readTree(ProvenanceJson.write(p)));
    assertThat(shown.get("validation").get("rmse").isNull()).isTrue();
    assertThat(shown.get("trials").get(2).get("validationMae").isNull()).isTrue();
  }

  @Test
  void aStoredProvenanceReadBackShowsTheSame() throws ModelLoadException {
    Provenance p = provenance();
    String stored = ProvenanceJson.write(p);

    JsonNode shown = tree(ProvenanceView.of(ProvenanceJson.read(stored)));

    assertThat(shown).isEqualTo(JSON.readTree(stored));
  }

  @Test
  void theDetailHasEveryFieldOnceWithTheProvenancesParts() {
    Provenance p = provenance();
    JsonNode library = JSON.readTree(ProvenanceJson.write(p));

    JsonNode detail = tree(ModelDetailView.of(entry(p), true));

    List<String> fields = new ArrayList<>(detail.propertyNames());
    assertThat(fields)
        .containsExactly(
            "id",
            "type",
            "version",
            "featureSet",
            "features",
            "createdAt",
            "snapshotId",
            "runId",
            "test",
            "nTrain",
            "nTest",
            "servedRows",
            "champion",
            "trainingSeconds",
            "parameters",
            "validation",
            "libraries",
            "artifactMediaType",
            "provenance",
            "intervals",
            "coverage",
            "links");
    assertThat(detail.get("featureSet").asString()).isEqualTo("all");
    assertThat(detail.get("features")).hasSize(9);
    assertThat(detail.get("parameters")).isEqualTo(library.get("parameters"));
    assertThat(detail.get("validation")).isEqualTo(library.get("validation"));
    assertThat(detail.get("libraries")).isEqualTo(library.get("libraries"));
    assertThat(detail.get("provenance")).isEqualTo(library);
    assertThat(detail.get("runId").isNull()).isTrue();
    assertThat(detail.get("champion").asBoolean()).isTrue();
    assertThat(detail.get("test").get("rmse").asDouble()).isEqualTo(500.5);
    assertThat(detail.get("links").get("artifact").asString())
        .isEqualTo("/api/v1/models/7/artifact");
  }

  @Test
  void aTypeWithoutValidationShowsNullAndNoTrials() {
    Provenance p = provenance();
    Provenance linear =
        new Provenance(
            "linear",
            p.dataHash(),
            p.trainingRows(),
            p.seed(),
            Map.of("target", "log(price)"),
            p.libraries(),
            p.trainedAt(),
            0.2,
            null,
            List.of());

    JsonNode detail = tree(ModelDetailView.of(entry(linear), false));

    assertThat(detail.get("validation").isNull()).isTrue();
    assertThat(detail.get("provenance").get("trials").isEmpty()).isTrue();
    assertThat(detail.get("provenance")).isEqualTo(JSON.readTree(ProvenanceJson.write(linear)));
  }
}
