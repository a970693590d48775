package com.diamondpricing.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.model.HoldoutEvaluation;
import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.ProvenanceJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CalibrationTests {

  /** 99 rows whose log scores are 0.01, 0.02, ..., 0.99 (in a shuffled order). */
  static double[][] rows() {
    int n = 99;
    double[] actual = new double[n];
    double[] predicted = new double[n];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < n; i++) {
      int k = (i * 37) % n + 1;
      predicted[i] = random.nextDouble(300, 20_000);
      actual[i] = predicted[i] * Math.exp((i % 2 == 0 ? 1 : -1) * k / 100.0);
    }
    return new double[][] {actual, predicted};
  }

  @Test
  void theHalfWidthIsTheConformalQuantileOfTheLogScores() {
    double[][] r = rows();
    Calibration c = Calibration.of(r[0], r[1]);
    assertThat(c.rows()).isEqualTo(99);
    // ceil(100 * 0.8) = 80th smallest score, ceil(100 * 0.9) = 90th
    assertThat(c.halfWidths().get(0.8)).isCloseTo(0.80, within(1e-9));
    assertThat(c.halfWidths().get(0.9)).isCloseTo(0.90, within(1e-9));
  }

  @Test
  void anIntervalIsWiderForADearerStoneAndCoversItsRows() {
    double[][] r = rows();
    Calibration c = Calibration.of(r[0], r[1]);
    Diamond stone = new Diamond(1, Cut.IDEAL, Color.G, Clarity.VS1, 62, 57, 6.4, 6.4, 4);
    double[] cheap = c.interval(stone, 1000, 0.8, false);
    double[] dear = c.interval(stone, 10_000, 0.8, true);
    assertThat(cheap[0]).isCloseTo(1000 * Math.exp(-0.8), within(1e-9));
    assertThat(dear[1] - dear[0]).isCloseTo(10 * (cheap[1] - cheap[0]), within(1e-6));
    // the rows scoring exactly q sit on the interval's edge, where rounding decides
    assertThat(HoldoutEvaluation.coverage(c, r[0], r[1]).get(0.8)).isBetween(79 / 99.0, 80 / 99.0);
    assertThat(HoldoutEvaluation.coverage(c, r[0], r[1]).get(0.9)).isBetween(89 / 99.0, 90 / 99.0);
    assertThat(HoldoutEvaluation.coverage(c, r[0], r[1]).get(0.9))
        .isGreaterThan(HoldoutEvaluation.coverage(c, r[0], r[1]).get(0.8));
  }

  @Test
  void itTravelsWithTheProvenance() throws Exception {
    double[][] r = rows();
    Provenance p =
        new Provenance(
                "linear",
                "h",
                10,
                42,
                Map.of(),
                Map.of(),
                Instant.parse("2026-11-30T00:00:00Z"),
                1.0,
                null,
                List.of())
            .withCalibration(Calibration.of(r[0], r[1]));
    Provenance back = ProvenanceJson.read(ProvenanceJson.write(p));
    assertThat(back.calibration()).isEqualTo(p.calibration());
    assertThat(ProvenanceJson.read(ProvenanceJson.write(p.withCalibration(null))).calibration())
        .isNull();
  }

  @Nested
  class Refusals {

    @Test
    void tooFewRowsForALevelAreRefused() {
      assertThatThrownBy(() -> Calibration.of(new double[] {1, 2, 3}, new double[] {1, 2, 3}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("too few");
    }

    @Test
    void anUncalibratedLevelIsRefused() {
      double[][] r = rows();
      Diamond stone = new Diamond(1, Cut.IDEAL, Color.G, Clarity.VS1, 62, 57, 6.4, 6.4, 4);
      assertThatThrownBy(() -> Calibration.of(r[0], r[1]).interval(stone, 100, 0.5, false))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
