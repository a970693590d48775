package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.model.MissingFeatureException;
import org.springframework.stereotype.Service;

/** Chooses the model for a request and prices diamonds with it. */
@Service
public class PredictionService {

  private final ServingModels models;

  PredictionService(ServingModels models) {
    this.models = models;
  }

  /**
   * The model a request asks for: {@code modelId} exactly, else the best registered version of
   * {@code type}, else the champion.
   */
  public ServedModel choose(String type, Long modelId) {
    if (modelId != null && type != null) {
      throw new IllegalArgumentException("give either 'model' or 'modelId', not both");
    }
    if (modelId != null) {
      return models.byId(modelId);
    }
    if (type != null) {
      return models.bestOfType(type);
    }
    return models.champion().orElseThrow(NoChampionException::new);
  }

  /** The price of one diamond, in dollars rounded to cents. */
  public double price(ServedModel served, Diamond diamond) {
    requireFeatures(served, diamond);
    return cents(served.model().predict(diamond));
  }

  /** Throws when the diamond lacks a feature the model needs. */
  public void requireFeatures(ServedModel served, Diamond diamond) {
    for (Feature f : served.type().requiredFeatures()) {
      if (!diamond.has(f)) {
        throw new MissingFeatureException(f, served.entry().type());
      }
    }
  }

  static double cents(double price) {
    return Math.round(price * 100) / 100.0;
  }
}
