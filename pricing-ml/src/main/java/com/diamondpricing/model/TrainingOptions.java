package com.diamondpricing.model;

import java.util.Objects;

/**
 * How to train: the seed every random choice derives from, the tuning budget for types that tune,
 * how many trials may run at once, who hears about progress, and the features the model learns
 * from.
 *
 * @param seed the seed (the notebook's is 42)
 * @param trials tuning trials, for model types that tune (the notebook ran 100)
 * @param workers trials run at once; 0 picks the measured best for this machine
 * @param pruning whether tuning may stop hopeless trials early
 * @param listener told about progress; never null
 * @param featureSet the features the model learns from (one of its type's {@link
 *     ModelType#featureSets()})
 */
public record TrainingOptions(
    long seed,
    int trials,
    int workers,
    boolean pruning,
    TrainingListener listener,
    FeatureSet featureSet) {

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
    Objects.requireNonNull(featureSet, "featureSet");
  }

  /** Options for a model of every feature ({@link FeatureSet#ALL}). */
  public TrainingOptions(
      long seed, int trials, int workers, boolean pruning, TrainingListener listener) {
    this(seed, trials, workers, pruning, listener, FeatureSet.ALL);
  }

  /** Seed 42, 100 trials, automatic workers, pruning, no listener, every feature. */
  public static TrainingOptions defaults() {
    return new TrainingOptions(DEFAULT_SEED, DEFAULT_TRIALS, 0, true, TrainingListener.NONE);
  }

  public TrainingOptions withSeed(long seed) {
    return new TrainingOptions(seed, trials, workers, pruning, listener, featureSet);
  }

  public TrainingOptions withTrials(int trials) {
    return new TrainingOptions(seed, trials, workers, pruning, listener, featureSet);
  }

  public TrainingOptions withWorkers(int workers) {
    return new TrainingOptions(seed, trials, workers, pruning, listener, featureSet);
  }

  public TrainingOptions withPruning(boolean pruning) {
    return new TrainingOptions(seed, trials, workers, pruning, listener, featureSet);
  }

  public TrainingOptions withListener(TrainingListener listener) {
    return new TrainingOptions(seed, trials, workers, pruning, listener, featureSet);
  }

  public TrainingOptions withFeatureSet(FeatureSet featureSet) {
    return new TrainingOptions(seed, trials, workers, pruning, listener, featureSet);
  }
}
