package com.diamondpricing.server.registry;

import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.TrialRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model's provenance as JSON shows it: the same fields as the library's {@code ProvenanceJson}
 * writes, with null for metrics that are not a number.
 *
 * @param modelType the model type
 * @param dataHash the training data's content hash
 * @param trainingRows the rows it was fitted on
 * @param seed the seed
 * @param parameters the parameters of the final fit
 * @param libraries the versions of the libraries that fitted it
 * @param trainedAt when it was fitted
 * @param trainingSeconds how long fitting took, tuning included
 * @param validation metrics on the validation split, or null when the type has none
 * @param trials the tuning trials, oldest first (empty when the type does not tune)
 */
public record ProvenanceView(
    String modelType,
    String dataHash,
    int trainingRows,
    long seed,
    ModelParameters parameters,
    Map<String, String> libraries,
    Instant trainedAt,
    double trainingSeconds,
    MetricsView validation,
    List<Trial> trials) {

  /**
   * One tuning trial.
   *
   * @param number the trial's number, from 0
   * @param params the hyperparameters tried, by name
   * @param state COMPLETE, PRUNED or FAILED
   * @param validationMae the validation MAE (the last one reported when pruned), or null
   * @param seconds how long the trial took
   */
  public record Trial(
      int number, ModelParameters params, String state, Double validationMae, double seconds) {

    public static Trial of(TrialRecord t) {
      return new Trial(
          t.number(),
          new ModelParameters(new TreeMap<>(t.params())),
          t.state(),
          MetricsView.finiteOrNull(t.validationMae()),
          t.seconds());
    }
  }

  public static ProvenanceView of(Provenance p) {
    return new ProvenanceView(
        p.modelType(),
        p.dataHash(),
        p.trainingRows(),
        p.seed(),
        new ModelParameters(p.parameters()),
        p.libraries(),
        p.trainedAt(),
        p.trainingSeconds(),
        MetricsView.of(p.validation()),
        p.trials().stream().map(Trial::of).toList());
  }
}
