package com.diamondpricing.tuning;

import java.util.List;
import java.util.NavigableMap;

/**
 * Decides whether a running trial should stop early; the objective asks with {@link
 * Trial#shouldPrune()}. A pruner only ever looks at the trial's own intermediate values and at the
 * trials its parameters were sampled from (trials {@code 0 … k − workers} for trial {@code k}), so
 * pruning decisions are as reproducible as the parameters.
 */
public abstract sealed class Pruner permits MedianPruner, NoPruner, SuccessiveHalvingPruner {

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
   * Like Optuna's {@code SuccessiveHalvingPruner(min_resource, reduction_factor,
   * min_early_stopping_rate)} (asynchronous successive halving, ASHA): rung {@code k} is at step
   * {@code minResource * reductionFactor^(minEarlyStoppingRate + k)}; a trial that reaches a rung
   * goes on only when its value there is within the best {@code 1 / reductionFactor} of the values
   * the finished trials had at that rung, its own included (the best one always goes on). Unlike
   * the median pruner it compares with pruned trials too and needs no completed trial. A NaN value
   * is pruned.
   */
  public static Pruner successiveHalving(
      int minResource, int reductionFactor, int minEarlyStoppingRate) {
    return new SuccessiveHalvingPruner(minResource, reductionFactor, minEarlyStoppingRate);
  }

  /**
   * @param intermediates the trial's own intermediate values by step
   * @param conditioning the finished trials it may compare with, in trial-number order
   */
  abstract boolean shouldPrune(
      NavigableMap<Integer, Double> intermediates, List<FinishedTrial> conditioning);
}
