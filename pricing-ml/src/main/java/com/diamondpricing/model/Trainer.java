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
}
