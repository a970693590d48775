package com.diamondpricing.model;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import java.util.List;
import java.util.Optional;

/**
 * A fitted model: immutable, safe to use from many threads at once. Models that hold native
 * resources free them in {@link #close()} (and, as a safety net, when they become unreachable);
 * closing a model that is still predicting elsewhere is the caller's error.
 */
public interface TrainedModel extends AutoCloseable {

  /** The name of the model's {@link ModelType}. */
  String type();

  /** The features the model learned from; it never reads the others. */
  default FeatureSet featureSet() {
    return FeatureSet.ALL;
  }

  /**
   * The price of one diamond, in dollars.
   *
   * @throws MissingFeatureException when the diamond lacks a feature the model needs
   */
  double predict(Diamond diamond);

  /** The prices of many diamonds, in order. */
  double[] predict(List<Diamond> diamonds);

  /** The prices of every row of a dataset, in order (its price column is ignored). */
  double[] predict(Dataset rows);

  /**
   * Why the model gives its price for this diamond: a baseline and one SHAP value per feature it
   * uses, in the scale it predicts in ({@link PriceExplanation} turns it into dollars). Empty when
   * the model cannot say (an artifact written before it kept what explaining needs).
   *
   * @throws MissingFeatureException when the diamond lacks a feature the model needs
   */
  default Optional<Explanation> explain(Diamond diamond) {
    return Optional.empty();
  }

  /** How the model was made: data, parameters, seed, library versions. Never changes. */
  Provenance provenance();

  /** The model in its own storable format; {@link ModelType#load} reads it back. */
  byte[] artifact();

  /** The media type of {@link #artifact()}, e.g. {@code application/json}. */
  default String artifactMediaType() {
    return "application/json";
  }

  /** Frees native resources, if the model holds any. Idempotent. */
  @Override
  default void close() {}
}
