package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Feature;
import com.diamondpricing.model.PriceExplanation;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why this price: the model's baseline (its expected price) and each feature's contribution, in
 * dollars, adding up to the price to the cent. A model on log(price) also gives each feature's
 * factor (x1.23 = +23%): the baseline times every factor is the price. The same contributions come
 * grouped in the shop's words too: Size (carat, length, width and depth read as one) and each other
 * feature by its name, each with its parts; they add up to the price the same way.
 *
 * @param baseline in dollars
 * @param contributions per feature the model uses, in dollars
 * @param factors per feature, for a model on log(price); absent otherwise
 * @param grouped the contributions in words, Size first and then each other feature in the model's
 *     order; baseline plus these is the price to the cent
 */
@Schema(description = "Why this price: baseline plus contributions equals the price")
public record ExplanationView(
    @Schema(example = "3932.8") double baseline,
    @Schema(example = "{\"carat\": 1611.45, \"cut\": 25.1, \"color\": -60.2}")
        Map<String, Double> contributions,
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(example = "{\"carat\": 1.41, \"cut\": 1.01, \"color\": 0.98}")
        Map<String, Double> factors,
    @Schema(
            description =
                "The contributions in the shop's words: Size (carat and the measurements x, y, z"
                    + " summed, each listed in parts) and every other feature by its name, with"
                    + " what it measures; baseline plus these equals the price to the cent")
        List<GroupedContribution> grouped) {

  static ExplanationView of(PriceExplanation e) {
    return new ExplanationView(
        e.baseline(),
        byColumn(e.contributions(), 2),
        byColumn(e.factors(), 6),
        grouped(e.contributions(), e.factors()));
  }

  private static Map<String, Double> byColumn(Map<Feature, Double> values, int digits) {
    Map<String, Double> out = new LinkedHashMap<>();
    values.forEach((f, v) -> out.put(f.column(), round(v, digits)));
    return out;
  }

  /**
   * The contributions grouped by {@link FeatureWords#group}, in the order their first feature
   * comes: a group's dollars are the sum of its parts' cents, its factor the product of theirs.
   */
  static List<GroupedContribution> grouped(
      Map<Feature, Double> contributions, Map<Feature, Double> factors) {
    Map<String, List<Feature>> groups = new LinkedHashMap<>();
    for (Feature f : contributions.keySet()) {
      groups.computeIfAbsent(FeatureWords.group(f), g -> new ArrayList<>()).add(f);
    }
    List<GroupedContribution> out = new ArrayList<>(groups.size());
    groups.forEach(
        (group, features) -> {
          long cents = 0;
          double factor = 1;
          List<GroupedContribution.Part> parts = new ArrayList<>(features.size());
          for (Feature f : features) {
            double dollars = round(contributions.get(f), 2);
            Double partFactor = factors.containsKey(f) ? round(factors.get(f), 6) : null;
            cents += Math.round(dollars * 100);
            factor *= factors.getOrDefault(f, 1.0);
            parts.add(
                new GroupedContribution.Part(
                    f.column(),
                    FeatureWords.label(f),
                    FeatureWords.description(f),
                    dollars,
                    partFactor));
          }
          boolean size = group.equals(FeatureWords.SIZE);
          Feature only = features.get(0);
          out.add(
              new GroupedContribution(
                  group,
                  size ? FeatureWords.SIZE_LABEL : FeatureWords.label(only),
                  size ? FeatureWords.SIZE_DESCRIPTION : FeatureWords.description(only),
                  cents / 100.0,
                  factors.isEmpty() ? null : round(factor, 6),
                  List.copyOf(parts)));
        });
    return List.copyOf(out);
  }

  private static double round(double v, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(v * scale) / scale;
  }
}
