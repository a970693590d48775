package com.diamondpricing.model.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.TestData;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.model.HoldoutEvaluation;
import com.diamondpricing.model.MissingFeatureException;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LinearModelTypeTests {

  static final LinearModelType TYPE = new LinearModelType();
  static HoldoutEvaluation.Result result;
  static Dataset clean;

  @BeforeAll
  static void fitOnTheNotebooksSplit() throws Exception {
    clean = TestData.bundledClean();
    result = HoldoutEvaluation.run(clean, TYPE, TrainingOptions.defaults());
  }

  @Test
  void reproducesTheNotebooksTestMetrics() {
    assertThat(result.nTrain()).isEqualTo(3991);
    assertThat(result.nTest()).isEqualTo(998);
    assertThat(result.test().r2()).isCloseTo(0.905388, within(1e-6));
    assertThat(result.test().mae()).isCloseTo(561.541431, within(1e-4));
  }

  @Test
  void reproducesTheNotebooksFirstFivePredictions() {
    int[] rows = {1839, 1536, 1662, 1075, 4201};
    double[] expected = {754.0993, 6120.7587, 1348.7520, 10818.1766, 5509.6964};
    for (int i = 0; i < rows.length; i++) {
      assertThat(result.model().predict(clean.diamond(rows[i])))
          .as("prediction for row %d", rows[i])
          .isCloseTo(expected[i], within(1e-3));
    }
  }

  @Test
  void itsIntervalsCoverTheTestRowsWithinThreePointsOfNominal() {
    System.out.printf(
        java.util.Locale.ROOT, "linear coverage on the test rows: %s%n", result.coverage());
    assertThat(result.model().provenance().calibration().rows()).isEqualTo(799);
    assertThat(result.coverage().get(0.8)).isCloseTo(0.8, within(0.03));
    assertThat(result.coverage().get(0.9)).isCloseTo(0.9, within(0.03));
  }

  @Test
  void artifactIsReadableJsonThatLoadsToTheSameModel() throws Exception {
    TrainedModel model = result.model();
    String json = new String(model.artifact(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"intercept\"", "\"carat\"", "\"cut_Premium\"", "\"clarity_I1\"");
    TrainedModel loaded = TYPE.load(model.artifact());
    Diamond d = clean.diamond(42);
    assertThat(loaded.predict(d)).isEqualTo(model.predict(d));
    assertThat(loaded.provenance()).isEqualTo(model.provenance());
  }

  @Test
  void provenanceNamesTheDataAndTheLibrary() {
    var p = result.model().provenance();
    assertThat(p.modelType()).isEqualTo("linear");
    assertThat(p.trainingRows()).isEqualTo(3991);
    assertThat(p.dataHash()).hasSize(64);
    assertThat(p.libraries()).containsKeys("java", "hipparchus-core");
    assertThat(p.trials()).isEmpty();
  }

  @Test
  void batchAndSinglePredictionsAgree() {
    Dataset some = clean.rows(new int[] {3, 1, 4, 1, 5});
    double[] batch = result.model().predict(some);
    for (int i = 0; i < some.size(); i++) {
      assertThat(batch[i]).isEqualTo(result.model().predict(some.diamond(i)));
    }
  }

  @Test
  void fittingTwiceGivesTheSameCoefficients() throws Exception {
    LinearModel again = (LinearModel) TYPE.trainer(TrainingOptions.defaults()).fit(clean);
    LinearModel twice = (LinearModel) TYPE.trainer(TrainingOptions.defaults()).fit(clean);
    assertThat(again.coefficients()).containsExactly(twice.coefficients());
  }

  @Nested
  class Refusals {

    @Test
    void aDiamondWithoutXCannotBePriced() {
      Diamond d = clean.diamond(0);
      Diamond noX =
          new Diamond(
              d.carat(),
              d.cut(),
              d.color(),
              d.clarity(),
              d.depth(),
              d.table(),
              Double.NaN,
              d.y(),
              d.z());
      assertThatThrownBy(() -> result.model().predict(noX))
          .isInstanceOfSatisfying(
              MissingFeatureException.class, e -> assertThat(e.feature()).isEqualTo(Feature.X));
    }

    @Test
    void bytesThatAreNotALinearModelAreRefused() {
      assertThatThrownBy(() -> TYPE.load("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(ModelLoadException.class);
      assertThatThrownBy(() -> TYPE.load(new byte[] {1, 2, 3}))
          .isInstanceOf(ModelLoadException.class);
    }

    @Test
    void tooFewRowsToFit() {
      assertThatThrownBy(
              () -> TYPE.trainer(TrainingOptions.defaults()).fit(clean.rows(new int[] {1, 2})))
          .hasMessageContaining("at least");
    }
  }

  @Nested
  class Explanations {

    @Test
    void theLogSpaceValuesAddUpToThePriceAndNameTheFeaturesTheModelUses() {
      for (int row : new int[] {0, 17, 1839, 4201}) {
        Diamond d = clean.diamond(row);
        var e = result.model().explain(d).orElseThrow();
        assertThat(e.scale()).isEqualTo(com.diamondpricing.model.Explanation.Scale.LOG_PRICE);
        assertThat(e.contributions().keySet())
            .containsExactly(Feature.CARAT, Feature.CUT, Feature.COLOR, Feature.CLARITY, Feature.X);
        assertThat(Math.exp(e.total())).isCloseTo(result.model().predict(d), within(1e-6));
      }
    }

    @Test
    void aDiamondAtTheTrainingMeansHasNoContributionFromCaratOrX() throws Exception {
      LinearModel model = (LinearModel) result.model();
      String json = new String(model.artifact(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"means\"");
      var e = model.explain(clean.diamond(5)).orElseThrow();
      double caratMean =
          com.fasterxml.jackson.databind.json.JsonMapper.builder()
              .build()
              .readTree(json)
              .path("means")
              .path("carat")
              .asDouble();
      double slope = model.coefficients()[0];
      assertThat(e.contributions().get(Feature.CARAT))
          .isCloseTo(slope * (clean.diamond(5).carat() - caratMean), within(1e-9));
    }

    @Test
    void anArtifactWithoutMeansLoadsAndPredictsButDoesNotExplain() throws Exception {
      String json = new String(result.model().artifact(), StandardCharsets.UTF_8);
      String older = json.replaceAll("(?s),\\s*\"means\"\\s*:\\s*\\{[^}]*\\}", "");
      assertThat(older).doesNotContain("\"means\"");
      TrainedModel loaded = TYPE.load(older.getBytes(StandardCharsets.UTF_8));
      Diamond d = clean.diamond(42);
      assertThat(loaded.predict(d)).isEqualTo(result.model().predict(d));
      assertThat(loaded.explain(d)).isEmpty();
    }
  }
}
