package com.diamondpricing.tuning;

import static com.diamondpricing.tuning.Fixtures.complete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The TPE estimator against the worked examples of reference Part A (A.1, A.7, A.11). */
class EstimatorTests {

  @Nested
  class Defaults {

    @Test
    void gammaMatchesOptunaDefaultGamma() {
      int[][] expected = {
        {0, 0},
        {1, 1},
        {10, 1},
        {11, 2},
        {20, 2},
        {21, 3},
        {30, 3},
        {100, 10},
        {241, 25},
        {1000, 25}
      };
      for (int[] e : expected) {
        assertThat(TpeDefaults.gamma(e[0])).as("gamma(%d)", e[0]).isEqualTo(e[1]);
      }
      for (int n = 0; n < 2000; n++) {
        assertThat(TpeDefaults.gamma(n)).isEqualTo(Math.min((n + 9) / 10, 25));
      }
    }

    @Test
    void defaultWeightsRampTheOldestOnceThereAre25() {
      double[] w30 = TpeDefaults.weights(30);
      assertThat(w30).hasSize(30);
      assertThat(w30[0]).isCloseTo(1.0 / 30, within(1e-12));
      assertThat(w30[1]).isCloseTo(0.275, within(1e-12));
      assertThat(w30[2]).isCloseTo(0.516666666667, within(1e-9));
      assertThat(w30[3]).isCloseTo(0.758333333333, within(1e-9));
      for (int i = 4; i < 30; i++) {
        assertThat(w30[i]).as("w[%d]", i).isEqualTo(1.0);
      }
      assertThat(TpeDefaults.weights(0)).isEmpty();
      assertThat(TpeDefaults.weights(24)).containsOnly(1.0);
      assertThat(TpeDefaults.weights(25)).containsOnly(1.0);
      assertThat(TpeDefaults.weights(26)).containsExactly(prepend(1.0 / 26, ones(25)));
    }

    @Test
    void mixtureWeightsGiveThePriorOneShare() {
      assertThat(TpeDefaults.mixtureWeights(2, 1.0))
          .containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-15));
      assertThat(TpeDefaults.mixtureWeights(0, 1.0)).containsExactly(1.0);
      double[] above90 = TpeDefaults.mixtureWeights(90, 1.0);
      assertThat(above90[0]).isLessThan(above90[64]);
      assertThat(above90[64]).isEqualTo(above90[89]).isEqualTo(above90[90]);
    }

    private double[] ones(int n) {
      double[] a = new double[n];
      java.util.Arrays.fill(a, 1.0);
      return a;
    }

    private double[] prepend(double first, double[] rest) {
      double[] a = new double[rest.length + 1];
      a[0] = first;
      System.arraycopy(rest, 0, a, 1, rest.length);
      return a;
    }
  }

  /** A.11: x in [0, 10], 11 COMPLETE trials, objective (x − 3.5)². */
  @Nested
  class WorkedContinuousExample {

    private final double[] xs = {1, 9, 4, 6.5, 2.5, 8, 3, 7, 5.5, 0.5, 3.6};
    private final NumericDomain domain = FloatParameter.linear("x", 0, 10).domain();

    private TpeSampler.Split split() {
      List<FinishedTrial> trials = new ArrayList<>();
      for (int i = 0; i < xs.length; i++) {
        trials.add(complete(i, (xs[i] - 3.5) * (xs[i] - 3.5), xs[i]));
      }
      return TpeSampler.split(trials);
    }

    private double[] values(List<FinishedTrial> group) {
      return group.stream().mapToDouble(t -> t.internal()[0]).toArray();
    }

    @Test
    void belowHoldsTrials2And10() {
      TpeSampler.Split split = split();
      assertThat(split.below()).extracting(FinishedTrial::number).containsExactly(2, 10);
      assertThat(split.above())
          .extracting(FinishedTrial::number)
          .containsExactly(0, 1, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void belowBandwidthsAreClippedUpTo2point5() {
      ParzenEstimator l = new ParzenEstimator(values(split().below()), domain, 1.0);
      assertThat(l.mus()).containsExactly(4.0, 3.6, 5.0);
      assertThat(l.sigmas()).containsExactly(new double[] {2.5, 2.5, 10}, within(1e-12));
      assertThat(l.weights())
          .containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-15));
    }

    @Test
    void aboveBandwidthsFollowTheFartherNeighbourRuleWithThePriorCentre() {
      ParzenEstimator g = new ParzenEstimator(values(split().above()), domain, 1.0);
      assertThat(g.sigmas())
          .containsExactly(new double[] {1.5, 1, 1, 1.5, 1, 2, 1, 1, 10.0 / 11, 10}, within(1e-12));
      assertThat(g.weights()).containsOnly(0.1);
    }

    @Test
    void scoresMatchTheCorrectedDensity() {
      TpeSampler.Split split = split();
      ParzenEstimator l = new ParzenEstimator(values(split.below()), domain, 1.0);
      ParzenEstimator g = new ParzenEstimator(values(split.above()), domain, 1.0);
      assertThat(l.logPdf(3.0) - g.logPdf(3.0)).isCloseTo(0.6308, within(5e-5));
      assertThat(l.logPdf(3.5) - g.logPdf(3.5)).isCloseTo(0.7694, within(5e-5));
      assertThat(l.logPdf(5.0) - g.logPdf(5.0)).isCloseTo(0.4694, within(5e-5));
    }

    @Test
    void densityIntegratesToOne() {
      ParzenEstimator g = new ParzenEstimator(values(split().above()), domain, 1.0);
      int n = 20000;
      double h = 10.0 / n;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += Math.exp(g.logPdf((i + 0.5) * h)) * h;
      }
      assertThat(sum).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void theBestCandidateIsTheFirstMaximum() {
      TpeSampler.Split split = split();
      ParzenEstimator l = new ParzenEstimator(values(split.below()), domain, 1.0);
      ParzenEstimator g = new ParzenEstimator(values(split.above()), domain, 1.0);
      assertThat(TpeSampler.argmaxScore(l, g, new double[] {5.0, 3.0, 3.5, 3.5, 3.0})).isEqualTo(2);
    }

    @Test
    void candidatesStayInRange() {
      ParzenEstimator l = new ParzenEstimator(values(split().below()), domain, 1.0);
      double[] drawn = l.sample(new SplittableRandom(7), 5000);
      assertThat(Fixtures.boxed(drawn)).allSatisfy(x -> assertThat(x).isBetween(0.0, 10.0));
      // most mass near the below observations 3.6 and 4.0 (2/3 of the mixture, sigma 2.5)
      long near = java.util.Arrays.stream(drawn).filter(x -> x > 1 && x < 6.5).count();
      assertThat(near / 5000.0).isBetween(0.6, 0.8);
    }
  }

  @Nested
  class WorkedDiscreteExamples {

    @Test
    void logIntBandwidths() {
      NumericDomain d = new IntParameter("m", 1, 100, true, 1).domain();
      assertThat(d.workingLow()).isCloseTo(-0.693, within(5e-4));
      assertThat(d.workingHigh()).isCloseTo(4.610, within(5e-4));
      ParzenEstimator e = new ParzenEstimator(new double[] {4, 8, 50}, d, 1.0);
      assertThat(e.mus()).containsExactly(new double[] {1.386, 2.079, 3.912, 1.9585}, within(5e-4));
      assertThat(e.sigmas())
          .containsExactly(new double[] {1.061, 1.833, 1.833, 5.303}, within(5e-4));
    }

    @Test
    void steppedIntBandwidthsAreClippedUpToAQuarterOfTheRange() {
      NumericDomain d = new IntParameter("k", 0, 100, false, 5).domain();
      assertThat(d.workingLow()).isEqualTo(-2.5);
      assertThat(d.workingHigh()).isEqualTo(102.5);
      ParzenEstimator e = new ParzenEstimator(new double[] {10, 35}, d, 1.0);
      assertThat(e.mus()).containsExactly(10, 35, 50);
      assertThat(e.sigmas()).containsExactly(new double[] {26.25, 26.25, 105}, within(1e-12));
    }

    @Test
    void gridMassesSumToOneAndCandidatesAreOnTheGrid() {
      NumericDomain d = new IntParameter("k", 0, 100, false, 5).domain();
      ParzenEstimator e = new ParzenEstimator(new double[] {10, 35}, d, 1.0);
      double sum = 0;
      for (int v = 0; v <= 100; v += 5) {
        sum += Math.exp(e.logPdf(v));
      }
      assertThat(sum).isCloseTo(1.0, within(1e-12));
      assertThat(Fixtures.boxed(e.sample(new SplittableRandom(1), 2000)))
          .allSatisfy(v -> assertThat(v % 5).isEqualTo(0.0))
          .allSatisfy(v -> assertThat(v).isBetween(0.0, 100.0));
    }

    @Test
    void logIntMassesSumToOne() {
      NumericDomain d = new IntParameter("m", 1, 100, true, 1).domain();
      ParzenEstimator e = new ParzenEstimator(new double[] {4, 8, 50}, d, 1.0);
      double sum = 0;
      for (int v = 1; v <= 100; v++) {
        sum += Math.exp(e.logPdf(v));
      }
      assertThat(sum).isCloseTo(1.0, within(1e-12));
      assertThat(Fixtures.boxed(e.sample(new SplittableRandom(1), 2000)))
          .allSatisfy(v -> assertThat(v).isEqualTo(Math.rint(v)).isBetween(1.0, 100.0));
    }

    @Test
    void steppedFloatCandidatesAreRoundedHalfToEven() {
      NumericDomain d = FloatParameter.stepped("q", 0, 1, 0.5).domain();
      assertThat(d.fromWorking(0.25)).isEqualTo(0.0); // rint(0.5) = 0
      assertThat(d.fromWorking(0.75)).isEqualTo(1.0); // rint(1.5) = 2 -> 1.0
      assertThat(d.fromWorking(1.2)).isEqualTo(1.0); // clipped
      NumericDomain logInt = new IntParameter("m", 1, 100, true, 1).domain();
      assertThat(logInt.fromWorking(Math.log(2.5))).isEqualTo(2.0);
      assertThat(logInt.fromWorking(Math.log(3.5))).isEqualTo(4.0);
    }
  }

  /** A.7: choices {a, b, c}; below = [c, c]; above = a×4, b×4, c×1. */
  @Nested
  class WorkedCategoricalExample {

    private final CategoricalEstimator l = new CategoricalEstimator(new int[] {2, 2}, 3, 1.0);
    private final CategoricalEstimator g =
        new CategoricalEstimator(new int[] {0, 1, 0, 1, 2, 0, 1, 0, 1}, 3, 1.0);

    @Test
    void pmfs() {
      assertThat(l.pmf()).containsExactly(new double[] {0.2222, 0.2222, 0.5556}, within(5e-5));
      assertThat(g.pmf()).containsExactly(new double[] {0.4103, 0.4103, 0.1795}, within(5e-5));
      assertThat(l.logPmf(0) - g.logPmf(0)).isCloseTo(-0.613, within(5e-4));
      assertThat(l.logPmf(2) - g.logPmf(2)).isCloseTo(1.130, within(5e-4));
    }

    @Test
    void samplingFollowsThePmf() {
      int[] drawn = l.sample(new SplittableRandom(3), 30000);
      int[] counts = new int[3];
      for (int c : drawn) {
        counts[c]++;
      }
      assertThat(counts[2] / 30000.0).isCloseTo(0.5556, within(0.015));
      assertThat(counts[0] / 30000.0).isCloseTo(0.2222, within(0.015));
    }

    @Test
    void withoutObservationsThePriorIsUniform() {
      CategoricalEstimator empty = new CategoricalEstimator(new int[0], 4, 1.0);
      assertThat(empty.pmf()).containsOnly(0.25);
    }
  }

  @Nested
  class GaussianHelpers {

    @Test
    void inverseCdfInvertsTheCdf() {
      NormalDistribution normal = new NormalDistribution(0, 1);
      // the upper tail is ill-conditioned in p (p = 1 - 1e-9 at x = 6), so round-trip up to x = 3
      for (double x = -8; x <= 8; x += 0.25) {
        if (x <= 3) {
          assertThat(Gaussian.inverseCdf(Gaussian.cdf(x))).as("x=%s", x).isCloseTo(x, within(1e-9));
        }
        assertThat(Gaussian.cdf(x)).isCloseTo(normal.cumulativeProbability(x), within(1e-15));
      }
      for (double p : new double[] {1e-300, 1e-20, 1e-5, 0.01, 0.3, 0.5, 0.9, 0.999}) {
        double x = Gaussian.inverseCdf(p);
        assertThat(Gaussian.cdf(x) / p).as("p=%s", p).isCloseTo(1.0, within(1e-12));
      }
      assertThat(Gaussian.inverseCdf(0.5)).isCloseTo(0.0, within(1e-15));
      assertThat(Gaussian.inverseCdf(0.975)).isCloseTo(1.959963984540054, within(1e-13));
    }

    @Test
    void logMassIsStableInBothTails() {
      assertThat(Gaussian.logMass(-1, 1)).isCloseTo(Math.log(0.6826894921370859), within(1e-14));
      assertThat(Gaussian.logMass(10, 11))
          .isCloseTo(Gaussian.logMass(-11, -10), within(1e-12))
          .isCloseTo(-53.231310225583115, within(1e-9));
      assertThat(Gaussian.logMass(0, Double.POSITIVE_INFINITY))
          .isCloseTo(Math.log(0.5), within(1e-15));
    }

    @Test
    void truncatedQuantileStaysInsideItsBounds() {
      assertThat(ParzenEstimator.truncatedNormalQuantile(-1, 2, 0.0)).isEqualTo(-1);
      assertThat(ParzenEstimator.truncatedNormalQuantile(-1, 2, 1.0)).isEqualTo(2);
      assertThat(ParzenEstimator.truncatedNormalQuantile(-100, 0.5, 1e-9)).isBetween(-100.0, 0.5);
      assertThat(ParzenEstimator.truncatedNormalQuantile(0, 3, 0.5))
          .isCloseTo(
              new NormalDistribution(0, 1)
                  .inverseCumulativeProbability(0.5 + 0.5 * (Gaussian.cdf(3) - 0.5)),
              within(1e-9));
    }
  }
}
