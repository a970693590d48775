package com.diamondpricing.server.training;

import com.diamondpricing.server.sparkjobs.SparkRun;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a run trains each of its models, fixed when it is queued.
 *
 * @param seed the seed every random choice derives from
 * @param trials tuning trials, for model types that tune
 * @param workers trials run at once; 0 picks the measured best for the machine
 * @param spark where the run trains on Spark; null (and left out of the JSON) when it trains in
 *     this process
 */
public record RunOptions(
    long seed, int trials, int workers, @JsonInclude(JsonInclude.Include.NON_NULL) SparkRun spark) {

  /** Options of a run that trains in this process. */
  public RunOptions(long seed, int trials, int workers) {
    this(seed, trials, workers, null);
  }
}
