package com.diamondpricing.server.training;

import com.diamondpricing.server.registry.ModelEntry;
import java.util.Locale;

/**
 * What became of one model a run trained: registered, scored on the test rows, and promoted or not;
 * or, when the same data had been trained with the same settings before, the model registered then.
 *
 * @param modelId the registered model
 * @param type its type
 * @param version its version within the type
 * @param featureSet the features it learned from
 * @param testMae its MAE on the test rows
 * @param testR2 its R2 on the test rows
 * @param promoted whether it became its feature set's champion
 * @param existing whether the model was registered before (nothing was trained)
 * @param reason why (or why not)
 */
public record RunOutcome(
    long modelId,
    String type,
    int version,
    String featureSet,
    double testMae,
    double testR2,
    boolean promoted,
    boolean existing,
    String reason) {

  public RunOutcome {
    featureSet = featureSet == null ? "all" : featureSet; // outcomes recorded before feature sets
  }

  /** A model the run registered, and the champion policy's decision. */
  static RunOutcome of(ModelEntry e, boolean promoted, String reason) {
    return new RunOutcome(
        e.id(),
        e.type(),
        e.version(),
        e.featureSet().label(),
        e.test().mae(),
        e.test().r2(),
        promoted,
        false,
        reason);
  }

  /** A model registered before from the same data and settings: nothing trained again. */
  static RunOutcome existing(ModelEntry e) {
    return new RunOutcome(
        e.id(),
        e.type(),
        e.version(),
        e.featureSet().label(),
        e.test().mae(),
        e.test().r2(),
        false,
        true,
        String.format(
            Locale.ROOT,
            "the same data was trained with the same settings before: model %d (%s v%d) is"
                + " registered already; nothing was trained",
            e.id(),
            e.type(),
            e.version()));
  }
}
