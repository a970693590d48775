package com.diamondpricing.server.cli;

import static com.diamondpricing.server.cli.CliRuns.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.cli.CliRuns.Run;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code diamonds requests tail}: the newest recorded requests, as lines or JSON. */
class RequestsCommandIntegrationTests {

  @TempDir Path home;

  void insert(String requestId, Instant at, int status, String path, Long modelId)
      throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("diamonds.db"));
        PreparedStatement s =
            c.prepareStatement(
                "insert into request_log (request_id, received_at, method, path, query, status,"
                    + " duration_ms, model_id, model_type, model_version, error_code,"
                    + " request_body, response_body) values (?, ?, 'POST', ?, ?, ?, 1.25, ?, ?, ?,"
                    + " ?, '{}', '{\"x\":1}')")) {
      s.setString(1, requestId);
      s.setTimestamp(2, Timestamp.from(at));
      s.setString(3, path);
      s.setString(4, modelId == null ? "n=5" : null);
      s.setInt(5, status);
      s.setObject(6, modelId);
      s.setString(7, modelId == null ? null : "linear");
      s.setObject(8, modelId == null ? null : 1);
      s.setString(9, status >= 400 ? "malformed-json" : null);
      s.executeUpdate();
    }
  }

  @Test
  void tailPrintsTheNewestRequestsOldestFirstAsLinesOrJson() throws Exception {
    Run empty = in(home, "requests", "tail");
    assertThat(empty.status()).as(empty.err()).isZero();
    assertThat(empty.out()).contains("No requests recorded yet.");

    Instant t = Instant.parse("2026-03-01T10:00:00.123Z");
    insert("req-old", t, 200, "/api/v1/models", null);
    insert("req-mid", t.plusSeconds(1), 400, "/api/v1/predictions", null);
    insert("req-new", t.plusSeconds(2), 200, "/api/v1/predictions", 7L);

    Run two = in(home, "requests", "tail", "--limit", "2");
    assertThat(two.status()).as(two.err()).isZero();
    List<String> lines = two.outLines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .contains("2026-03-01 10:00:01.123Z", "400", "POST", "/api/v1/predictions", "1.3 ms")
        .endsWith("req-mid");
    assertThat(lines.get(1)).contains("200", "linear v1 #7").endsWith("req-new");

    Run json = in(home, "requests", "tail", "-n", "3", "--json");
    assertThat(json.status()).isZero();
    JsonNode records = json.json();
    assertThat(records).hasSize(3);
    assertThat(records.get(0).get("requestId").asString()).isEqualTo("req-old");
    assertThat(records.get(0).get("query").asString()).isEqualTo("n=5");
    assertThat(records.get(1).get("errorCode").asString()).isEqualTo("malformed-json");
    assertThat(records.get(2).get("model").get("id").asLong()).isEqualTo(7);
    assertThat(records.get(2).get("responseBody").asString()).isEqualTo("{\"x\":1}");
    assertThat(records.get(2).get("receivedAt").asString()).isEqualTo("2026-03-01T10:00:02.123Z");
    assertThat(CliRuns.fields(records.get(2)))
        .containsExactly(
            "id",
            "requestId",
            "receivedAt",
            "method",
            "path",
            "query",
            "status",
            "durationMs",
            "model",
            "errorCode",
            "client",
            "userAgent",
            "requestContentType",
            "requestBody",
            "requestBodyTruncated",
            "responseContentType",
            "responseBody",
            "responseBodyTruncated");
    assertThat(CliRuns.fields(records.get(2).get("model")))
        .containsExactly("id", "type", "version");
    assertThat(records.get(0).get("model").isNull()).isTrue();

    Run bad = in(home, "requests", "tail", "--limit", "0");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("--limit");
  }
}
