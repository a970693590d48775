package com.diamondpricing.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Live bias and coverage against their targets, each with its interval, n and status. */
class TargetCheckTests {

  @Test
  void theTestersCaseEightyPercentRangesCoveringSixtyEightPercentOf120SalesIsBad() {
    TargetCheck c = TargetCheck.coverage("coverage80", 0.8, 82, 120);
    assertThat(c.value()).isCloseTo(0.6833, within(1e-4));
    assertThat(c.low()).isCloseTo(0.610099133976134, within(1e-9));
    assertThat(c.high()).isCloseTo(0.7484828726832519, within(1e-9));
    assertThat(c.n()).isEqualTo(120);
    assertThat(c.status()).isEqualTo("bad");
    assertThat(c.verdict()).isEqualTo("below target: the ranges are too narrow");
  }

  @Test
  void aFewSalesOffTargetAreWithinChance() {
    // 7 of 10 inside an 80% range: the interval holds 80%
    TargetCheck few = TargetCheck.coverage("coverage80", 0.8, 7, 10);
    assertThat(few.status()).isEqualTo("ok");
    assertThat(few.verdict()).isEqualTo("on target");
    // 98.3% inside a 90% range over 600 sales: wider than needed
    TargetCheck wide = TargetCheck.coverage("coverage90", 0.9, 590, 600);
    assertThat(wide.status()).isEqualTo("warn");
    assertThat(wide.verdict()).startsWith("above target");
    // 77% of 5,000 in an 80% range: beyond chance but a small miss
    TargetCheck small = TargetCheck.coverage("coverage80", 0.8, 3850, 5000);
    assertThat(small.status()).isEqualTo("warn");
    // 79% of 5,000: beyond chance, within 2 points
    assertThat(TargetCheck.coverage("coverage80", 0.8, 3950, 5000).status()).isEqualTo("ok");
    assertThat(TargetCheck.coverage("coverage80", 0.8, 0, 0)).isNull();
  }

  static double[] logRatios(long seed, int n, double bias) {
    Random random = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = Math.log(1 + bias) + 0.1 * random.nextGaussian();
    }
    return v;
  }

  @Test
  void biasIsReadAgainstZeroWithItsInterval() {
    TargetCheck low = TargetCheck.bias(logRatios(7, 120, -0.08));
    assertThat(low.figure()).isEqualTo("bias");
    assertThat(low.target()).isZero();
    assertThat(low.n()).isEqualTo(120);
    assertThat(low.value()).isCloseTo(-0.08, within(0.02));
    assertThat(low.high()).isNegative();
    assertThat(low.status()).isEqualTo("bad");
    assertThat(low.verdict()).isEqualTo("priced too low");

    TargetCheck none = TargetCheck.bias(logRatios(8, 120, 0));
    assertThat(none.low()).isNegative();
    assertThat(none.high()).isPositive();
    assertThat(none.status()).isEqualTo("ok");
    assertThat(none.verdict()).isEqualTo("no bias beyond chance");

    TargetCheck high = TargetCheck.bias(logRatios(9, 2000, 0.03));
    assertThat(high.status()).isEqualTo("warn");
    assertThat(high.verdict()).isEqualTo("priced too high");

    TargetCheck one = TargetCheck.bias(new double[] {0.3});
    assertThat(one.low()).isNull();
    assertThat(one.verdict()).isEqualTo("too few sales to tell");
    assertThat(TargetCheck.bias(new double[0])).isNull();
  }
}
