package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Feature;
import com.diamondpricing.model.PriceExplanation;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why this price: the model's baseline (its expected price) and each feature's contribution, in
 * dollars, adding up to the price to the cent. A model on log(price) also gives each feature's
 * factor (x1.23 = +23%): the baseline times every factor is the price.
 *
 * @param baseline in dollars
 * @param contributions per feature the model uses, in dollars
 * @param factors per feature, for a model on log(price); absent otherwise
 */
@Schema(description = "Why this price: baseline plus contributions equals the price")
public record ExplanationView(
    @Schema(example = "3932.8") double baseline,
    @Schema(example = "{\"carat\": 1611.45, \"cut\": 25.1, \"color\": -60.2}")
        Map<String, Double> contributions,
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(example = "{\"carat\": 1.41, \"cut\": 1.01, \"color\": 0.98}")
        Map<String, Double> factors) {

  static ExplanationView of(PriceExplanation e) {
    return new ExplanationView(
        e.baseline(), byColumn(e.contributions(), 2), byColumn(e.factors(), 6));
  }

  private static Map<String, Double> byColumn(Map<Feature, Double> values, int digits) {
    Map<String, Double> out = new LinkedHashMap<>();
    double scale = Math.pow(10, digits);
    values.forEach((f, v) -> out.put(f.column(), Math.round(v * scale) / scale));
    return out;
  }
}
