package com.diamondpricing.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTests {

  @Test
  void matchesScikitLearnOnASmallExample() {
    // sklearn: r2_score([3,-0.5,2,7],[2.5,0,2,8]) = 0.9486081370449679,
    // mean_absolute_error = 0.5, mean_squared_error = 0.375,
    // mean_absolute_percentage_error = 0.3273809523809524
    Metrics m = Metrics.of(new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0, 2, 8});
    assertThat(m.r2()).isCloseTo(0.9486081370449679, within(1e-12));
    assertThat(m.mae()).isCloseTo(0.5, within(1e-12));
    assertThat(m.rmse()).isCloseTo(Math.sqrt(0.375), within(1e-12));
    assertThat(m.mape()).isCloseTo(0.3273809523809524, within(1e-12));
  }

  @Test
  void perfectPredictionsOnAConstantTargetScoreOne() {
    assertThat(Metrics.of(new double[] {2, 2}, new double[] {2, 2}).r2()).isEqualTo(1.0);
    assertThat(Metrics.of(new double[] {2, 2}, new double[] {1, 3}).r2()).isEqualTo(0.0);
  }

  @Test
  void metricsAreNamed() {
    Metrics m = new Metrics(0.9, 10, 20, 0.1);
    assertThat(m.get("mae")).isEqualTo(10);
    assertThatThrownBy(() -> m.get("mse")).hasMessageContaining("r2, mae, rmse, mape");
  }

  @Test
  void lengthsMustAgree() {
    assertThatThrownBy(() -> Metrics.of(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Metrics.of(new double[0], new double[0]))
        .hasMessageContaining("no values");
  }
}
