package com.diamondpricing.model;

import java.util.Map;

/**
 * One tuning trial, as kept in a model's provenance.
 *
 * @param number the trial's number, from 0
 * @param params the hyperparameters tried
 * @param state COMPLETE, PRUNED or FAILED
 * @param validationMae the validation MAE (the last one reported when pruned; NaN when failed)
 * @param seconds how long the trial took
 */
public record TrialRecord(
    int number, Map<String, Object> params, String state, double validationMae, double seconds) {

  public TrialRecord {
    params = Map.copyOf(params);
  }
}
