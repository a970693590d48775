package com.diamondpricing.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Cross-conformal calibration on stones whose price noise is known: ten times wider for I1 than for
 * other clarities, and wider for heavy stones. One width for every stone would cover I1 stones far
 * less than 90%; the normalised, per-segment ranges cover every segment.
 */
class CalibrationFitTests {

  /** A model's predictions (the true median price) and the actual prices around it. */
  record Sample(Dataset rows, double[] predicted, boolean[] few) {}

  static double noise(Clarity clarity, double carat) {
    return (clarity == Clarity.I1 ? 0.5 : 0.05) * (carat >= 2 ? 2 : 1);
  }

  static Sample sample(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Dataset.Builder b = Dataset.builder(n);
    double[] predicted = new double[n];
    boolean[] few = new boolean[n];
    for (int i = 0; i < n; i++) {
      double carat = 0.3 + random.nextDouble() * 2.4;
      Cut cut = Cut.values()[random.nextInt(Cut.values().length)];
      Color color = Color.values()[random.nextInt(Color.values().length)];
      Clarity clarity =
          random.nextInt(10) == 0
              ? Clarity.I1
              : Clarity.values()[random.nextInt(Clarity.values().length - 1)];
      double median = Math.exp(8.4 + 1.7 * Math.log(carat) + 0.05 * color.rank());
      double actual = median * Math.exp(noise(clarity, carat) * random.nextGaussian());
      double side = 6.5 * Math.cbrt(carat);
      b.add(
          carat,
          cut,
          color,
          clarity,
          62,
          57,
          Math.round(actual * 100) / 100.0,
          side,
          side,
          side * 0.62);
      predicted[i] = median;
      few[i] = random.nextInt(5) == 0;
    }
    return new Sample(b.build(), predicted, few);
  }

  static final Sample TRAIN = sample(4000, 1);
  static final CalibrationFit.Result FIT =
      CalibrationFit.fit(TRAIN.rows(), TRAIN.predicted(), TRAIN.few(), 5, 42);

  @Test
  void coversEverySegmentOutOfFoldWhereOneWidthWouldNot() {
    CoverageReport oof = FIT.coverage();
    assertThat(oof.rows()).isEqualTo(4000);
    assertThat(oof.overall().get(0.9)).isBetween(0.88, 0.95);
    for (CoverageReport.SegmentCoverage s : oof.segments()) {
      assertThat(s.coverage().get(0.9)).as(s.segment().describe()).isGreaterThanOrEqualTo(0.85);
    }
    // one pooled width, as split conformal gives, on the same residuals
    Calibration pooled = Calibration.of(TRAIN.rows().prices(), TRAIN.predicted());
    int i1 = 0;
    int covered = 0;
    for (int i = 0; i < TRAIN.rows().size(); i++) {
      if (TRAIN.rows().clarity(i) == Clarity.I1) {
        i1++;
        double r = Math.abs(Math.log(TRAIN.rows().price(i) / TRAIN.predicted()[i]));
        covered += r <= pooled.halfWidths().get(0.9) ? 1 : 0;
      }
    }
    assertThat((double) covered / i1).isLessThan(0.5);
  }

  @Test
  void coversFreshStonesOfTheSameKind() {
    Sample fresh = sample(4000, 2);
    Comparables none = Comparables.of(fresh.rows()); // every fresh stone's own rows: none few
    CoverageReport test =
        CalibrationFit.coverage(FIT.calibration(), fresh.rows(), fresh.predicted(), none);
    assertThat(test.overall().get(0.8)).isCloseTo(0.8, within(0.04));
    assertThat(test.overall().get(0.9)).isCloseTo(0.9, within(0.03));
    assertThat(test.of(new Segment(Segment.Kind.CLARITY, "I1")).orElseThrow().coverage().get(0.9))
        .isGreaterThan(0.85);
  }

  @Test
  void widensTheRangeWhereTheModelErrsMore() {
    Calibration c = FIT.calibration();
    Diamond clean = new Diamond(1, Cut.IDEAL, Color.G, Clarity.VS1, 62, 57, 6.4, 6.4, 4);
    Diamond included = new Diamond(1, Cut.IDEAL, Color.G, Clarity.I1, 62, 57, 6.4, 6.4, 4);
    Diamond heavy = new Diamond(2.5, Cut.IDEAL, Color.G, Clarity.VS1, 62, 57, 8.8, 8.8, 5.4);
    double h = c.halfWidth(clean, 0.9, false);
    assertThat(h).isCloseTo(0.05 * 1.645, within(0.03));
    assertThat(c.halfWidth(included, 0.9, false)).isGreaterThan(6 * h);
    assertThat(c.halfWidth(heavy, 0.9, false)).isGreaterThan(1.5 * h);
    assertThat(c.halfWidth(clean, 0.9, true)).isGreaterThanOrEqualTo(h);
    assertThat(c.halfWidth(clean, 0.8, false)).isLessThan(h);
    assertThat(c.crossConformal()).isTrue();
    assertThat(c.folds()).isEqualTo(5);
    assertThat(c.segments()).containsKey(new Segment(Segment.Kind.CLARITY, "I1"));
  }

  @Test
  void travelsAsJson() {
    Calibration c = FIT.calibration();
    Calibration back = IntervalJson.calibration(IntervalJson.toMap(c));
    assertThat(back).isEqualTo(c);
    CoverageReport report = IntervalJson.report(IntervalJson.toMap(FIT.coverage()));
    assertThat(report).isEqualTo(FIT.coverage());
    // a calibration stored before cross-conformal ones reads as split conformal
    Calibration old =
        IntervalJson.calibration(Map.of("rows", 799, "logHalfWidths", Map.of("0.9", 0.2)));
    assertThat(old.crossConformal()).isFalse();
    assertThat(
            old.halfWidth(
                new Diamond(1, Cut.IDEAL, Color.G, Clarity.I1, 62, 57, 6, 6, 4), 0.9, true))
        .isEqualTo(0.2);
  }

  @Test
  void isReproducible() {
    CalibrationFit.Result again =
        CalibrationFit.fit(TRAIN.rows(), TRAIN.predicted(), TRAIN.few(), 5, 42);
    assertThat(again).isEqualTo(FIT);
  }

  @Nested
  class TooFewRows {

    @Test
    void calibrateNothing() {
      Sample few = sample(CalibrationFit.MIN_ROWS - 1, 3);
      assertThat(CalibrationFit.fit(few.rows(), few.predicted(), few.few(), 5, 42)).isNull();
    }

    @Test
    void rowsNoFoldHeldOutAreLeftOut() {
      double[] predicted = TRAIN.predicted().clone();
      for (int i = 0; i < predicted.length; i += 2) {
        predicted[i] = Double.NaN;
      }
      CalibrationFit.Result half = CalibrationFit.fit(TRAIN.rows(), predicted, TRAIN.few(), 1, 42);
      assertThat(half.calibration().rows()).isEqualTo(2000);
      assertThat(half.coverage().rows()).isEqualTo(2000);
    }
  }
}
