package com.diamondpricing.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradeTests {

  @ParameterizedTest
  @ValueSource(
      strings = {"Very Good", "very good", "  VERY GOOD ", "very   good", "\tvery\t \ngood\u2003"})
  void cutParsesCaseInsensitivelyWithSpacesTrimmed(String text) {
    assertThat(Cut.parse(text)).isEqualTo(Cut.VERY_GOOD);
  }

  @Test
  void colorAndClarityParse() {
    assertThat(Color.parse(" h ")).isEqualTo(Color.H);
    assertThat(Clarity.parse("vvs2")).isEqualTo(Clarity.VVS2);
  }

  @Test
  void codesFollowTheNotebookOrder() {
    assertThat(Grade.labels(Cut.class))
        .containsExactly("Fair", "Good", "Very Good", "Ideal", "Premium");
    assertThat(Grade.labels(Clarity.class))
        .containsExactly("IF", "VVS1", "VVS2", "VS1", "VS2", "SI1", "SI2", "I1");
    assertThat(Cut.PREMIUM.code()).isEqualTo(4);
    assertThat(Color.J.code()).isEqualTo(6);
  }

  @Test
  void ranksFollowTheTradesQualityOrder() {
    assertThat(
            java.util.Arrays.stream(Cut.values())
                .sorted(java.util.Comparator.comparingInt(Cut::rank)))
        .containsExactly(Cut.FAIR, Cut.GOOD, Cut.VERY_GOOD, Cut.PREMIUM, Cut.IDEAL);
    assertThat(Color.J.rank()).isZero();
    assertThat(Color.D.rank()).isEqualTo(6);
    assertThat(Clarity.I1.rank()).isZero();
    assertThat(Clarity.SI2.rank()).isEqualTo(1);
    assertThat(Clarity.IF.rank()).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"verygood", "very good x", "very goo", "\u0130F", "I F", ""})
  void anythingElseIsNoGrade(String text) {
    assertThat(Grade.matches(Cut.VERY_GOOD, text) || Grade.matches(Clarity.IF, text)).isFalse();
  }

  @Nested
  class UnknownValues {

    @Test
    void unknownCutNamesTheFieldAndTheAllowedValues() {
      assertThatThrownBy(() -> Cut.parse("Superb"))
          .isInstanceOfSatisfying(
              UnknownGradeException.class,
              e -> {
                assertThat(e.field()).isEqualTo("cut");
                assertThat(e.value()).isEqualTo("Superb");
                assertThat(e.allowed()).contains("Very Good", "Ideal");
              })
          .hasMessageContaining("allowed values: Fair, Good, Very Good, Ideal, Premium");
    }

    @Test
    void nullAndBlankAreUnknown() {
      assertThatThrownBy(() -> Color.parse(null)).isInstanceOf(UnknownGradeException.class);
      assertThatThrownBy(() -> Clarity.parse(" ")).hasMessageContaining("clarity");
    }

    @Test
    void aLabelOfAnotherGradeIsNotAccepted() {
      assertThatThrownBy(() -> Color.parse("SI1")).hasMessageContaining("D, E, F, G, H, I, J");
    }
  }
}
