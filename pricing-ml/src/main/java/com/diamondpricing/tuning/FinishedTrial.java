package com.diamondpricing.tuning;

import java.util.NavigableMap;

/**
 * A finished trial as the samplers and pruners see it.
 *
 * @param result the public result
 * @param internal the parameters in internal representation, in search-space order (not copied;
 *     never modified)
 * @param intermediates the reported intermediate values by step (unmodifiable)
 */
record FinishedTrial(
    TrialResult result, double[] internal, NavigableMap<Integer, Double> intermediates) {

  TrialState state() {
    return result.state();
  }

  int number() {
    return result.number();
  }
}
