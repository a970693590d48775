package com.diamondpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.support.SqliteDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A fresh install: the bootstrap trains on the bundled data and the service becomes ready. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.training.trials=3",
      "diamonds.inbox.enabled=false",
      "diamonds.admin-token=app-token"
    })
class DiamondsApplicationIntegrationTests implements SqliteDatabase {

  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Value("${diamonds.home}")
  java.nio.file.Path home;

  @Test
  void theDatabaseAndTheJournalAreTheOwnersOnly() throws Exception {
    for (String name : java.util.List.of("diamonds.db", "diamonds.db-wal", "request-log")) {
      java.nio.file.Path file = home.resolve(name);
      assertThat(file).exists();
      String permissions =
          java.nio.file.attribute.PosixFilePermissions.toString(
              java.nio.file.Files.getPosixFilePermissions(file));
      assertThat(permissions).as(name).endsWith("------");
    }
  }

  @Test
  void startsAndReportsHealthy() throws Exception {
    // health includes the serving model, which the champion poller loads up to a second after
    // the bootstrap has trained it
    HttpResponse<String> health = null;
    for (int i = 0; i < 100; i++) {
      health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/actuator/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (health.statusCode() == 200) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void anEmptyRegistryIsFilledFromTheBundledDataAndTheServiceBecomesReady() throws Exception {
    HttpResponse<String> ready = null;
    for (int i = 0; i < 100; i++) {
      ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                      .header("Authorization", "Bearer app-token") // the details
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (ready.statusCode() == 200) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"type\":\"linear\"");
  }
}
