package com.diamondpricing.server.testfit;

import com.diamondpricing.server.problem.Problem;

/**
 * 409 {@code test-rows-unavailable}: the model's dataset snapshot is no longer stored, so its test
 * rows cannot be priced again for its fit.
 */
final class TestRowsUnavailableProblem extends Problem {

  private static final long serialVersionUID = 1L;

  TestRowsUnavailableProblem(long modelId, long snapshotId) {
    super(
        Problem.Kind.CONFLICT,
        "test-rows-unavailable",
        "Test rows unavailable",
        "Model "
            + modelId
            + " was trained on dataset snapshot "
            + snapshotId
            + ", which is no longer stored, so its test rows cannot be priced again.");
  }
}
