package com.diamondpricing.model;

import com.diamondpricing.data.Feature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An explanation in dollars and cents that adds up to the price a client is given, exactly.
 *
 * <p>For a model on price, the contributions are its SHAP values. For a model on log(price) the
 * baseline is exp(baseline in logs), each feature's factor is exp(its SHAP value) (the price is the
 * baseline times every factor), and the rule for dollars shares the price's distance from the
 * baseline among the features in proportion to their SHAP values in log space: contribution_j =
 * baseline (e^sum(phi) - 1) * phi_j / sum(phi), where baseline e^sum(phi) is the price. Factors do
 * not add; this rule keeps the signs and the ranking of the log-space values and adds up to the
 * price.
 *
 * <p>Then the cents: the price given is rounded to cents, and a tree model's prediction is a sum of
 * floats that may differ from the exact sum of its SHAP values by about a cent. That small
 * remainder is shared among the contributions in proportion to their size, and each is rounded to
 * cents by the largest-remainder method, so that baseline + contributions = price to the cent.
 *
 * @param baseline in dollars, rounded to cents
 * @param contributions in dollars, rounded to cents, in {@link Feature} order
 * @param factors for a model on log(price), exp(SHAP value) per feature; empty otherwise
 */
public record PriceExplanation(
    double baseline, Map<Feature, Double> contributions, Map<Feature, Double> factors) {

  public PriceExplanation {
    contributions = Collections.unmodifiableMap(new EnumMap<>(contributions));
    factors = factors.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(factors));
  }

  /** The explanation of {@code price} (in dollars, as given to the client) in dollars. */
  public static PriceExplanation of(Explanation explanation, double price) {
    Map<Feature, Double> dollars = new EnumMap<>(Feature.class);
    Map<Feature, Double> factors = new EnumMap<>(Feature.class);
    double baseline;
    if (explanation.scale() == Explanation.Scale.PRICE) {
      baseline = explanation.baseline();
      dollars.putAll(explanation.contributions());
    } else {
      baseline = Math.exp(explanation.baseline());
      double sum = 0;
      for (double phi : explanation.contributions().values()) {
        sum += phi;
      }
      // the model's own distance from the baseline, baseline (e^sum - 1), shared in proportion:
      // stable when the values nearly cancel (expm1(sum) / sum tends to 1), unlike a share of the
      // rounded price's distance; the rounding gap is left to the cents below
      double perUnit = sum == 0 ? baseline : baseline * Math.expm1(sum) / sum;
      for (Map.Entry<Feature, Double> e : explanation.contributions().entrySet()) {
        factors.put(e.getKey(), Math.exp(e.getValue()));
        dollars.put(e.getKey(), perUnit * e.getValue());
      }
    }
    long baselineCents = Math.round(baseline * 100);
    long priceCents = Math.round(price * 100);
    return new PriceExplanation(
        baselineCents / 100.0, inCents(dollars, priceCents - baselineCents), factors);
  }

  /**
   * The contributions scaled to add up to {@code totalCents}, rounded to cents so that they still
   * do: each gets the floor of its share and the largest remainders get a cent more.
   */
  private static Map<Feature, Double> inCents(Map<Feature, Double> dollars, long totalCents) {
    double sum = 0;
    double size = 0;
    for (double d : dollars.values()) {
      sum += d * 100;
      size += Math.abs(d * 100);
    }
    double gap = totalCents - sum;
    List<Feature> features = new ArrayList<>(dollars.keySet());
    Map<Feature, Long> cents = new EnumMap<>(Feature.class);
    Map<Feature, Double> remainder = new EnumMap<>(Feature.class);
    long given = 0;
    for (Feature f : features) {
      double exact = dollars.get(f) * 100;
      exact += size > 0 ? gap * Math.abs(exact) / size : gap / features.size();
      long floor = (long) Math.floor(exact);
      cents.put(f, floor);
      remainder.put(f, exact - floor);
      given += floor;
    }
    features.sort(Comparator.comparingDouble((Feature f) -> -remainder.get(f)));
    for (int i = 0; given < totalCents && !features.isEmpty(); i = (i + 1) % features.size()) {
      cents.merge(features.get(i), 1L, Long::sum);
      given++;
    }
    for (int i = features.size() - 1; given > totalCents && i >= 0; i--) {
      cents.merge(features.get(i), -1L, Long::sum); // float noise only: the smallest remainders
      given--;
    }
    Map<Feature, Double> out = new EnumMap<>(Feature.class);
    cents.forEach((f, c) -> out.put(f, c / 100.0));
    return out;
  }
}
