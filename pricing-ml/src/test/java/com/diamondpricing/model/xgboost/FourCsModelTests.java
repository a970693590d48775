package com.diamondpricing.model.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.model.Explanation;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A model of the four Cs: it reads carat, cut, colour and clarity only, so a stone without its
 * measurements gets the price it would get with them, from trees that never split on them.
 */
class FourCsModelTests {

  static final Map<String, Object> REFERENCE =
      Map.of(
          "learning_rate", 0.03,
          "n_estimators", 600,
          "max_depth", 6,
          "min_child_weight", 1,
          "subsample", 0.8,
          "colsample_bytree", 0.8,
          "lambda", 1.0,
          "alpha", 0.0);

  static XgboostModel logFourCs;
  static XgboostModel priceFourCs;
  static Dataset test;

  @BeforeAll
  static void fit() throws Exception {
    Dataset train = NotebookModels.train();
    test = NotebookModels.test();
    TrainingOptions options = TrainingOptions.defaults().withFeatureSet(FeatureSet.FOUR_CS);
    logFourCs =
        new XgboostTrainer(options, XgboostRecipe.LOG_PRICE)
            .fitWith(train, REFERENCE, 2, System.nanoTime(), null, List.of());
    priceFourCs =
        new XgboostTrainer(options, XgboostRecipe.PRICE)
            .fitWith(train, REFERENCE, 2, System.nanoTime(), null, List.of());
  }

  @AfterAll
  static void close() {
    logFourCs.close();
    priceFourCs.close();
  }

  static Diamond bare(Diamond d) {
    return new Diamond(
        d.carat(),
        d.cut(),
        d.color(),
        d.clarity(),
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  @Test
  void pricesAStoneWithoutMeasurementsAsWithThem() {
    for (XgboostModel model : List.of(logFourCs, priceFourCs)) {
      assertThat(model.featureSet()).isEqualTo(FeatureSet.FOUR_CS);
      for (int row = 0; row < 50; row++) {
        Diamond d = test.diamond(row * 13);
        assertThat(model.predict(bare(d))).isEqualTo(model.predict(d)).isPositive();
      }
    }
  }

  @Test
  void itsTestMaeIsCloseToTheModelOfEveryFeature() throws Exception {
    // the reference recipe in Python: 327.6 for the four Cs against 312.0 with every feature
    double fourCs = Metrics.of(test.prices(), logFourCs.predict(test)).mae();
    try (XgboostModel all =
        new XgboostTrainer(TrainingOptions.defaults(), XgboostRecipe.LOG_PRICE)
            .fitWith(NotebookModels.train(), REFERENCE, 2, System.nanoTime(), null, List.of())) {
      double every = Metrics.of(test.prices(), all.predict(test)).mae();
      assertThat(fourCs).isLessThan(every * 1.1).isGreaterThan(every * 0.9);
    }
  }

  @Test
  void itsArtifactNamesTheFourColumnsAndLoadsBack() throws Exception {
    JsonNode learner = new ObjectMapper().readTree(logFourCs.artifact()).path("learner");
    assertThat(learner.path("feature_names").toString())
        .isEqualTo("[\"carat\",\"cut\",\"color\",\"clarity\"]");
    assertThat(learner.path("feature_types").toString()).isEqualTo("[\"q\",\"q\",\"q\",\"q\"]");
    assertThat(logFourCs.provenance().parameters())
        .containsEntry("feature_set", "four-cs")
        .containsEntry("monotone_constraints", "(1,0,0,0)");
    try (TrainedModel loaded = new XgboostLogModelType().load(logFourCs.artifact())) {
      assertThat(loaded.featureSet()).isEqualTo(FeatureSet.FOUR_CS);
      assertThat(loaded.predict(test)).containsExactly(logFourCs.predict(test));
    }
    try (XgboostModel loaded = XgboostModel.load(priceFourCs.artifact())) {
      assertThat(loaded.predictsInJava()).isTrue();
      assertThat(loaded.matrix().typeList()).containsExactly("q", "c", "c", "c");
    }
  }

  @Test
  void explainsWithTheFourCsOnly() {
    Explanation e = logFourCs.explain(bare(test.diamond(3))).orElseThrow();
    assertThat(e.contributions().keySet())
        .containsExactly(Feature.CARAT, Feature.CUT, Feature.COLOR, Feature.CLARITY);
  }

  @Test
  void gradesAreReadInTheTradesOrder() {
    FeatureMatrix ordered = XgboostRecipe.LOG_PRICE.matrix(FeatureSet.FOUR_CS);
    Diamond d = test.diamond(0);
    float[] row = ordered.row(d);
    assertThat(row)
        .containsExactly((float) d.carat(), d.cut().rank(), d.color().rank(), d.clarity().rank());
  }

  @Nested
  class Refusals {

    @Test
    void anArtifactWhoseColumnsNoFeatureSetHasIsRefused() {
      String json = new String(logFourCs.artifact(), java.nio.charset.StandardCharsets.UTF_8);
      String renamed = json.replace("\"clarity\"", "\"polish\"");
      assertThatThrownBy(() -> XgboostModel.load(renamed.getBytes()))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("no feature set");
    }

    @Test
    void theTypesTrainNoOtherSet() {
      assertThat(new XgboostLogModelType().featureSets())
          .containsExactly(FeatureSet.ALL, FeatureSet.FOUR_CS);
      assertThat(new XgboostLogModelType().requiredFeatures(FeatureSet.FOUR_CS))
          .containsExactly(Feature.CARAT, Feature.CUT, Feature.COLOR, Feature.CLARITY);
      assertThat(new XgboostLogModelType().requiredFeatures(FeatureSet.ALL))
          .hasSize(Feature.values().length);
    }
  }
}
