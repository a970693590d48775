package com.diamondpricing.server.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.support.SqliteDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the log is bounded in bytes as well as rows: a page stops before the body text passes
 * {@code max-page-size} and names the next page; following the pages gives every record once. The
 * path as spelled is kept beside the routed one.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.inbox.enabled=false",
      "diamonds.admin-token=paging-token",
      "diamonds.request-log.max-page-size=8KB"
    })
@DirtiesContext
class RequestLogPagingIntegrationTests implements SqliteDatabase {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired RequestLogWriter writer;

  HttpResponse<String> get(String path, String id) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer paging-token")
                .header("X-Request-Id", id)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pagesAreBoundedInBytesAndTogetherHoldEveryRecordOnce() throws Exception {
    String padding = "p".repeat(1000);
    for (int i = 0; i < 30; i++) {
      get("/api/v1/models?pad=" + padding, "page-" + i);
    }
    RequestLogTesting.awaitIdle(writer);

    List<String> ids = new ArrayList<>();
    String next = "/api/v1/request-log?path=/api/v1/models&limit=1000";
    int pages = 0;
    while (next != null) {
      JsonNode page = JSON.readTree(get(next, "reader-" + pages).body());
      pages++;
      assertThat(page.get("count").asInt()).isEqualTo(page.get("records").size());
      assertThat(page.get("count").asInt()).as("about 8 KB of 1 KB queries").isLessThan(12);
      for (JsonNode r : page.get("records")) {
        ids.add(r.get("requestId").asString());
      }
      next = page.get("next").isNull() ? null : page.get("next").asString();
    }
    assertThat(pages).isGreaterThan(2);
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids).filteredOn(id -> id.startsWith("page-")).hasSize(30);
  }

  @Test
  void thePathAsSpelledIsKeptBesideTheRoutedOne() throws Exception {
    assertThat(get("/api/v1/%72equest-log?limit=1", "spelled").statusCode()).isEqualTo(200);
    RequestLogTesting.awaitIdle(writer);
    JsonNode page =
        JSON.readTree(get("/api/v1/request-log?path=/api/v1/request-log&limit=50", "r").body());
    JsonNode spelled = null;
    for (JsonNode r : page.get("records")) {
      if ("spelled".equals(r.get("requestId").asString())) {
        spelled = r;
      }
    }
    assertThat(spelled).isNotNull();
    assertThat(spelled.get("path").asString()).isEqualTo("/api/v1/request-log");
    assertThat(spelled.get("rawPath").asString()).isEqualTo("/api/v1/%72equest-log");
  }
}
