package com.diamondpricing.server.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.data.Feature;
import com.diamondpricing.model.Explanation;
import com.diamondpricing.model.PriceExplanation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The explanation in the shop's words: Size as one contribution, every name in words. */
class GroupedExplanationTests {

  /** The 1.1 ct stone: its carat "lowers" the price while its length raises it. */
  static Map<Feature, Double> shapOf11CaratStone() {
    Map<Feature, Double> phi = new EnumMap<>(Feature.class);
    phi.put(Feature.CARAT, -787.13);
    phi.put(Feature.CUT, 25.1);
    phi.put(Feature.COLOR, -60.2);
    phi.put(Feature.CLARITY, -410.77);
    phi.put(Feature.DEPTH, 3.3);
    phi.put(Feature.TABLE, -12.04);
    phi.put(Feature.X, 3692.41);
    phi.put(Feature.Y, 801.9);
    phi.put(Feature.Z, 117.17);
    return phi;
  }

  static long cents(double dollars) {
    return Math.round(dollars * 100);
  }

  @Test
  void sizeIsOneContributionSummedFromCaratAndTheMeasurements() {
    ExplanationView why =
        ExplanationView.of(
            PriceExplanation.of(
                new Explanation(Explanation.Scale.PRICE, 3932.8, shapOf11CaratStone()), 7302.54));

    GroupedContribution size = why.grouped().get(0);
    assertThat(size.group()).isEqualTo("size");
    assertThat(size.label()).isEqualTo("Size");
    assertThat(size.parts())
        .extracting(GroupedContribution.Part::feature)
        .containsExactly("carat", "x", "y", "z");
    assertThat(size.parts())
        .extracting(GroupedContribution.Part::label)
        .containsExactly("Carat", "length (x, mm)", "width (y, mm)", "depth (z, mm)");
    long parts = size.parts().stream().mapToLong(p -> cents(p.contribution())).sum();
    assertThat(cents(size.contribution())).isEqualTo(parts);
    assertThat(size.contribution()).isPositive();
    assertThat(size.factor()).isNull();
    for (GroupedContribution.Part p : size.parts()) {
      assertThat(p.contribution()).isEqualTo(why.contributions().get(p.feature()));
    }
  }

  @Test
  void theOtherFeaturesAreNamedInWordsInTheModelsOrder() {
    ExplanationView why =
        ExplanationView.of(
            PriceExplanation.of(
                new Explanation(Explanation.Scale.PRICE, 3932.8, shapOf11CaratStone()), 7302.54));

    assertThat(why.grouped())
        .extracting(GroupedContribution::label)
        .containsExactly("Size", "Cut", "Colour", "Clarity", "Depth %", "Table %");
    GroupedContribution depth = why.grouped().get(4);
    assertThat(depth.group()).isEqualTo("depth");
    assertThat(depth.description()).contains("total depth as a percentage of the average diameter");
    assertThat(why.grouped().get(5).description())
        .contains("table", "percentage of the average diameter");
    assertThat(depth.parts())
        .extracting(GroupedContribution.Part::feature)
        .containsExactly("depth");
    // the per-feature fields are still there for the clients that read them
    assertThat(why.contributions()).containsKeys("carat", "x", "y", "z", "depth");
  }

  @Test
  void theGroupsAddUpToThePriceToTheCent() {
    for (double price : List.of(7302.54, 7302.55, 7301.99, 4100.0)) {
      ExplanationView why =
          ExplanationView.of(
              PriceExplanation.of(
                  new Explanation(Explanation.Scale.PRICE, 3932.8, shapOf11CaratStone()), price));
      long total = cents(why.baseline());
      for (GroupedContribution g : why.grouped()) {
        total += cents(g.contribution());
      }
      assertThat(total).as("price %s", price).isEqualTo(cents(price));
    }
  }

  @Test
  void aModelOnLogPriceGivesEachGroupTheProductOfItsPartsFactors() {
    Map<Feature, Double> logs = new EnumMap<>(Feature.class);
    logs.put(Feature.CARAT, -0.4);
    logs.put(Feature.CUT, 0.01);
    logs.put(Feature.X, 1.15);
    logs.put(Feature.Y, 0.05);
    double price = Math.round(Math.exp(8.2 + 0.81) * 100) / 100.0;
    ExplanationView why =
        ExplanationView.of(
            PriceExplanation.of(new Explanation(Explanation.Scale.LOG_PRICE, 8.2, logs), price));

    GroupedContribution size = why.grouped().get(0);
    assertThat(size.factor()).isCloseTo(Math.exp(-0.4 + 1.15 + 0.05), within(1e-5));
    assertThat(size.parts()).extracting(GroupedContribution.Part::factor).doesNotContainNull();
    long total = cents(why.baseline());
    for (GroupedContribution g : why.grouped()) {
      total += cents(g.contribution());
    }
    assertThat(total).isEqualTo(cents(price));
  }

  @Nested
  class AModelWithoutTheMeasurements {

    @Test
    void hasASizeOfCaratAlone() {
      Map<Feature, Double> phi = new EnumMap<>(Feature.class);
      phi.put(Feature.CARAT, 1611.45);
      phi.put(Feature.CUT, 25.1);
      ExplanationView why =
          ExplanationView.of(
              PriceExplanation.of(new Explanation(Explanation.Scale.PRICE, 3000, phi), 4636.55));

      assertThat(why.grouped())
          .extracting(GroupedContribution::label)
          .containsExactly("Size", "Cut");
      assertThat(why.grouped().get(0).parts()).hasSize(1);
      assertThat(why.grouped().get(0).contribution()).isEqualTo(1611.45);
    }
  }
}
