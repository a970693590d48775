package com.diamondpricing.tuning;

import java.util.List;
import java.util.NavigableMap;

/**
 * Decides whether a running trial should stop early; the objective asks with {@link
 * Trial#shouldPrune()}. A pruner only ever looks at the trial's own intermediate values and at the
 * trials its parameters were sampled from (trials {@code 0 … k − workers} for trial {@code k}), so
 * pruning decisions are as reproducible as the parameters.
 */
public abstract sealed class Pruner permits MedianPruner, NoPruner {

  Pruner() {}

  /** Never prunes (the default). */
  public static Pruner none() {
    return NoPruner.INSTANCE;
  }

  /**
   * Like Optuna's {@code MedianPruner(n_startup_trials, n_warmup_steps, interval_steps=1)}: prunes
   * when at least {@code startupTrials} COMPLETE trials are in the conditioning set, the trial's
   * latest step is at least {@code warmupSteps}, and its latest intermediate value is strictly
   * greater than the median of the values the completed trials reported at that same step (trials
   * that did not report it are left out; with none, no pruning). A NaN latest value is pruned.
   */
  public static Pruner median(int startupTrials, int warmupSteps) {
    return new MedianPruner(startupTrials, warmupSteps);
  }

  /**
   * @param intermediates the trial's own intermediate values by step
   * @param conditioning the finished trials it may compare with, in trial-number order
   */
  abstract boolean shouldPrune(
      NavigableMap<Integer, Double> intermediates, List<FinishedTrial> conditioning);
}
