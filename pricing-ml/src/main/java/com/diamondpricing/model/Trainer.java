package com.diamondpricing.model;

import com.diamondpricing.data.Dataset;

/**
 * Fits one model on a training set. Separate from the immutable {@link TrainedModel} it returns.
 */
public interface Trainer {

  /**
   * Fits a model on these rows (the training part only: the caller keeps the test rows apart).
   *
   * @throws InterruptedException when the thread is interrupted while training
   * @throws TrainingException when the model cannot be fitted
   */
  TrainedModel fit(Dataset train) throws InterruptedException, TrainingException;

  /**
   * Fits these rows with the settings {@code tuned} was fitted with, without tuning again: the
   * served model on every row, and the cross-validation folds its intervals are calibrated on. By
   * default the type has nothing to tune and fits afresh.
   *
   * @param tuned a model this trainer's type fitted (its provenance holds the chosen settings)
   * @throws InterruptedException when the thread is interrupted while training
   * @throws TrainingException when the model cannot be fitted
   */
  default TrainedModel refit(TrainedModel tuned, Dataset rows)
      throws InterruptedException, TrainingException {
    return fit(rows);
  }
}
