package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.model.MissingFeatureException;
import com.diamondpricing.server.web.ApiException;
import java.util.List;
import org.springframework.stereotype.Service;

/** Chooses the model for a request and prices diamonds with it. */
@Service
public class PredictionService {

  private final ServingModels models;

  PredictionService(ServingModels models) {
    this.models = models;
  }

  /**
   * A hold on the model a request asks for: {@code modelId} exactly, else the best registered
   * version of {@code type}, else the champion. Close it when the request is done.
   */
  public ServedModel.Lease choose(String type, Long modelId) {
    if (modelId != null && type != null) {
      throw ApiException.invalidParameter(
          "modelId", "give either 'model' or 'modelId', not both", List.of());
    }
    return models.lease(type, modelId);
  }

  /** The price of one diamond, in dollars rounded to cents. */
  public double price(ServedModel served, Diamond diamond) {
    requireFeatures(served, diamond);
    return cents(served.model().predict(diamond));
  }

  /** Throws a 422 problem naming the feature when the diamond lacks one the model needs. */
  public void requireFeatures(ServedModel served, Diamond diamond) {
    for (Feature f : served.type().requiredFeatures()) {
      if (!diamond.has(f)) {
        throw MissingFeatureProblem.of(new MissingFeatureException(f, served.entry().type()));
      }
    }
  }

  static double cents(double price) {
    return Math.round(price * 100) / 100.0;
  }
}
