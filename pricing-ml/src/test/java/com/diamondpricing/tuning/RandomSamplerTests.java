package com.diamondpricing.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The start-up (random) phase mappings of reference A.3. */
class RandomSamplerTests {

  private static final int N = 20_000;

  private double[] draw(ParameterSpec p, long seed) {
    RandomSampler sampler = new RandomSampler(seed);
    double[] out = new double[N];
    for (int i = 0; i < N; i++) {
      out[i] = sampler.sample(p);
    }
    return out;
  }

  @Test
  void logFloatStaysInRangeAndIsUniformInLogSpace() {
    double[] xs = draw(FloatParameter.logScale("lambda", 1e-8, 1.0), 1);
    assertThat(Fixtures.boxed(xs))
        .allSatisfy(x -> assertThat(x).isGreaterThanOrEqualTo(1e-8).isLessThan(1.0));
    long belowMiddle = java.util.Arrays.stream(xs).filter(x -> x < 1e-4).count();
    assertThat(belowMiddle / (double) N).isCloseTo(0.5, within(0.02));
    long belowTenth = java.util.Arrays.stream(xs).filter(x -> x < 1e-7).count();
    assertThat(belowTenth / (double) N).isCloseTo(0.125, within(0.01));
  }

  @Test
  void linearFloatStaysBelowHigh() {
    double[] xs = draw(FloatParameter.linear("x", -5, 5), 2);
    assertThat(Fixtures.boxed(xs))
        .allSatisfy(x -> assertThat(x).isGreaterThanOrEqualTo(-5).isLessThan(5));
    double mean = java.util.Arrays.stream(xs).average().orElseThrow();
    assertThat(mean).isCloseTo(0.0, within(0.1));
  }

  @Test
  void logIntGivesEachIntegerTheMassOfItsLogCell() {
    double[] xs = draw(new IntParameter("m", 1, 100, true, 1), 3);
    assertThat(Fixtures.boxed(xs))
        .allSatisfy(x -> assertThat(x).isEqualTo(Math.rint(x)).isBetween(1.0, 100.0));
    double total = Math.log(100.5) - Math.log(0.5);
    double expectedOnes = (Math.log(1.5) - Math.log(0.5)) / total; // 0.207
    double expectedHundreds = (Math.log(100.5) - Math.log(99.5)) / total;
    assertThat(count(xs, 1) / (double) N).isCloseTo(expectedOnes, within(0.01));
    assertThat(count(xs, 100) / (double) N).isCloseTo(expectedHundreds, within(0.002));
  }

  @Test
  void steppedFloatGivesEveryGridPointTheSameShare() {
    double[] xs = draw(FloatParameter.stepped("q", 0, 1, 0.1), 4);
    TreeMap<Double, Integer> counts = new TreeMap<>();
    for (double x : xs) {
      counts.merge(x, 1, Integer::sum);
    }
    assertThat(counts).hasSize(11);
    assertThat(counts.firstKey()).isEqualTo(0.0);
    assertThat(counts.lastKey()).isEqualTo(1.0);
    for (double k : counts.keySet()) {
      assertThat(k * 10).isCloseTo(Math.rint(k * 10), within(1e-9));
    }
    assertThat(chiSquare(counts.values().stream().mapToInt(Integer::intValue).toArray()))
        .isLessThan(29.6); // 10 dof, p = 0.001
  }

  @Test
  void steppedIntGivesEveryGridPointTheSameShare() {
    double[] xs = draw(new IntParameter("k", 0, 100, false, 5), 5);
    int[] counts = new int[21];
    for (double x : xs) {
      assertThat(x % 5).isEqualTo(0.0);
      counts[(int) x / 5]++;
    }
    assertThat(counts).doesNotContain(0);
    assertThat(chiSquare(counts)).isLessThan(45.3); // 20 dof, p = 0.001
  }

  @Test
  void intRangeReachesBothEnds() {
    double[] xs = draw(new IntParameter("n", 100, 1000, false, 1), 6);
    assertThat(Fixtures.boxed(xs))
        .allSatisfy(x -> assertThat(x).isEqualTo(Math.rint(x)).isBetween(100.0, 1000.0));
    assertThat(count(xs, 100)).isPositive();
    assertThat(count(xs, 1000)).isPositive();
  }

  @Test
  void categoricalIsUniform() {
    double[] xs = draw(CategoricalParameter.of("c", List.of(0.3, 0.4, 0.5, 0.7)), 7);
    int[] counts = new int[4];
    for (double x : xs) {
      counts[(int) x]++;
    }
    assertThat(chiSquare(counts)).isLessThan(16.27); // 3 dof, p = 0.001
    assertThat(Fixtures.boxed(counts)).allSatisfy(c -> assertThat(c).isBetween(4700, 5300));
  }

  @Test
  void singleValuedParametersAreNotDrawn() {
    RandomSampler a = new RandomSampler(8);
    RandomSampler b = new RandomSampler(8);
    assertThat(a.sample(new IntParameter("n", 3, 3, false, 1))).isEqualTo(3.0);
    assertThat(a.sample(FloatParameter.stepped("q", 0.5, 0.7, 0.5))).isEqualTo(0.5);
    assertThat(a.sample(CategoricalParameter.of("c", List.of("only")))).isEqualTo(0.0);
    // no draw was consumed: both streams continue alike
    ParameterSpec x = FloatParameter.linear("x", 0, 1);
    assertThat(a.sample(x)).isEqualTo(b.sample(x));
  }

  private static int count(double[] xs, double value) {
    return (int) java.util.Arrays.stream(xs).filter(x -> x == value).count();
  }

  private static double chiSquare(int[] counts) {
    double total = java.util.Arrays.stream(counts).sum();
    double expected = total / counts.length;
    double chi = 0;
    for (int c : counts) {
      chi += (c - expected) * (c - expected) / expected;
    }
    return chi;
  }
}
