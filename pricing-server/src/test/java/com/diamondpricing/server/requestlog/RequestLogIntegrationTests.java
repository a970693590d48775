package com.diamondpricing.server.requestlog;

import static com.diamondpricing.server.requestlog.RequestLogTesting.await;
import static com.diamondpricing.server.requestlog.RequestLogTesting.awaitIdle;
import static com.diamondpricing.server.requestlog.RequestLogTesting.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.ledger.RecordedPrediction;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.system.DiamondsProperties;
import com.diamondpricing.server.training.TrainingPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The request log end to end on a real database: every kind of answer gives exactly one row with
 * the right fields, no secret is stored, concurrent load loses nothing, the log reads back over
 * HTTP, old records are purged.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.admin-token=" + RequestLogIntegrationTests.TOKEN
    })
@DirtiesContext // its own database: closing it frees the connections (PostgreSQL has 100)
abstract class RequestLogIntegrationTests {

  static final String TOKEN = "secret-token-rl";
  static final String DIAMOND =
      "{\"carat\": 1.1, \"cut\": \"Ideal\", \"color\": \"H\", \"clarity\": \"SI2\","
          + " \"depth\": 62.0, \"table\": 55.0, \"x\": 6.61, \"y\": 6.65, \"z\": 4.11}";
  static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_BODY = 64 * 1024;

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired JdbcClient jdbc;
  @Autowired RequestLogWriter writer;
  @Autowired RequestLog requestLog;
  @Autowired RequestLogStore store;
  @Autowired DiamondsProperties properties;
  @Autowired Journal journal;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void aLinearChampion() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
  }

  // ---- helpers

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder post(String path, String json, String requestId) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .header("X-Request-Id", requestId)
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  HttpRequest.Builder get(String path, String requestId) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("X-Request-Id", requestId)
        .GET();
  }

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  long count(String requestId) {
    return jdbc.sql("select count(*) from request_log where request_id = ?")
        .param(requestId)
        .query(Long.class)
        .single();
  }

  /** The one row of a request (waits for the writer, and fails on a second row). */
  Map<String, Object> row(String requestId) {
    await(Duration.ofSeconds(20), "the row of " + requestId, () -> count(requestId) > 0);
    awaitIdle(writer);
    assertThat(count(requestId)).as("rows of " + requestId).isEqualTo(1);
    String bodies =
        properties.sqlite()
            ? "request_body as req, response_body as res, null as req_json, null as req_text"
            : "coalesce(request_body::text, request_body_text) as req,"
                + " coalesce(response_body::text, response_body_text) as res,"
                + " request_body::text as req_json, request_body_text as req_text";
    return jdbc.sql(
            "select id, request_id, received_at, method, path, query, client, user_agent,"
                + " request_content_type, request_body_truncated, status, response_content_type,"
                + " response_body_truncated, duration_ms, model_id, model_type, model_version,"
                + " error_code, "
                + bodies
                + " from request_log where request_id = ?")
        .param(requestId)
        .query()
        .singleRow();
  }

  static boolean flag(Object value) {
    return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
  }

  static String allText(Map<String, Object> row) {
    StringBuilder s = new StringBuilder();
    for (Object v : row.values()) {
      s.append(v).append('\n');
    }
    return s.toString();
  }

  /** The row of a failed request: status and error code as answered, one row, no secret. */
  Map<String, Object> failure(HttpResponse<String> response, String requestId, int status)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    Map<String, Object> row = row(requestId);
    assertThat(((Number) row.get("status")).intValue()).isEqualTo(status);
    JsonNode problem = json(response.body());
    String expected =
        problem.has("code")
            ? problem.get("code").asText()
            : problem.get("type").asText().replaceAll(".*/", "");
    assertThat(row.get("error_code")).isEqualTo(expected);
    assertThat(row.get("res")).isNotNull();
    assertThat(json((String) row.get("res"))).isEqualTo(problem);
    assertThat(row.get("model_id")).isNull();
    assertThat(allText(row)).doesNotContain(TOKEN).doesNotContainPattern("(?i)bearer [^<]");
    return row;
  }

  // ---- success

  @Test
  void aPredictionIsRecordedWithItsModelBodiesAndRequestId() throws Exception {
    String requestId = id("rl-price");
    Instant before = Instant.now().minusMillis(5);
    HttpResponse<String> r =
        send(post("/api/v1/predictions", DIAMOND, requestId).header("User-Agent", "rl-test/1.0"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-Request-Id")).hasValue(requestId);

    Map<String, Object> row = row(requestId);
    ModelEntry champion = serving.champion().orElseThrow().entry();
    assertThat(row.get("method")).isEqualTo("POST");
    assertThat(row.get("path")).isEqualTo("/api/v1/predictions");
    assertThat(row.get("query")).isNull();
    assertThat(((Number) row.get("status")).intValue()).isEqualTo(200);
    assertThat(((Number) row.get("model_id")).longValue()).isEqualTo(champion.id());
    assertThat(row.get("model_type")).isEqualTo("linear");
    assertThat(((Number) row.get("model_version")).intValue()).isEqualTo(1);
    assertThat(row.get("error_code")).isNull();
    assertThat(row.get("client")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(row.get("user_agent")).isEqualTo("rl-test/1.0");
    assertThat((String) row.get("request_content_type")).startsWith("application/json");
    assertThat((String) row.get("response_content_type")).startsWith("application/json");
    assertThat(json((String) row.get("req"))).isEqualTo(json(DIAMOND));
    assertThat(json((String) row.get("res"))).isEqualTo(json(r.body()));
    assertThat(flag(row.get("request_body_truncated"))).isFalse();
    assertThat(flag(row.get("response_body_truncated"))).isFalse();
    assertThat(((Number) row.get("duration_ms")).doubleValue()).isPositive().isLessThan(10_000);
    Instant received =
        store.find(null, null, null, null, 1000).stream()
            .filter(e -> requestId.equals(e.requestId()))
            .findFirst()
            .orElseThrow()
            .receivedAt();
    assertThat(received).isBetween(before, Instant.now());
    if (!properties.sqlite()) {
      assertThat(row.get("req_json")).as("valid JSON goes into the jsonb column").isNotNull();
      assertThat(row.get("req_text")).isNull();
    }
  }

  @Test
  void similarDiamondsAreRecordedWithTheQuery() throws Exception {
    String requestId = id("rl-similar");
    String query = "carat=1.1&cut=Ideal&color=H&clarity=SI2&n=5";
    HttpResponse<String> r = send(get("/api/v1/diamonds/similar?" + query, requestId));
    assertThat(r.statusCode()).isEqualTo(200);

    Map<String, Object> row = row(requestId);
    assertThat(row.get("method")).isEqualTo("GET");
    assertThat(row.get("path")).isEqualTo("/api/v1/diamonds/similar");
    assertThat(row.get("query")).isEqualTo(query);
    assertThat(row.get("req")).isNull();
    assertThat(row.get("request_content_type")).isNull();
    assertThat(json((String) row.get("res")).get("diamonds")).hasSize(5);
    assertThat(row.get("error_code")).isNull();
    assertThat(row.get("model_id")).isNull();
  }

  @Test
  void aRequestWithoutAnIdIsRecordedUnderTheGeneratedOne() throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/models"))
                .GET());
    String generated = r.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(generated).hasSize(36);
    assertThat(((Number) row(generated).get("status")).intValue()).isEqualTo(200);
  }

  @Test
  void theLogIsReadNewestFirstWithFiltersAndNeedsTheToken() throws Exception {
    String ok = id("rl-read-ok");
    String bad = id("rl-read-bad");
    send(post("/api/v1/predictions", DIAMOND, ok));
    Thread.sleep(5);
    send(get("/api/v1/diamonds/similar?carat=1.1&cut=Ideal&color=H&clarity=SI9", bad));
    row(ok);
    row(bad);

    JsonNode newest = readLog("?limit=5");
    assertThat(newest.get("count").asInt()).isEqualTo(newest.get("records").size()).isLessThan(6);
    Instant previous = Instant.MAX;
    for (JsonNode e : readLog("?limit=1000").get("records")) {
      Instant at = Instant.parse(e.get("receivedAt").asText());
      assertThat(at).isBeforeOrEqualTo(previous);
      previous = at;
    }

    JsonNode failures = readLog("?status=400&limit=1000").get("records");
    assertThat(failures).allSatisfy(e -> assertThat(e.get("status").asInt()).isEqualTo(400));
    assertThat(ids(failures)).contains(bad).doesNotContain(ok);

    JsonNode similar = readLog("?path=/api/v1/diamonds&limit=1000").get("records");
    assertThat(similar)
        .allSatisfy(e -> assertThat(e.get("path").asText()).startsWith("/api/v1/diamonds"));
    assertThat(ids(similar)).contains(bad).doesNotContain(ok);

    JsonNode badRecord = find(readLog("?limit=1000").get("records"), bad);
    String at = badRecord.get("receivedAt").asText();
    assertThat(ids(readLog("?since=" + at + "&limit=1000").get("records"))).contains(bad);
    assertThat(ids(readLog("?until=" + at + "&limit=1000").get("records"))).doesNotContain(bad);
    assertThat(badRecord.get("errorCode").asText()).isEqualTo("invalid-parameter");
    assertThat(badRecord.get("responseBody").isTextual()).isTrue();
    JsonNode okRecord = find(readLog("?path=/api/v1/predictions&limit=1000").get("records"), ok);
    assertThat(okRecord.get("requestBody").isTextual()).isTrue();
    assertThat(json(okRecord.get("requestBody").asText())).isEqualTo(json(DIAMOND));
    assertThat(okRecord.get("model").get("type").asText()).isEqualTo("linear");

    for (String wrong :
        List.of("?limit=0", "?limit=1001", "?since=yesterday", "?status=abc", "?status=42")) {
      HttpResponse<String> r =
          send(
              get("/api/v1/request-log" + wrong, id("rl-read-wrong"))
                  .header("Authorization", "Bearer " + TOKEN));
      assertThat(r.statusCode()).as(wrong).isEqualTo(400);
    }
    String noToken = id("rl-read-401");
    HttpResponse<String> refused = send(get("/api/v1/request-log", noToken));
    assertThat(failure(refused, noToken, 401).get("error_code")).isEqualTo("unauthorized");
  }

  JsonNode readLog(String query) throws Exception {
    String requestId = id("rl-read");
    HttpResponse<String> r =
        send(
            get("/api/v1/request-log" + query, requestId)
                .header("Authorization", "Bearer " + TOKEN));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body());
  }

  static List<String> ids(JsonNode records) {
    List<String> ids = new ArrayList<>();
    records.forEach(e -> ids.add(e.get("requestId").asText()));
    return ids;
  }

  static JsonNode find(JsonNode records, String requestId) {
    for (JsonNode e : records) {
      if (requestId.equals(e.get("requestId").asText())) {
        return e;
      }
    }
    throw new AssertionError(requestId + " is not among the records");
  }

  @Test
  void sixteenThreadsOf500PredictionsGiveExactly8000Rows() throws Exception {
    String run = id("rl-load");
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> answered = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        answered.add(
            threads.submit(
                () -> {
                  int ok = 0;
                  for (int i = 0; i < 500; i++) {
                    HttpResponse<String> r =
                        send(post("/api/v1/predictions", DIAMOND, run + "-" + thread + "-" + i));
                    if (r.statusCode() == 200) {
                      ok++;
                    }
                  }
                  return ok;
                }));
      }
      int ok = 0;
      for (Future<Integer> f : answered) {
        ok += f.get();
      }
      assertThat(ok).isEqualTo(8000);
    } finally {
      threads.shutdownNow();
    }
    await(Duration.ofSeconds(60), "8000 rows", () -> rows(run) >= 8000);
    awaitIdle(writer);
    assertThat(rows(run)).isEqualTo(8000);
    assertThat(
            jdbc.sql(
                    "select count(distinct request_id) from request_log where request_id like ?"
                        + " and status = 200 and model_type = 'linear'")
                .param(run + "-%")
                .query(Long.class)
                .single())
        .isEqualTo(8000);
  }

  long rows(String run) {
    return jdbc.sql("select count(*) from request_log where request_id like ?")
        .param(run + "-%")
        .query(Long.class)
        .single();
  }

  @Test
  void predictionsAreKeptLongerThanTheLogAndPurgedByTheirOwnRetention() {
    String old = id("pr-old");
    Instant now = Instant.now();
    requestLog.record(
        RequestLogTesting.priced(
            old,
            now.minus(Duration.ofDays(3)),
            List.of(
                new RecordedPrediction(
                    old + "-p",
                    new Diamond(1.1, Cut.IDEAL, Color.H, Clarity.SI2, 62.0, 55.0, 6.61, 6.65, 4.11),
                    4733.21,
                    null,
                    null,
                    null,
                    null,
                    null))));
    await(Duration.ofSeconds(20), "the prediction", () -> predictions(old + "-p") == 1);

    new RequestLogRetention(
            store, Duration.ofDays(1), Duration.ofDays(5), Duration.ofDays(1), Clock.systemUTC())
        .purge();
    assertThat(count(old)).as("the request, past the log's retention").isZero();
    assertThat(predictions(old + "-p")).as("its prediction, kept longer").isEqualTo(1);

    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(3));
    new RequestLogRetention(
            store, Duration.ofDays(1), Duration.ofDays(5), Duration.ofDays(1), later)
        .purge();
    assertThat(predictions(old + "-p")).as("six days old by the clock").isZero();
  }

  long predictions(String id) {
    return jdbc.sql("select count(*) from prediction where prediction_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  @Test
  void theRetentionPurgeDeletesWhatIsOlderThanTheRetentionByItsClock() {
    String old = id("rl-old");
    String recent = id("rl-recent");
    Instant now = Instant.now();
    requestLog.record(RequestLogTesting.record(old, now.minus(Duration.ofDays(1))));
    requestLog.record(RequestLogTesting.record(recent, now));
    await(Duration.ofSeconds(20), "both rows", () -> count(old) == 1 && count(recent) == 1);

    Duration retention = Duration.ofDays(2);
    new RequestLogRetention(store, retention, Duration.ofDays(1), Clock.systemUTC()).purge();
    assertThat(count(old)).as("a day old, kept two").isEqualTo(1);

    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(36));
    assertThat(new RequestLogRetention(store, retention, Duration.ofDays(1), later).purge())
        .isGreaterThanOrEqualTo(1);
    assertThat(count(old)).as("two and a half days old by the clock").isZero();
    assertThat(count(recent)).as("a day and a half old by the clock").isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from request_log where received_at < ?")
                .param(Timestamp.from(later.instant().minus(retention)))
                .query(Long.class)
                .single())
        .isZero();
  }

  /** Every kind of failure: one row each, with the status and error code answered. */
  abstract class FailureTests {

    @Test
    void aValidationErrorIs422WithItsCode() throws Exception {
      String requestId = id("rl-422");
      String body = "{\"carat\": 0, \"cut\": \"Superb\", \"color\": \"H\", \"clarity\": \"SI2\"}";
      Map<String, Object> row =
          failure(send(post("/api/v1/predictions", body, requestId)), requestId, 422);
      assertThat(json((String) row.get("req"))).isEqualTo(json(body));
    }

    @Test
    void malformedJsonIs400AndStoredAsSent() throws Exception {
      String requestId = id("rl-400");
      String body = "{\"carat\": 1.1,";
      Map<String, Object> row =
          failure(send(post("/api/v1/predictions", body, requestId)), requestId, 400);
      assertThat(row.get("error_code")).isEqualTo("malformed-json");
      assertThat(row.get("req")).isEqualTo(body);
      assertThat(flag(row.get("request_body_truncated"))).isFalse();
      if (!properties.sqlite()) {
        assertThat(row.get("req_json")).isNull();
        assertThat(row.get("req_text")).isEqualTo(body);
      }
    }

    @Test
    void anUnknownPathIs404() throws Exception {
      String requestId = id("rl-404");
      Map<String, Object> row =
          failure(send(get("/api/v1/no-such-thing?x=1", requestId)), requestId, 404);
      assertThat(row.get("error_code")).isEqualTo("not-found");
      assertThat(row.get("path")).isEqualTo("/api/v1/no-such-thing");
      assertThat(row.get("query")).isEqualTo("x=1");
    }

    @Test
    void noTokenIs401AndNoTokenIsEverStored() throws Exception {
      String none = id("rl-401");
      Map<String, Object> row =
          failure(send(post("/api/v1/models/1/promote", "{\"reason\":\"r\"}", none)), none, 401);
      assertThat(row.get("error_code")).isEqualTo("unauthorized");
      assertThat(json((String) row.get("req")))
          .as("the refused body is read and stored")
          .isEqualTo(json("{\"reason\":\"r\"}"));

      String wrong = id("rl-401-wrong");
      failure(
          send(
              post("/api/v1/models/1/promote", "{}", wrong)
                  .header("Authorization", "Bearer wrong-token-value-4711")),
          wrong,
          401);
      assertThat(allText(row(wrong))).doesNotContain("wrong-token-value-4711");

      String right = id("rl-200-admin");
      HttpResponse<String> ok =
          send(
              post("/api/v1/models/1/promote", "{}", right)
                  .header("Authorization", "Bearer " + TOKEN));
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(allText(row(right))).doesNotContain(TOKEN).doesNotContainIgnoringCase("bearer");
      assertThat(allText(row(right))).doesNotContainIgnoringCase("authorization");

      String inQuery = id("rl-token-query");
      send(get("/api/v1/models?access_token=" + TOKEN + "&x=1", inQuery));
      assertThat(row(inQuery).get("query")).isEqualTo("access_token=[redacted]&x=1");
    }

    @Test
    void theTokenSentAnywhereElseIsStoredNowhere() throws Exception {
      String json = id("rl-secret-json");
      send(post("/api/v1/predictions", "{\"token\": \"" + TOKEN + "\"}", json));
      String form = id("rl-secret-form");
      send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sales"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("X-Request-Id", form)
              .POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN)));
      String agent = id("rl-secret-agent");
      send(get("/api/v1/models", agent).header("User-Agent", "agent/1 " + TOKEN));
      String segment = id("rl-secret-path");
      send(get("/api/v1/models/" + TOKEN, segment));
      String query = id("rl-secret-q");
      send(get("/api/v1/models?q=" + TOKEN, query));
      HttpResponse<String> asId = send(get("/api/v1/models", TOKEN));
      assertThat(asId.headers().firstValue("X-Request-Id")).get().isNotEqualTo(TOKEN);
      String asIdRow = asId.headers().firstValue("X-Request-Id").orElseThrow();
      for (String request : List.of(json, form, agent, segment, query, asIdRow)) {
        row(request); // written
      }
      assertThat(allText(row(agent))).contains("agent/1 [secret]");
      assertThat(row(query).get("query")).isEqualTo("q=[secret]");
      String text =
          properties.sqlite()
              ? "coalesce(request_id,'') || coalesce(path,'') || coalesce(raw_path,'')"
                  + " || coalesce(query,'') || coalesce(user_agent,'')"
                  + " || coalesce(request_body,'') || coalesce(response_body,'')"
              : "coalesce(request_id,'') || coalesce(path,'') || coalesce(raw_path,'')"
                  + " || coalesce(query,'') || coalesce(user_agent,'')"
                  + " || coalesce(request_body::text,'') || coalesce(request_body_text,'')"
                  + " || coalesce(response_body::text,'') || coalesce(response_body_text,'')";
      long inDatabase =
          jdbc.sql("select count(*) from request_log where " + text + " like ?")
              .param("%" + TOKEN + "%")
              .query(Long.class)
              .single();
      assertThat(inDatabase).as("rows holding the token").isZero();
      byte[] needle = TOKEN.getBytes(StandardCharsets.UTF_8);
      try (Stream<Path> files = Files.walk(journal.dir())) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          byte[] bytes = Files.readAllBytes(file);
          assertThat(indexOf(bytes, needle)).as("the token in " + file).isEqualTo(-1);
        }
      }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
      outer:
      for (int i = 0; i + needle.length <= haystack.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (haystack[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    @Test
    void aBodyOverTheLimitIs413AndIsNotStoredWhole() throws Exception {
      String requestId = id("rl-413");
      String big = DIAMOND.replace("}", ", \"pad\": \"" + "x".repeat(1_100_000) + "\"}");
      Map<String, Object> row =
          failure(send(post("/api/v1/predictions", big, requestId)), requestId, 413);
      assertThat(row.get("error_code")).isEqualTo("body-too-large");
      assertThat(flag(row.get("request_body_truncated"))).isTrue();
      assertThat(row.get("req") == null ? 0 : ((String) row.get("req")).length())
          .isLessThanOrEqualTo(MAX_BODY);
    }

    @Test
    void aLongBodyIsCutAtTheCapAndFlagged() throws Exception {
      String requestId = id("rl-cut");
      String big = DIAMOND.replace("}", ", \"pad\": \"" + "y".repeat(100_000) + "\"}");
      Map<String, Object> row =
          failure(send(post("/api/v1/predictions", big, requestId)), requestId, 422);
      assertThat(flag(row.get("request_body_truncated"))).isTrue();
      assertThat((String) row.get("req")).hasSize(MAX_BODY).isEqualTo(big.substring(0, MAX_BODY));

      // reading the log now answers more than the cap: that response is cut and flagged too
      String read = id("rl-cut-read");
      HttpResponse<String> log =
          send(
              get("/api/v1/request-log?path=/api/v1/predictions&limit=20", read)
                  .header("Authorization", "Bearer " + TOKEN));
      assertThat(log.body().length()).isGreaterThan(MAX_BODY);
      Map<String, Object> readRow = row(read);
      assertThat(flag(readRow.get("response_body_truncated"))).isTrue();
      assertThat((String) readRow.get("res")).hasSize(MAX_BODY);
    }

    @Test
    void similarWithABadGradeIs400() throws Exception {
      String requestId = id("rl-similar-400");
      Map<String, Object> row =
          failure(
              send(
                  get(
                      "/api/v1/diamonds/similar?carat=1.1&cut=Ideal&color=H&clarity=SI9",
                      requestId)),
              requestId,
              400);
      assertThat(row.get("error_code")).isEqualTo("invalid-parameter");
      assertThat(row.get("query")).isEqualTo("carat=1.1&cut=Ideal&color=H&clarity=SI9");
    }

    @Test
    void aMultipartUploadIsStoredAsAPlaceholder() throws Exception {
      String requestId = id("rl-upload");
      String boundary = "rl-boundary-42";
      byte[] body =
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"junk.csv\""
                  + "\r\nContent-Type: text/csv\r\n\r\nnot,a,diamond\n1,2,3\n\r\n--"
                  + boundary
                  + "--\r\n")
              .getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> r =
          send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/api/v1/training-runs"))
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .header("X-Request-Id", requestId)
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
      Map<String, Object> row = failure(r, requestId, r.statusCode());
      assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
      assertThat(row.get("req")).isEqualTo("[multipart upload, " + body.length + " bytes]");
      assertThat((String) row.get("request_content_type")).startsWith("multipart/form-data");
    }
  }
}
