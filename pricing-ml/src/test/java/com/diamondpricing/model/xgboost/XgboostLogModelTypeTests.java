package com.diamondpricing.model.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.TestData;
import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.model.Explanation;
import com.diamondpricing.model.HoldoutEvaluation;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingOptions;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * XGBoost on log(price), monotone in carat, grades ordered, tuned by TPE (100 trials, seed 42) with
 * each trial scored by 5-fold cross-validation, on the notebook's split of the bundled data.
 */
class XgboostLogModelTypeTests {

  static final XgboostLogModelType TYPE = new XgboostLogModelType();
  static Dataset clean;
  static HoldoutEvaluation.Result result;

  @BeforeAll
  static void evaluate() throws Exception {
    clean = TestData.bundledClean();
    result = HoldoutEvaluation.run(clean, TYPE, TrainingOptions.defaults().withWorkers(2));
  }

  @Test
  void beatsTheUntunedReferenceOnTheTestRows() {
    System.out.printf(
        Locale.ROOT,
        "xgboost-log, 100 trials, seed 42: test R2 %.6f, MAE %.4f%n",
        result.test().r2(),
        result.test().mae());
    assertThat(result.model().provenance().trials()).hasSize(100);
    // the untuned reference recipe (600 rounds at 0.03, depth 6) scores 312.0 in Python, 316.4
    // with xgboost4j
    assertThat(result.test().mae()).isLessThanOrEqualTo(312);
    assertThat(result.test().r2()).isGreaterThan(0.97);
  }

  @Test
  void isReproducible() throws Exception {
    // the golden figure of this seed, data and worker count (two cores): a change to the search
    // or the fit shows here
    assertThat(result.test().mae()).isCloseTo(GOLDEN_MAE, within(1e-3));
  }

  static final double GOLDEN_MAE = 302.8169;

  @Test
  void itsIntervalsCoverTheTestRowsWithinThreePointsOfNominal() {
    System.out.printf(
        Locale.ROOT, "xgboost-log coverage on the test rows: %s%n", result.coverage());
    // every tuning row is held out once by the 5 folds
    assertThat(result.model().provenance().calibration().rows()).isEqualTo(3991);
    assertThat(result.coverage().get(0.8)).isCloseTo(0.8, within(0.03));
    assertThat(result.coverage().get(0.9)).isCloseTo(0.9, within(0.03));
  }

  @Test
  void itsRangesCoverEverySegmentOutOfFold() {
    // calibrated cross-conformally on the training part; each row ranged by a calibration fitted
    // without it: every cut, colour, clarity and carat band of 50 rows or more at 85% at least
    var oof = result.outOfFoldCoverage();
    assertThat(oof.rows()).isEqualTo(3991);
    assertThat(oof.overall().get(0.9)).isBetween(0.87, 0.93);
    assertThat(oof.worst(0.9, 50))
        .isNotEmpty()
        .allSatisfy(
            s ->
                assertThat(s.coverage().get(0.9))
                    .as(s.segment().describe())
                    .isGreaterThanOrEqualTo(0.85));
    assertThat(result.coverage().get(0.9)).as("the test rows").isBetween(0.87, 0.93);
  }

  @Test
  void recordsItsTargetAndConstraintInTheProvenance() {
    var p = result.model().provenance();
    assertThat(p.modelType()).isEqualTo("xgboost-log");
    assertThat(p.parameters())
        .containsEntry("target", "log(price)")
        .containsEntry("objective", "reg:absoluteerror")
        .containsEntry("feature_set", "all")
        .containsEntry("feature_types", "q,q,q,q,q,q,q,q,q")
        .containsEntry("monotone_constraints", "(1,0,0,0,0,0,0,0,0)");
  }

  @Test
  void aHeavierStoneNeverGetsALowerPrice() {
    SplittableRandom random = new SplittableRandom(2026);
    TrainedModel model = result.model();
    for (int stone = 0; stone < 2_000; stone++) {
      Cut cut = Cut.values()[random.nextInt(Cut.values().length)];
      Color color = Color.values()[random.nextInt(Color.values().length)];
      Clarity clarity = Clarity.values()[random.nextInt(Clarity.values().length)];
      double depth = random.nextDouble(55, 70);
      double table = random.nextDouble(50, 70);
      double x = random.nextDouble(3.5, 9.5);
      double y = x * random.nextDouble(0.97, 1.03);
      double z = x * random.nextDouble(0.55, 0.66);
      double previous = 0;
      for (double carat = 0.2; carat <= 3.0; carat += random.nextDouble(0.005, 0.1)) {
        double price =
            model.predict(new Diamond(carat, cut, color, clarity, depth, table, x, y, z));
        assertThat(price)
            .as("stone %d at %.3f carat", stone, carat)
            .isGreaterThanOrEqualTo(previous);
        previous = price;
      }
    }
  }

  @Test
  void explainsInLogDollars() {
    for (int row = 0; row < 20; row++) {
      Diamond d = clean.diamond(row * 97);
      Explanation e = result.model().explain(d).orElseThrow();
      assertThat(e.scale()).isEqualTo(Explanation.Scale.LOG_PRICE);
      // in log dollars, up to the walk's single-precision sums over hundreds of trees
      assertThat(e.total()).isCloseTo(Math.log(result.model().predict(d)), within(1e-4));
    }
  }

  @Test
  void itsArtifactLoadsBackAsTheSameModel() throws Exception {
    try (TrainedModel loaded = TYPE.load(result.model().artifact())) {
      assertThat(loaded.type()).isEqualTo("xgboost-log");
      Diamond d = clean.diamond(42);
      assertThat(loaded.predict(d)).isEqualTo(result.model().predict(d));
    }
  }

  @Nested
  class Refusals {

    @Test
    void theOtherXgboostTypeRefusesItsArtifact() {
      assertThatThrownBy(() -> new XgboostModelType().load(result.model().artifact()))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("xgboost-log");
    }
  }
}
