package com.diamondpricing.server.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What goes into a row and a journal line: JSON or text, redacted queries, the line codec. */
class RecordInserterTests {

  @Test
  void onlyOneWholeJsonValueThatJsonbTakesIsJson() {
    assertThat(PostgresDialect.isJson("{\"a\": [1, 2.5, \"x\", null, true]}")).isTrue();
    assertThat(PostgresDialect.isJson("42")).isTrue();
    assertThat(PostgresDialect.isJson("\"text\"")).isTrue();
    assertThat(PostgresDialect.isJson("{\"carat\": 1.1,")).isFalse();
    assertThat(PostgresDialect.isJson("{} {}")).isFalse();
    assertThat(PostgresDialect.isJson("{\"a\": 1} trailing")).isFalse();
    assertThat(PostgresDialect.isJson("")).isFalse();
    assertThat(PostgresDialect.isJson("not json")).isFalse();
    assertThat(PostgresDialect.isJson("{\"a\": NaN}")).isFalse();
    assertThat(PostgresDialect.isJson("{\"a\": \"\\u0000\"}")).as("jsonb refuses NUL").isFalse();
    assertThat(PostgresDialect.isJson("{\"a\": \"\\ud800\"}")).as("lone surrogate").isFalse();
    assertThat(PostgresDialect.isJson("{\"a\": 1e1000000}")).as("numeric overflow").isFalse();
    assertThat(PostgresDialect.isJson("{\"a\": \"\\ud83d\\ude00\"}")).isTrue();
  }

  @Test
  void aRecordSurvivesItsJournalLineFieldForField() {
    RequestRecord r =
        new RequestRecord(
            "id-1",
            Instant.ofEpochMilli(1_767_225_600_123L),
            "POST",
            "/api/v1/request-log",
            "/api/v1/%72equest-log",
            "a=1&token=[redacted]",
            "127.0.0.1",
            "curl \"quoted\" \\ \u00e9 \ud83d\ude00",
            "application/json",
            "{\"carat\": 1.1}\n\ttab",
            true,
            401,
            "application/problem+json",
            "{\"code\":\"unauthorized\"}",
            false,
            1.25,
            7L,
            "xgboost",
            3,
            "unauthorized",
            null,
            List.of());
    byte[] line = RecordLines.encode(r);
    assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
    String text = new String(line, java.nio.charset.StandardCharsets.UTF_8).strip();
    assertThat(text).doesNotContain("\n");
    assertThat(RecordLines.decode(text)).isEqualTo(r);

    RequestRecord sparse = RequestLogTesting.record("sparse", Instant.ofEpochMilli(5));
    assertThat(RecordLines.decode(new String(RecordLines.encode(sparse)).strip()))
        .isEqualTo(sparse);
  }

  @Test
  void loneSurrogatesBecomeReplacementCharactersInTheLine() {
    RequestRecord r = RequestLogTesting.record("bad\ud800", Instant.ofEpochMilli(5));
    assertThat(RecordLines.decode(new String(RecordLines.encode(r)).strip()).requestId())
        .isEqualTo("bad\uFFFD");
    assertThat(RecordLines.wellFormed("ok \ud83d\ude00")).isEqualTo("ok \ud83d\ude00");
    assertThat(RecordLines.wellFormed("\ude00\ud83d")).isEqualTo("\uFFFD\uFFFD");
  }

  @Test
  void aLineCutShortIsNotARecord() {
    String whole = new String(RecordLines.encode(RequestLogTesting.record("x", Instant.now())));
    assertThatThrownBy(() -> RecordLines.decode(whole.substring(0, whole.length() / 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordLines.decode("[1]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordLines.decode("{\"requestId\":\"no status\"}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
