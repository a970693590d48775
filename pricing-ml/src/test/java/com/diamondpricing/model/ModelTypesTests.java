package com.diamondpricing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.diamondpricing.TestData;
import com.diamondpricing.data.Feature;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelTypesTests {

  @Test
  void discoversTheBuiltInTypesAndATestOnlyTypeFromServiceFiles() {
    ModelTypes types = ModelTypes.discover();
    assertThat(types.names()).contains("linear", "xgboost", "xgboost-log", "median-price");
    assertThat(types.get("median-price")).isInstanceOf(MedianPriceModelType.class);
  }

  @Test
  void aTypeRegisteredOnlyByItsServiceLineTrainsThroughTheSharedProtocol() throws Exception {
    ModelType type = ModelTypes.discover().get("median-price");
    HoldoutEvaluation.Result r =
        HoldoutEvaluation.run(TestData.bundledClean(), type, TrainingOptions.defaults());
    assertThat(r.model().type()).isEqualTo("median-price");
    assertThat(r.test().mae()).isPositive();
    TrainedModel loaded = type.load(r.model().artifact());
    assertThat(loaded.predict(TestData.bundledClean().diamond(0)))
        .isEqualTo(r.model().predict(TestData.bundledClean().diamond(0)));
  }

  @Test
  void requiredFeaturesArePartOfTheFeatures() {
    for (ModelType t : ModelTypes.discover().all()) {
      assertThat(t.features()).as(t.name()).containsAll(t.requiredFeatures());
      assertThat(t.requiredFeatures()).as(t.name()).contains(Feature.CARAT);
    }
  }

  @Nested
  class Refusals {
    @Test
    void anUnknownNameListsTheAllowedValues() {
      assertThatThrownBy(() -> ModelTypes.discover().get("forest"))
          .hasMessageContaining("unknown model type 'forest'")
          .hasMessageContaining("linear")
          .hasMessageContaining("xgboost");
    }
  }
}
