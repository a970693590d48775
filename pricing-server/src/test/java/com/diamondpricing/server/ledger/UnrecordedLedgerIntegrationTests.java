package com.diamondpricing.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.training.TrainingPipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code diamonds.request-log.enabled=false} turns off, as the README says: the request log
 * and with it the prediction ledger. Prices are answered with their ids, but none is on record, so
 * a sale naming one is refused as {@code unknown-prediction}, and no request row is written either.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.admin-token=ledger-token",
      "diamonds.request-log.enabled=false",
      "diamonds.feedback.monitor=false"
    })
@DirtiesContext // its own database: closing it frees the connections (PostgreSQL has 100)
abstract class UnrecordedLedgerIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired PredictionLedger ledger;
  @Autowired JdbcClient jdbc;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void aLinearChampion() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
  }

  JsonNode post(String path, String json, int status) throws Exception {
    HttpResponse<String> a =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer ledger-token")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(a.statusCode()).as(a.body()).isEqualTo(status);
    return JSON.readTree(a.body());
  }

  @Test
  void theLedgerIsUnrecorded() {
    assertThat(ledger).isSameAs(PredictionLedger.UNRECORDED);
  }

  @Test
  void aPriceIsAnsweredButNotOnRecordSoItsSaleIsRefused() throws Exception {
    long predictionsBefore = count("prediction");
    long requestsBefore = count("request_log");
    JsonNode priced =
        post(
            "/api/v1/predictions",
            "{\"carat\":1.1,\"cut\":\"Ideal\",\"color\":\"H\",\"clarity\":\"SI2\",\"depth\":62.0,"
                + "\"table\":55.0,\"x\":6.61,\"y\":6.65,\"z\":4.11}",
            200);
    String id = priced.get("predictionId").asString();
    assertThat(id).isNotBlank();

    JsonNode refused =
        post(
            "/api/v1/sales",
            "[{\"predictionId\":\""
                + id
                + "\",\"actualPrice\":5000,\"soldAt\":\"2026-12-01T10:00:00Z\"}]",
            422);

    assertThat(refused.get("code").asString()).isEqualTo("unknown-prediction");
    assertThat(count("prediction")).as("predictions on record").isEqualTo(predictionsBefore);
    assertThat(count("request_log")).as("requests recorded").isEqualTo(requestsBefore);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
