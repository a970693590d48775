package com.diamondpricing.tuning;

import java.util.List;

/**
 * Draws a trial's parameters. A sampler is stateful (it owns its RNG streams) and is only ever
 * called from one thread, once per trial, in trial-number order.
 */
interface Sampler {

  /**
   * @param space the search space
   * @param history the finished trials the new trial is conditioned on, in trial-number order (of
   *     any state; samplers use COMPLETE and PRUNED ones)
   * @return the parameters in internal representation, in search-space order
   */
  double[] sample(SearchSpace space, List<FinishedTrial> history);
}
