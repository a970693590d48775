package com.diamondpricing.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Diamond;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Grade-level sale ratios from a few sales on, with their 90% intervals (seeded): 17 sales of G
 * stones sold 20% over their prices are flagged, 17 of E sold at their prices give or take the
 * model's usual error are not; a level of fewer sales than the minimum is not enough data.
 */
class SaleRatiosTests {

  /** The model's usual error on a stone: log(actual / predicted) about N(0, 0.12). */
  static final double SPREAD = 0.12;

  static List<SaleStore.SoldPrediction> sold(Random random, Color color, double market, int n) {
    List<SaleStore.SoldPrediction> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double predicted = 1000 + random.nextInt(9000);
      double actual = predicted * market * Math.exp(SPREAD * random.nextGaussian());
      Diamond stone =
          new Diamond(
              0.3 + random.nextDouble(),
              Cut.values()[random.nextInt(Cut.values().length)],
              color,
              Clarity.values()[random.nextInt(Clarity.values().length)],
              61.8,
              57,
              5,
              5,
              3);
      out.add(
          new SaleStore.SoldPrediction(
              predicted, actual, null, null, null, null, Instant.EPOCH, stone));
    }
    return out;
  }

  static DriftReport.SegmentDrift level(
      List<DriftReport.SegmentDrift> segments, String feature, String level) {
    return segments.stream()
        .filter(s -> s.feature().equals(feature) && s.level().equals(level))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void seventeenSalesTwentyPercentOverThePriceAreFlaggedAndNoiseIsNot() {
    Random random = new Random(2);
    List<SaleStore.SoldPrediction> sales = new ArrayList<>(sold(random, Color.G, 1.2, 17));
    sales.addAll(sold(random, Color.E, 1.0, 17));
    sales.addAll(sold(random, Color.D, 1.2, 3));

    List<DriftReport.SegmentDrift> segments = Drifts.segments(null, sales, 5);

    DriftReport.SegmentDrift g = level(segments, "color", "G");
    DriftReport.SegmentDrift e = level(segments, "color", "E");
    System.out.printf(
        java.util.Locale.ROOT,
        "sale ratios: G %.12f (%.12f to %.12f), E %.12f (%.12f to %.12f)%n",
        g.ratio(),
        g.ratioLow(),
        g.ratioHigh(),
        e.ratio(),
        e.ratioLow(),
        e.ratioHigh());
    assertThat(g.sales()).isEqualTo(17);
    assertThat(g.label()).isEqualTo("major");
    assertThat(g.ratioLow()).as("the interval excludes no change").isGreaterThan(1.0);
    assertThat(g.ratio()).isCloseTo(GOLDEN_G[0], within(1e-9));
    assertThat(g.ratioLow()).isCloseTo(GOLDEN_G[1], within(1e-9));
    assertThat(g.ratioHigh()).isCloseTo(GOLDEN_G[2], within(1e-9));
    assertThat(g.psi()).as("no PSI below 100 sales").isNull();

    assertThat(e.label()).isEqualTo("stable");
    assertThat(e.ratioLow()).isLessThan(1.0);
    assertThat(e.ratioHigh()).isGreaterThan(1.0);
    assertThat(e.ratio()).isCloseTo(GOLDEN_E[0], within(1e-9));
    assertThat(e.ratioLow()).isCloseTo(GOLDEN_E[1], within(1e-9));
    assertThat(e.ratioHigh()).isCloseTo(GOLDEN_E[2], within(1e-9));

    DriftReport.SegmentDrift d = level(segments, "color", "D");
    assertThat(d.label()).isEqualTo("not enough data");
    assertThat(d.ratio()).isNull();
    assertThat(d.ratioLow()).isNull();
  }

  /** G: +23% (90% CI +18% to +28%), 17 sales. */
  static final double[] GOLDEN_G = {1.230486929023005, 1.1789546132392077, 1.284271731493075};

  /** E: +1.2% (90% CI -3.6% to +6.2%), 17 sales. */
  static final double[] GOLDEN_E = {1.0118853344226868, 0.9643159640764345, 1.0618012852253833};

  @Test
  void overManySeedsALevelOfNoiseIsFlaggedAboutOneTimeInTen() {
    // a 90% interval: about one level in ten of pure noise excludes no change by chance; major
    // (10% or more off) far less often
    int flagged = 0;
    int major = 0;
    for (int seed = 0; seed < 1000; seed++) {
      DriftReport.SegmentDrift e =
          level(Drifts.segments(null, sold(new Random(seed), Color.E, 1.0, 17), 5), "color", "E");
      flagged += e.label().equals("stable") ? 0 : 1;
      major += e.label().equals("major") ? 1 : 0;
    }
    assertThat(flagged).isBetween(70, 130);
    assertThat(major).isLessThan(10);
    int found = 0;
    for (int seed = 0; seed < 1000; seed++) {
      DriftReport.SegmentDrift g =
          level(Drifts.segments(null, sold(new Random(seed), Color.G, 1.2, 17), 5), "color", "G");
      found += g.label().equals("major") ? 1 : 0;
    }
    assertThat(found).as("20%% over the price, 17 sales: found nearly always").isGreaterThan(990);
  }

  @Test
  void theRatioIsTheGeometricMeanAndItsIntervalTheTIntervalOfTheLogs() {
    SaleRatios.Ratio r = SaleRatios.of(new double[] {1.1, 1.2, 1.3, 1.25, 1.15}, 5);
    double[] logs = {Math.log(1.1), Math.log(1.2), Math.log(1.3), Math.log(1.25), Math.log(1.15)};
    Sampling.MeanInterval m = Sampling.tInterval(logs, 0.9);
    assertThat(r.ratio()).isCloseTo(Math.exp(m.mean()), within(1e-12));
    assertThat(r.low()).isCloseTo(Math.exp(m.low()), within(1e-12));
    assertThat(r.median()).isEqualTo(1.2);
    assertThat(r.label()).isEqualTo("major");
    assertThat(SaleRatios.of(new double[] {1.03, 1.04, 1.05, 1.04, 1.035}, 5).label())
        .as("beyond chance, but under 10%")
        .isEqualTo("moderate");
    assertThat(SaleRatios.of(new double[] {1.2, 1.3, 1.25, 1.22}, 5).label())
        .isEqualTo("not enough data");
  }
}
