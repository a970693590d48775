package com.diamondpricing.model;

import com.diamondpricing.data.Feature;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Why a model gave its prediction: an additive split of it into a baseline (the model's expected
 * output over its training data) and one SHAP value per feature the model uses, in the scale the
 * model predicts in. A model on price explains in dollars: baseline plus contributions is the
 * price. A model on log(price) explains in log dollars: exp(baseline + contributions) is the price,
 * and {@link PriceExplanation} turns that into factors and dollars.
 *
 * @param scale what the numbers are in
 * @param baseline the expected output
 * @param contributions one value per feature the model uses, in {@link Feature} order
 */
public record Explanation(Scale scale, double baseline, Map<Feature, Double> contributions) {

  /** What an explanation's numbers are in. */
  public enum Scale {
    /** Dollars: baseline + sum of contributions = price. */
    PRICE,
    /** Natural log of dollars: exp(baseline + sum of contributions) = price. */
    LOG_PRICE
  }

  public Explanation {
    contributions = Collections.unmodifiableMap(new EnumMap<>(contributions));
  }

  /** The baseline plus every contribution: the prediction, in the explanation's scale. */
  public double total() {
    double sum = baseline;
    for (double c : contributions.values()) {
      sum += c;
    }
    return sum;
  }
}
