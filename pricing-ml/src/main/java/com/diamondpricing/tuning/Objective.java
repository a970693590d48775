package com.diamondpricing.tuning;

/**
 * The function to minimise. It reads its parameters from the {@link Trial}, may report intermediate
 * values and ask {@link Trial#shouldPrune()}, and then either returns the value to minimise or
 * throws {@link TrialPrunedException} to end the trial as PRUNED. Any other exception, or a NaN
 * result, ends the trial as FAILED and the study goes on.
 *
 * <p>With more than one worker, the objective is called concurrently from several threads, so it
 * must be thread-safe.
 */
@FunctionalInterface
public interface Objective {

  /** The value to minimise for the trial's parameters. */
  double evaluate(Trial trial) throws Exception;
}
