package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.TrainTestSplit;

/**
 * The rows a study tunes on: the whole training part up to {@value #MAX_TUNING_ROWS} rows, else a
 * seeded sample of that many (the same seed, the same sample, on one machine or on Spark).
 */
final class TuningSample {

  static final int MAX_TUNING_ROWS = 100_000;

  private TuningSample() {}

  /** The rows the study tunes on: all of them, or a seeded sample of {@link #MAX_TUNING_ROWS}. */
  static Dataset rows(Dataset train, long seed) {
    int[] sample = positions(train.size(), seed);
    return sample == null ? train : train.rows(sample);
  }

  /**
   * The positions of the training part's rows the study tunes on, in order: null for all of them
   * (at most {@link #MAX_TUNING_ROWS}), else a seeded sample of that many.
   */
  static int[] positions(int trainingRows, long seed) {
    if (trainingRows <= MAX_TUNING_ROWS) {
      return null;
    }
    double rest = 1.0 - (double) MAX_TUNING_ROWS / trainingRows;
    return TrainTestSplit.of(trainingRows, rest, seed).train();
  }
}
