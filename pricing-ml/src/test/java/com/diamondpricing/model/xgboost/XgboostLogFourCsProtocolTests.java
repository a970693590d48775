package com.diamondpricing.model.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.TestData;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.HoldoutEvaluation;
import com.diamondpricing.model.TrainingOptions;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * xgboost-log on the four Cs alone, by the same protocol as every feature (100 TPE trials, seed 42,
 * two workers, the notebook's split of the bundled data): what prices a stone without its
 * measurements. The Python reference recipe scores 327.6 on the four Cs against 312.0 with every
 * feature.
 */
class XgboostLogFourCsProtocolTests {

  static HoldoutEvaluation.Result result;

  @BeforeAll
  static void evaluate() throws Exception {
    result =
        HoldoutEvaluation.run(
            TestData.bundledClean(),
            new XgboostLogModelType(),
            TrainingOptions.defaults().withWorkers(2).withFeatureSet(FeatureSet.FOUR_CS));
  }

  @AfterAll
  static void close() {
    result.model().close();
  }

  @Test
  void itsTestMaeIsWithinATenthOfTheModelOfEveryFeature() {
    System.out.printf(
        Locale.ROOT,
        "xgboost-log on the four Cs, 100 trials, seed 42: test R2 %.6f, MAE %.4f, coverage %s%n",
        result.test().r2(),
        result.test().mae(),
        result.coverage());
    assertThat(result.test().mae())
        .isLessThanOrEqualTo(1.1 * XgboostLogModelTypeTests.GOLDEN_MAE)
        .isCloseTo(GOLDEN_MAE, within(1e-3));
  }

  static final double GOLDEN_MAE = 317.6602;

  @Test
  void itsRangesAreHonestOnTheTestRowsAndInEverySegment() {
    assertThat(result.coverage().get(0.9)).isBetween(0.87, 0.93);
    assertThat(result.coverage().get(0.8)).isBetween(0.77, 0.83);
    assertThat(result.outOfFoldCoverage().worst(0.9, 50))
        .allSatisfy(
            s ->
                assertThat(s.coverage().get(0.9))
                    .as(s.segment().describe())
                    .isGreaterThanOrEqualTo(0.85));
  }

  @Test
  void itNeverReadsAMeasurement() {
    Diamond d = TestData.bundledClean().diamond(7);
    Diamond bare =
        new Diamond(
            d.carat(),
            d.cut(),
            d.color(),
            d.clarity(),
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN);
    assertThat(result.model().predict(bare)).isEqualTo(result.model().predict(d));
    assertThat(result.model().featureSet()).isEqualTo(FeatureSet.FOUR_CS);
  }
}
