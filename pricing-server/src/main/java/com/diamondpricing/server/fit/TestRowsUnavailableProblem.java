package com.diamondpricing.server.fit;

import com.diamondpricing.server.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * 409 {@code test-rows-unavailable}: the model's dataset snapshot is no longer stored, so its test
 * rows cannot be priced again for its fit.
 */
final class TestRowsUnavailableProblem extends ApiException {

  private static final long serialVersionUID = 1L;

  TestRowsUnavailableProblem(long modelId, long snapshotId) {
    super(
        HttpStatus.CONFLICT,
        "test-rows-unavailable",
        "Test rows unavailable",
        "Model "
            + modelId
            + " was trained on dataset snapshot "
            + snapshotId
            + ", which is no longer stored, so its test rows cannot be priced again.");
  }
}
