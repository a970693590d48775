package com.diamondpricing.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.data.Metrics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI's text for figures: one style everywhere, plain numbers, times to the second. */
class ModelTextTests {

  @Test
  void numbersAreFourSignificantDigitsInPlainNotation() {
    assertThat(ModelText.value(1.3458E-4)).isEqualTo("0.0001346");
    assertThat(ModelText.value(7.13763542361403E-7)).isEqualTo("0.0000007138");
    assertThat(ModelText.value(0.9762473261072515)).isEqualTo("0.9762");
    assertThat(ModelText.value(600.0)).isEqualTo("600");
    assertThat(ModelText.value(Double.NaN)).isEqualTo("NaN");
    assertThat(ModelText.value(600)).isEqualTo("600");
    assertThat(ModelText.value("hist")).isEqualTo("hist");
  }

  @Test
  void timesAreToTheSecondAndUtc() {
    assertThat(ModelText.value(Instant.parse("2026-12-07T19:45:08.990123456Z")))
        .isEqualTo("2026-12-07 19:45:08Z");
  }

  @Test
  void entriesAndMetricsUseTheSameStyle() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("alpha", 1.3458E-4);
    params.put("max_depth", 6);
    assertThat(ModelText.entries(params)).isEqualTo("alpha=0.0001346, max_depth=6");
    assertThat(ModelText.metrics(new Metrics(0.9762473261072515, 319.5312, 541.77, 0.07123)))
        .isEqualTo("R2 0.9762, MAE 319.53, RMSE 541.77, MAPE 7.12%");
    assertThat(ModelText.metrics(0.9762473261072515, 319.5312, 541.77, 0.07123))
        .isEqualTo("R2 0.9762, MAE 319.53, RMSE 541.77, MAPE 7.12%");
  }
}
