package com.diamondpricing.server.training;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.interval.CalibrationFit;
import com.diamondpricing.model.CrossConformal;
import com.diamondpricing.model.HoldoutEvaluation;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingException;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.TrainingOptions;
import com.diamondpricing.server.registry.Registration;

/**
 * Trains one variant (a model type on one feature set) in this process, as the two facts the
 * registry keeps:
 *
 * <ol>
 *   <li>the held-out evaluation: tuning and fitting on the snapshot's training part, scored on its
 *       test rows, with ranges calibrated cross-conformally on the training part and their coverage
 *       of the test rows (what {@code bin/diamonds evaluate} reports);
 *   <li>what is served: the settings the evaluation chose, refitted on every row of the snapshot
 *       without tuning again ({@link com.diamondpricing.model.Trainer#refit}), with ranges
 *       calibrated cross-conformally on every row (each row's residual from a fit that never saw
 *       it), and their out-of-fold coverage per segment.
 * </ol>
 */
final class VariantTraining {

  private VariantTraining() {}

  /**
   * The evaluation and the served model of a type on the options' feature set; the caller closes
   * both models of the registration.
   */
  static Registration train(
      ModelType type,
      TrainingOptions options,
      Dataset all,
      Dataset train,
      Dataset test,
      Long runId,
      long snapshotId,
      String fingerprint)
      throws InterruptedException, TrainingException {
    long start = System.nanoTime();
    HoldoutEvaluation.Result evaluation = HoldoutEvaluation.run(train, test, type, options);
    TrainedModel evaluated = evaluation.model();
    TrainedModel served = null;
    try {
      // the refit and the folds report no progress: the run's progress is the tuning's
      var trainer = type.trainer(options.withListener(TrainingListener.NONE));
      served = trainer.refit(evaluated, all);
      CalibrationFit.Result calibrated =
          CrossConformal.calibrate(trainer, evaluated, all, options.seed());
      return new Registration(
          evaluated,
          served,
          calibrated == null ? null : calibrated.calibration(),
          calibrated == null ? null : calibrated.coverage(),
          evaluation.testCoverage(),
          evaluation.test(),
          evaluation.nTrain(),
          evaluation.nTest(),
          runId,
          snapshotId,
          (System.nanoTime() - start) / 1e9,
          fingerprint);
    } catch (InterruptedException | TrainingException | RuntimeException e) {
      evaluated.close();
      if (served != null) {
        served.close();
      }
      throw e;
    }
  }
}
