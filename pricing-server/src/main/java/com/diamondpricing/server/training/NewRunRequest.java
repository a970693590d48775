package com.diamondpricing.server.training;

import java.util.List;

/**
 * The JSON body of a run on stored data.
 *
 * @param snapshotId the snapshot to train on; the current data when absent
 * @param models the model types to train; every registered type when absent or empty
 * @param trials tuning trials; the configured default when absent
 */
record NewRunRequest(Long snapshotId, List<String> models, Integer trials) {

  static final NewRunRequest EMPTY = new NewRunRequest(null, null, null);
}
