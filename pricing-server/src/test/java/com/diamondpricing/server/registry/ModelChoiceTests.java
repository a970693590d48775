package com.diamondpricing.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.linear.LinearModelType;
import com.diamondpricing.model.xgboost.XgboostModelType;
import com.diamondpricing.server.problem.Problem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for model-type names and trial counts. */
class ModelChoiceTests {

  final ModelChoice choice =
      new ModelChoice(ModelTypes.of(new XgboostModelType(), new LinearModelType()));

  @Test
  void theAllowedValuesAreTheRegisteredNamesSorted() {
    assertThat(choice.names()).containsExactly("linear", "xgboost");
  }

  @ParameterizedTest
  @ValueSource(strings = {"linear", "Linear", "LINEAR", " linear", "linear\t", " LiNeAr "})
  void aNameIsTrimmedAndMatchedWhateverItsCase(String name) {
    assertThat(choice.models(List.of(name))).containsExactly("linear");
    assertThat(choice.model(name)).isEqualTo("linear");
  }

  @Test
  void namesKeepTheOrderFirstNamedWithoutRepeatsOrBlanks() {
    assertThat(choice.models(Arrays.asList("XGBoost", "", "linear", null, " xgboost ", "Linear")))
        .containsExactly("xgboost", "linear");
  }

  @Test
  void noNameMeansEveryRegisteredType() {
    assertThat(choice.models(null)).containsExactly("linear", "xgboost");
    assertThat(choice.models(List.of())).containsExactly("linear", "xgboost");
    assertThat(choice.models(List.of(" ", ""))).containsExactly("linear", "xgboost");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 100, 10_000})
  void trialsFromOneToTenThousandAreTaken(int trials) {
    assertThat(ModelChoice.trials(trials)).isEqualTo(trials);
  }

  @Nested
  class Refusals {

    @Test
    void anUnknownNameIsRefusedNamingTheAllowedValues() {
      InvalidChoiceProblem e =
          catchThrowableOfType(
              InvalidChoiceProblem.class, () -> choice.models(List.of("linear", " Forest ")));

      assertThat(e.field()).isEqualTo("models");
      assertThat(e.getMessage())
          .isEqualTo("unknown model type 'Forest'; allowed values: linear, xgboost");
      assertThat(e.allowedValues()).containsExactly("linear", "xgboost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"forest", "lin ear", "linear,xgboost", "linears", "xgb"})
    void onlyAWholeRegisteredNameIsTaken(String name) {
      InvalidChoiceProblem e =
          catchThrowableOfType(InvalidChoiceProblem.class, () -> choice.model(name));

      assertThat(e.field()).isEqualTo("model");
      assertThat(e.getMessage()).startsWith("unknown model type '" + name.strip() + "'");
    }

    @Test
    void aLongUnknownNameIsCutInTheMessage() {
      String name = "x".repeat(500);

      InvalidChoiceProblem e =
          catchThrowableOfType(InvalidChoiceProblem.class, () -> choice.models(List.of(name)));

      assertThat(e.getMessage())
          .contains("'" + "x".repeat(ModelChoice.MAX_ECHOED - 3) + "...'")
          .hasSizeLessThan(120);
    }

    @Test
    void aSingleChoiceCannotBeBlank() {
      for (String blank : Arrays.asList(null, "", "  ")) {
        InvalidChoiceProblem e =
            catchThrowableOfType(InvalidChoiceProblem.class, () -> choice.model(blank));

        assertThat(e.field()).isEqualTo("model");
        assertThat(e.getMessage()).contains("allowed values: linear, xgboost");
      }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void trialsOutsideOneToTenThousandAreRefused(int trials) {
      InvalidChoiceProblem e =
          catchThrowableOfType(InvalidChoiceProblem.class, () -> ModelChoice.trials(trials));

      assertThat(e.field()).isEqualTo("trials");
      assertThat(e.getMessage()).isEqualTo("trials must be between 1 and 10000, not " + trials);
      assertThat(e.allowedValues()).isEmpty();
    }

    @Test
    void aRefusalIsInvalidInputNamingTheFieldAndTheAllowedValues() {
      InvalidChoiceProblem e =
          catchThrowableOfType(InvalidChoiceProblem.class, () -> choice.models(List.of("forest")));

      Problem problem = e;

      assertThat(problem.kind()).isEqualTo(Problem.Kind.INVALID_INPUT);
      assertThat(problem.code()).isEqualTo("invalid-parameter");
      assertThat(problem.detail()).isEqualTo(e.getMessage());
      assertThat(problem.field()).isEqualTo("models");
      assertThat(problem.allowedValues()).containsExactly("linear", "xgboost");
    }

    @Test
    void aRefusedTrialCountHasNoListOfAllowedValues() {
      InvalidChoiceProblem e =
          catchThrowableOfType(InvalidChoiceProblem.class, () -> ModelChoice.trials(0));

      assertThat(e.field()).isEqualTo("trials");
      assertThat(e.allowedValues()).isEmpty();
    }
  }
}
