package com.diamondpricing.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * PSI against decile bins: near zero for the same distribution, major for a shifted one; flagged
 * only with a goodness-of-fit p-value below the significance.
 */
class PsiTests {

  static double[] normal(long seed, int n, double mean) {
    Random random = new Random(seed);
    return DoubleStream.generate(() -> mean + random.nextGaussian()).limit(n).toArray();
  }

  @Test
  void decilesSplitTheReferenceIntoTenths() {
    Bins bins = Bins.deciles(normal(1, 10_000, 0));
    assertThat(bins.edges()).hasSize(9).isSorted();
    assertThat(bins.shares())
        .hasSize(10)
        .allSatisfy(s -> assertThat(s).isCloseTo(0.1, within(0.002)));
    assertThat(bins.shares().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void theSameDistributionIsStableAndAShiftedOneMajor() {
    Bins reference = Bins.deciles(normal(1, 10_000, 0));
    double same = reference.psi(normal(2, 5_000, 0));
    double shifted = reference.psi(normal(3, 5_000, 1));
    assertThat(same).isLessThan(0.01);
    assertThat(Psi.label(same)).isEqualTo("stable");
    assertThat(shifted).isGreaterThan(0.25);
    assertThat(Psi.label(shifted)).isEqualTo("major");
    assertThat(Psi.label(0.1)).isEqualTo("moderate");
    assertThat(Psi.label(0.25)).isEqualTo("moderate");
  }

  @Test
  void aPsiIsFlaggedOnlyWhenTheSampleDiffersBeyondChance() {
    assertThat(Psi.SIGNIFICANCE).isEqualTo(Psi.FAMILY_SIGNIFICANCE / Psi.FIGURES, within(1e-15));
    assertThat(Psi.label(0.3, 0.0001)).isEqualTo("major");
    assertThat(Psi.label(0.15, 0.0001)).isEqualTo("moderate");
    assertThat(Psi.label(0.05, 0.0001)).as("significant but immaterial").isEqualTo("stable");
    assertThat(Psi.label(0.3, 0.02)).as("material but within chance").isEqualTo("stable");
    // 100 values from the reference itself and 100 shifted by half a standard deviation
    Bins reference = Bins.deciles(normal(1, 10_000, 0));
    double[] same = normal(6, 100, 0);
    double[] shifted = normal(7, 100, 0.5);
    assertThat(reference.pValue(same)).isGreaterThan(0.05);
    assertThat(reference.pValue(shifted)).isLessThan(Psi.SIGNIFICANCE);
    assertThat(Psi.label(reference.psi(shifted), reference.pValue(shifted))).isNotEqualTo("stable");
  }

  @Test
  void gradeSharesCompareLevelByLevel() {
    double psi = Psi.of(new double[] {0.5, 0.5}, new double[] {90, 10}, 100);
    assertThat(psi)
        .isCloseTo(
            (0.9 - 0.5) * Math.log(0.9 / 0.5) + (0.1 - 0.5) * Math.log(0.1 / 0.5), within(1e-12));
  }

  @Nested
  class Edges {

    @Test
    void tiedValuesMakeFewerBinsThatStillAddUp() {
      Bins bins = Bins.deciles(new double[] {55, 55, 55, 55, 55, 55, 56, 57, 57, 58});
      assertThat(bins.edges()).doesNotHaveDuplicates();
      assertThat(bins.shares()).hasSize(bins.edges().size() + 1);
      assertThat(bins.shares().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1.0, within(1e-9));
      assertThat(bins.psi(new double[] {55, 55, 55, 55, 55, 55, 56, 57, 57, 58}))
          .isCloseTo(0, within(1e-9));
    }

    @Test
    void missingValuesAreLeftOutAndNoValuesGiveNoBins() {
      assertThat(Bins.deciles(new double[] {Double.NaN})).isNull();
      Bins bins = Bins.deciles(normal(4, 1000, 0));
      double[] withGaps = normal(5, 1000, 0);
      withGaps[3] = Double.NaN;
      assertThat(bins.psi(withGaps)).isLessThan(0.05);
      assertThat(
              bins.counts(List.of(Double.NaN).stream().mapToDouble(Double::doubleValue).toArray()))
          .containsOnly(0.0);
    }
  }
}
