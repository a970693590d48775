package com.diamondpricing.server.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.server.ledger.AnsweringModel;
import com.diamondpricing.server.ledger.RecordedPrediction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A record's journal line: what goes in comes back, priced diamonds included. */
class RecordLinesTests {

  static final RecordedPrediction WHOLE =
      new RecordedPrediction(
          "0b9c6f7e-8d0a-4f3b-9a51-2c4d6e8f1a2b",
          new Diamond(1.1, Cut.IDEAL, Color.H, Clarity.SI2, 62.0, 55.0, 6.61, 6.65, 4.11),
          4733.21,
          4301.77,
          5224.06,
          4100.0,
          5400.5,
          null);
  static final RecordedPrediction BARE =
      new RecordedPrediction(
          "1c9c6f7e-8d0a-4f3b-9a51-2c4d6e8f1a2b",
          new Diamond(
              0.3,
              Cut.VERY_GOOD,
              Color.E,
              Clarity.VS1,
              Double.NaN,
              Double.NaN,
              4.3,
              Double.NaN,
              Double.NaN),
          612.0,
          null,
          null,
          null,
          null,
          new AnsweringModel(9L, "xgboost-log", 2));

  static RequestRecord record(List<RecordedPrediction> predictions) {
    return RequestLogTesting.priced(
        "req-1", Instant.parse("2026-11-30T12:00:00.123Z"), predictions);
  }

  static RequestRecord roundTrip(RequestRecord r) {
    String line = new String(RecordLines.encode(r), StandardCharsets.UTF_8);
    assertThat(line).endsWith("\n").doesNotContain("\n\n");
    return RecordLines.decode(line.strip());
  }

  @Test
  void predictionsComeBackWithTheirNulls() {
    RequestRecord r = record(List.of(WHOLE, BARE));
    assertThat(roundTrip(r)).isEqualTo(r);
  }

  @Test
  void aRecordWithoutPredictionsHasAnEmptyList() {
    RequestRecord r = record(List.of());
    assertThat(RecordLines.encode(r))
        .asString(StandardCharsets.UTF_8)
        .doesNotContain("\"predictions\"");
    assertThat(roundTrip(r).predictions()).isEmpty();
  }

  @Nested
  class Refused {

    @Test
    void aPredictionWithTooFewValues() {
      String line =
          new String(RecordLines.encode(record(List.of(WHOLE))), StandardCharsets.UTF_8)
              .replace(",5400.5]", "]")
              .strip();
      assertThatThrownBy(() -> RecordLines.decode(line))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("14 values, not 15");
    }

    @Test
    void predictionsThatAreNotAList() {
      String line =
          new String(RecordLines.encode(record(List.of())), StandardCharsets.UTF_8)
              .replace("}", ",\"predictions\":7}")
              .strip();
      assertThatThrownBy(() -> RecordLines.decode(line))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
