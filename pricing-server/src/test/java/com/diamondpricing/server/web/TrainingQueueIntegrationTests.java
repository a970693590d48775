package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.support.SqliteDatabase;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The training queue is bounded: with {@code max-queued} runs waiting (no dispatcher here takes
 * them), one more is refused with 429, its problem and a {@code Retry-After}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.inbox.enabled=false",
      "diamonds.training.dispatch=false",
      "diamonds.training.max-queued=2",
      "diamonds.admin-token=queue-token"
    })
@DirtiesContext
class TrainingQueueIntegrationTests implements SqliteDatabase {

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;

  HttpResponse<String> start() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/training-runs"))
                .header("Authorization", "Bearer queue-token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"models\":[\"linear\"]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRunPastTheBoundIs429WithRetryAfter() throws Exception {
    datasets.ingest(
        new ByteArrayInputStream(Files.readAllBytes(Path.of("../data/diamonds.csv"))),
        "diamonds.csv",
        IngestMode.REPLACE);
    assertThat(start().statusCode()).isEqualTo(202);
    assertThat(start().statusCode()).isEqualTo(202);
    HttpResponse<String> refused = start();
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("\"code\":\"training-queue-full\"");
  }
}
