package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import org.springframework.stereotype.Component;

/**
 * The prices a model's evaluation fit (the one fitted on its snapshot's training part and scored on
 * the test rows) gives rows: for what is measured on the test rows, which a model refitted on every
 * row has seen (the test fit, the reference profile's residuals).
 */
@Component
public class EvaluationFits {

  private final ServingModels serving;
  private final ModelRegistry registry;

  EvaluationFits(ServingModels serving, ModelRegistry registry) {
    this.serving = serving;
    this.registry = registry;
  }

  /**
   * The evaluation fit's prices of the rows: the served model itself when it is that fit (held as
   * any request holds it, so a champion is not loaded twice), else the evaluation fit loaded from
   * the registry for the call.
   */
  public double[] predict(ModelEntry entry, Dataset rows) {
    if (!entry.separateEvaluation()) {
      try (ServedModel.Lease lease = serving.lease(null, entry.id(), FeatureSet.ALL.features())) {
        return lease.served().model().predict(rows);
      }
    }
    try (TrainedModel model = registry.loadEvaluation(entry.id())) {
      return model.predict(rows);
    } catch (ModelLoadException e) {
      throw new IllegalStateException(
          "model " + entry.id() + "'s evaluation fit cannot be loaded: " + e.getMessage(), e);
    }
  }
}
