package com.diamondpricing.model;

import java.util.Objects;

/**
 * How to train: the seed every random choice derives from, the tuning budget for types that tune,
 * how many trials may run at once, and who hears about progress.
 *
 * @param seed the seed (the notebook's is 42)
 * @param trials tuning trials, for model types that tune (the notebook ran 100)
 * @param workers trials run at once; 0 picks the measured best for this machine
 * @param pruning whether tuning may stop hopeless trials early
 * @param listener told about progress; never null
 */
public record TrainingOptions(
    long seed, int trials, int workers, boolean pruning, TrainingListener listener) {

  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_TRIALS = 100;

  public TrainingOptions {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, not " + trials);
    }
    if (workers < 0) {
      throw new IllegalArgumentException("workers must be 0 (automatic) or more, not " + workers);
    }
    Objects.requireNonNull(listener, "listener");
  }

  /** Seed 42, 100 trials, automatic workers, pruning, no listener. */
  public static TrainingOptions defaults() {
    return new TrainingOptions(DEFAULT_SEED, DEFAULT_TRIALS, 0, true, TrainingListener.NONE);
  }

  public TrainingOptions withSeed(long seed) {
    return new TrainingOptions(seed, trials, workers, pruning, listener);
  }

  public TrainingOptions withTrials(int trials) {
    return new TrainingOptions(seed, trials, workers, pruning, listener);
  }

  public TrainingOptions withWorkers(int workers) {
    return new TrainingOptions(seed, trials, workers, pruning, listener);
  }

  public TrainingOptions withPruning(boolean pruning) {
    return new TrainingOptions(seed, trials, workers, pruning, listener);
  }

  public TrainingOptions withListener(TrainingListener listener) {
    return new TrainingOptions(seed, trials, workers, pruning, listener);
  }
}
