package com.diamondpricing.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The tests and intervals monitoring reads its figures with, against numbers computed independently
 * (SciPy 1.17: {@code stats.chisquare}, {@code stats.chi2.sf}, {@code stats.t.ppf}, {@code
 * stats.norm.ppf}).
 */
class SamplingTests {

  @Test
  void pearsonsGoodnessOfFitAsScipyGivesIt() {
    // stats.chisquare([30, 20, 25, 25]): statistic 2.0, p 0.5724067044708798
    assertThat(
            Sampling.goodnessOfFit(
                new double[] {0.25, 0.25, 0.25, 0.25}, new double[] {30, 20, 25, 25}))
        .isCloseTo(0.5724067044708798, within(1e-9));
    // shares that do not quite add up to 1 are scaled to the sample
    assertThat(
            Sampling.goodnessOfFit(
                new double[] {0.5, 0.5, 0.5, 0.5}, new double[] {30, 20, 25, 25}))
        .isCloseTo(0.5724067044708798, within(1e-9));
  }

  @Test
  void cellsExpectedBelowFiveArePooled() {
    // expected 50, 45, 3, 2: the last two pool into one cell of 5 (observed 6 + 4): X2 = 100/50 +
    // 25/45 + 25/5 = 7.5556 on 2 degrees of freedom, stats.chi2.sf(7.5556, 2) = 0.02287346491
    assertThat(
            Sampling.goodnessOfFit(
                new double[] {0.5, 0.45, 0.03, 0.02}, new double[] {40, 50, 6, 4}))
        .isCloseTo(0.02287346491123891, within(1e-9));
    // a level the reference never had pools too, and the pool joins the next cell until it holds 5
    double p = Sampling.goodnessOfFit(new double[] {0.97, 0.03, 0}, new double[] {95, 3, 2});
    assertThat(p).as("one cell left: nothing to test").isEqualTo(1.0);
  }

  @Test
  void nothingObservedOrOneCellIsNoEvidence() {
    assertThat(Sampling.goodnessOfFit(new double[] {0.5, 0.5}, new double[] {0, 0})).isEqualTo(1);
    assertThat(Sampling.goodnessOfFit(new double[] {1.0}, new double[] {40})).isEqualTo(1);
  }

  @Test
  void studentsTInterval() {
    // 3 ± stats.t.ppf(0.95, 4) * stdev / sqrt(5) = 3 ± 2.1318467863 * 0.7071067812
    Sampling.MeanInterval m = Sampling.tInterval(new double[] {1, 2, 3, 4, 5}, 0.9);
    assertThat(m.n()).isEqualTo(5);
    assertThat(m.mean()).isEqualTo(3.0);
    assertThat(m.low()).isCloseTo(1.4925566809376771, within(1e-9));
    assertThat(m.high()).isCloseTo(4.507443319062323, within(1e-9));
    assertThat(m.excludes(1.0)).isTrue();
    assertThat(m.excludes(2.0)).isFalse();
    Sampling.MeanInterval one = Sampling.tInterval(new double[] {0.2}, 0.9);
    assertThat(one.low()).isNaN();
    assertThat(one.excludes(0)).as("one value says nothing of its spread").isFalse();
  }

  @Test
  void wilsonsInterval() {
    // the testers' case: 82 of 120 sales (68.3%) inside their 80% ranges
    double[] ci = Sampling.wilson(82, 120, 0.9);
    assertThat(ci[0]).isCloseTo(0.610099133976134, within(1e-9));
    assertThat(ci[1]).isCloseTo(0.7484828726832519, within(1e-9));
    assertThat(Sampling.wilson(0, 0, 0.9)).isNull();
    double[] all = Sampling.wilson(5, 5, 0.9);
    assertThat(all[0]).as("5 of 5 do not rule out 80%").isCloseTo(0.6488834992348987, within(1e-9));
    assertThat(all[1]).isCloseTo(1.0, within(1e-12));
  }
}
