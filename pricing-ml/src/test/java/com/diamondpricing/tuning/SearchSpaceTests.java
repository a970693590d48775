package com.diamondpricing.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SearchSpaceTests {

  @Test
  void keepsInsertionOrderAndTypes() {
    SearchSpace space =
        SearchSpace.builder()
            .logFloat("lambda", 1e-8, 1.0)
            .floatRange("x", -5, 5)
            .steppedFloat("q", 0, 1, 0.1)
            .intRange("n_estimators", 100, 1000)
            .steppedInt("k", 0, 100, 5)
            .logInt("m", 1, 100)
            .categorical("colsample_bytree", List.of(0.3, 0.4, 0.5, 0.7))
            .build();
    assertThat(space.parameters())
        .extracting(ParameterSpec::name)
        .containsExactly("lambda", "x", "q", "n_estimators", "k", "m", "colsample_bytree");
    assertThat(space.parameters().get(0)).isEqualTo(new FloatParameter("lambda", 1e-8, 1, true, 0));
    assertThat(space.parameters().get(5)).isEqualTo(new IntParameter("m", 1, 100, true, 1));
  }

  @Test
  void highIsLoweredToTheLastGridPoint() {
    assertThat(FloatParameter.stepped("q", 0, 1.05, 0.1).high()).isEqualTo(1.0);
    assertThat(FloatParameter.stepped("q", 0.1, 0.75, 0.2).high()).isEqualTo(0.7);
    assertThat(FloatParameter.stepped("q", 0, 0.3, 0.1).high()).isEqualTo(0.3); // exact in decimal
    assertThat(new IntParameter("k", 0, 99, false, 5).high()).isEqualTo(95);
    assertThat(new IntParameter("k", -7, 10, false, 3).high()).isEqualTo(8);
  }

  @Test
  void singleValuedDistributions() {
    assertThat(FloatParameter.linear("x", 2, 2).isSingleValued()).isTrue();
    assertThat(FloatParameter.stepped("x", 0, 0.05, 0.1).isSingleValued()).isTrue();
    assertThat(new IntParameter("n", 0, 4, false, 5).isSingleValued()).isTrue();
    assertThat(CategoricalParameter.of("c", List.of("a")).isSingleValued()).isTrue();
    assertThat(new IntParameter("n", 0, 5, false, 5).isSingleValued()).isFalse();
  }

  @Test
  void categoricalChoicesAreCopied() {
    List<Object> choices = new ArrayList<>(List.of("a", "b"));
    CategoricalParameter p = CategoricalParameter.of("c", choices);
    choices.add("c");
    assertThat(p.choices()).containsExactly("a", "b");
    assertThat(p.toExternal(1)).isEqualTo("b");
  }

  @Nested
  class InvalidDistributionsAreRejected {

    @Test
    void logFloatNeedsAPositiveLow() {
      assertThatThrownBy(() -> SearchSpace.builder().logFloat("lambda", 0, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("lambda")
          .hasMessageContaining("log scale needs low > 0");
      assertThatThrownBy(() -> SearchSpace.builder().logFloat("lambda", -1, 1))
          .hasMessageContaining("log scale needs low > 0");
    }

    @Test
    void logIntNeedsLowAtLeastOne() {
      assertThatThrownBy(() -> SearchSpace.builder().logInt("m", 0, 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("log scale needs low >= 1");
    }

    @Test
    void logTogetherWithAStepIsAnError() {
      assertThatThrownBy(() -> new FloatParameter("x", 1, 10, true, 0.5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("step is not supported together with a log scale");
      assertThatThrownBy(() -> new IntParameter("m", 1, 10, true, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("log scale needs step 1");
    }

    @Test
    void stepMustBePositive() {
      assertThatThrownBy(() -> SearchSpace.builder().steppedFloat("q", 0, 1, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("step must be a finite positive number");
      assertThatThrownBy(() -> SearchSpace.builder().steppedFloat("q", 0, 1, -0.1))
          .hasMessageContaining("step must be a finite positive number");
      assertThatThrownBy(() -> SearchSpace.builder().steppedFloat("q", 0, 1, Double.NaN))
          .hasMessageContaining("step must be a finite positive number");
      assertThatThrownBy(() -> SearchSpace.builder().steppedInt("k", 0, 10, 0))
          .hasMessageContaining("step must be a positive integer");
    }

    @Test
    void lowMustNotExceedHigh() {
      assertThatThrownBy(() -> SearchSpace.builder().floatRange("x", 5, -5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("low must be smaller than or equal to high");
      assertThatThrownBy(() -> SearchSpace.builder().intRange("n", 10, 1))
          .hasMessageContaining("low must be smaller than or equal to high");
      assertThatThrownBy(() -> SearchSpace.builder().logFloat("l", 1, 0.1))
          .hasMessageContaining("low must be smaller than or equal to high");
    }

    @Test
    void boundsMustBeFinite() {
      assertThatThrownBy(() -> SearchSpace.builder().floatRange("x", 0, Double.POSITIVE_INFINITY))
          .hasMessageContaining("must be finite");
      assertThatThrownBy(() -> SearchSpace.builder().floatRange("x", Double.NaN, 1))
          .hasMessageContaining("must be finite");
    }

    @Test
    void categoricalNeedsChoices() {
      assertThatThrownBy(() -> SearchSpace.builder().categorical("c", List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("needs at least one choice");
      assertThatThrownBy(() -> SearchSpace.builder().categorical("c", null))
          .hasMessageContaining("needs at least one choice");
      assertThatThrownBy(() -> SearchSpace.builder().categorical("c", Arrays.asList("a", null)))
          .hasMessageContaining("must not be null");
    }

    @Test
    void namesMustBeUniqueAndNonBlank() {
      SearchSpace.Builder builder = SearchSpace.builder().floatRange("x", 0, 1);
      assertThatThrownBy(() -> builder.intRange("x", 0, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("duplicate parameter name: 'x'");
      assertThatThrownBy(() -> SearchSpace.builder().floatRange(" ", 0, 1))
          .hasMessageContaining("non-blank name");
    }

    @Test
    void anEmptySpaceIsRejected() {
      assertThatThrownBy(() -> SearchSpace.builder().build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("at least one parameter");
    }
  }
}
