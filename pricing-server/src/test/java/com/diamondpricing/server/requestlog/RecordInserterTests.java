package com.diamondpricing.server.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What goes into a row: JSON or text, the error code, redacted queries. */
class RecordInserterTests {

  static RequestRecord answered(int status, String body) {
    RequestRecord r = RequestLogTesting.record("x", Instant.now());
    return new RequestRecord(
        r.requestId(),
        r.receivedAt(),
        r.method(),
        r.path(),
        r.query(),
        r.client(),
        r.userAgent(),
        r.requestContentType(),
        r.requestBody(),
        false,
        status,
        "application/problem+json",
        body,
        false,
        r.durationMs(),
        null,
        null,
        null);
  }

  @Test
  void onlyOneWholeJsonValueThatJsonbTakesIsJson() {
    assertThat(RecordInserter.isJson("{\"a\": [1, 2.5, \"x\", null, true]}")).isTrue();
    assertThat(RecordInserter.isJson("42")).isTrue();
    assertThat(RecordInserter.isJson("\"text\"")).isTrue();
    assertThat(RecordInserter.isJson("{\"carat\": 1.1,")).isFalse();
    assertThat(RecordInserter.isJson("{} {}")).isFalse();
    assertThat(RecordInserter.isJson("{\"a\": 1} trailing")).isFalse();
    assertThat(RecordInserter.isJson("")).isFalse();
    assertThat(RecordInserter.isJson("not json")).isFalse();
    assertThat(RecordInserter.isJson("{\"a\": NaN}")).isFalse();
    assertThat(RecordInserter.isJson("{\"a\": \"\\u0000\"}")).as("jsonb refuses NUL").isFalse();
    assertThat(RecordInserter.isJson("{\"a\": \"\\ud800\"}")).as("lone surrogate").isFalse();
    assertThat(RecordInserter.isJson("{\"a\": 1e1000000}")).as("numeric overflow").isFalse();
    assertThat(RecordInserter.isJson("{\"a\": \"\\ud83d\\ude00\"}")).isTrue();
  }

  @Test
  void theErrorCodeIsTheProblemsCodeOrTheLastPartOfItsType() {
    assertThat(RecordInserter.errorCode(answered(422, "{\"status\":422,\"code\":\"x-y\"}")))
        .isEqualTo("x-y");
    assertThat(
            RecordInserter.errorCode(
                answered(401, "{\"type\":\"https://e.example/problems/unauthorized\"}")))
        .isEqualTo("unauthorized");
    assertThat(
            RecordInserter.errorCode(
                answered(400, "{\"title\":\"t\",\"code\":\"cut-short\",\"detail\":\"aaaa")))
        .as("a truncated body")
        .isEqualTo("cut-short");
    assertThat(RecordInserter.errorCode(answered(200, "{\"code\":\"fine\"}"))).isNull();
    assertThat(RecordInserter.errorCode(answered(500, "<html>oops</html>"))).isNull();
    assertThat(RecordInserter.errorCode(answered(404, null))).isNull();
  }

  @Test
  void queryParametersNamedLikeSecretsAreRedacted() {
    assertThat(RequestLogFilter.redact("carat=1.1&n=5")).isEqualTo("carat=1.1&n=5");
    assertThat(RequestLogFilter.redact("token=abc&n=5&API_KEY=k&password=p&x"))
        .isEqualTo("token=[redacted]&n=5&API_KEY=[redacted]&password=[redacted]&x");
    assertThat(RequestLogFilter.redact(null)).isNull();
  }

  @Test
  void bodiesWorthKeepingAsTextAreTold() {
    assertThat(RequestLogFilter.textual("application/json")).isTrue();
    assertThat(RequestLogFilter.textual("application/problem+json;charset=UTF-8")).isTrue();
    assertThat(RequestLogFilter.textual("text/csv")).isTrue();
    assertThat(RequestLogFilter.textual(null)).isTrue();
    assertThat(RequestLogFilter.textual("application/octet-stream")).isFalse();
    assertThat(RequestLogFilter.textual("image/png")).isFalse();
  }
}
