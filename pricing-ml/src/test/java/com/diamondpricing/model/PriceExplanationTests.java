package com.diamondpricing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.data.Feature;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PriceExplanationTests {

  static Map<Feature, Double> values(double... v) {
    Map<Feature, Double> m = new EnumMap<>(Feature.class);
    for (int i = 0; i < v.length; i++) {
      m.put(Feature.values()[i], v[i]);
    }
    return m;
  }

  static long cents(double dollars) {
    return Math.round(dollars * 100);
  }

  static long totalCents(PriceExplanation e) {
    long sum = cents(e.baseline());
    for (double c : e.contributions().values()) {
      sum += cents(c);
    }
    return sum;
  }

  @Test
  void aPriceModelsValuesAreDollarsThatAddUpToThePriceToTheCent() {
    var e = new Explanation(Explanation.Scale.PRICE, 3932.8, values(1500.123, -210.456, 88.8));
    double price = 5311.27; // the served price: a float sum, a cent off the exact 5311.267
    PriceExplanation p = PriceExplanation.of(e, price);
    assertThat(p.baseline()).isEqualTo(3932.80);
    assertThat(p.factors()).isEmpty();
    assertThat(totalCents(p)).isEqualTo(cents(price));
    assertThat(p.contributions().get(Feature.CARAT)).isCloseTo(1500.12, within(0.015));
    assertThat(p.contributions().get(Feature.CUT)).isCloseTo(-210.46, within(0.015));
  }

  @Test
  void aLogModelsValuesBecomeFactorsAndProportionalDollars() {
    double baseline = Math.log(4000);
    var e = new Explanation(Explanation.Scale.LOG_PRICE, baseline, values(0.5, -0.1, 0.1));
    double price = Math.round(Math.exp(e.total()) * 100) / 100.0;
    PriceExplanation p = PriceExplanation.of(e, price);
    assertThat(p.baseline()).isEqualTo(4000.00);
    assertThat(p.factors().get(Feature.CARAT)).isCloseTo(Math.exp(0.5), within(1e-12));
    double product = p.baseline();
    for (double f : p.factors().values()) {
      product *= f;
    }
    assertThat(product).isCloseTo(price, within(0.01));
    double gap = price - 4000;
    assertThat(p.contributions().get(Feature.CARAT)).isCloseTo(gap, within(0.02));
    assertThat(p.contributions().get(Feature.CUT)).isCloseTo(-gap / 5, within(0.02));
    assertThat(totalCents(p)).isEqualTo(cents(price));
  }

  @Test
  void onRandomExplanationsTheCentsAlwaysAddUp() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 10_000; i++) {
      double[] v = new double[9];
      double sum = 0;
      for (int f = 0; f < 9; f++) {
        v[f] = random.nextDouble(-2000, 2000);
        sum += v[f];
      }
      double baseline = random.nextDouble(500, 5000);
      double price = Math.round((baseline + sum + random.nextDouble(-0.03, 0.03)) * 100) / 100.0;
      var p =
          PriceExplanation.of(new Explanation(Explanation.Scale.PRICE, baseline, values(v)), price);
      assertThat(totalCents(p)).as("explanation %d", i).isEqualTo(cents(price));
    }
  }

  @Nested
  class Degenerate {

    @Test
    void aLogModelAtItsBaselineGivesNothingToAnyFeature() {
      var e = new Explanation(Explanation.Scale.LOG_PRICE, Math.log(1000), values(0, 0, 0));
      PriceExplanation p = PriceExplanation.of(e, 1000.00);
      assertThat(p.contributions().values()).containsOnly(0.0);
      assertThat(p.factors().values()).containsOnly(1.0);
    }
  }
}
