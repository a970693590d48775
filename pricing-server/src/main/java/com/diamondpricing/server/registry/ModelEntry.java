package com.diamondpricing.server.registry;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.model.Provenance;
import java.time.Instant;
import java.util.Map;

/**
 * A registered model: written once, never changed.
 *
 * @param id the model's id
 * @param type the model type's name
 * @param version the version within its type, from 1
 * @param runId the training run that made it, or null
 * @param snapshotId the dataset snapshot it was trained and tested on
 * @param createdAt when it was registered
 * @param trainingSeconds how long fitting took, tuning included
 * @param provenance the model's full provenance: the parameters of the final fit (tuned
 *     hyperparameters included), library versions, validation metrics (when the type has a
 *     validation split) and trial history
 * @param test metrics on the snapshot's test rows
 * @param nTrain training rows
 * @param nTest test rows
 * @param artifactMediaType the media type of the stored artifact
 * @param testCoverage per interval level (0.8, 0.9), the share of the test rows inside their
 *     interval; empty for a model without intervals
 */
public record ModelEntry(
    long id,
    String type,
    int version,
    Long runId,
    long snapshotId,
    Instant createdAt,
    double trainingSeconds,
    Provenance provenance,
    Metrics test,
    int nTrain,
    int nTest,
    String artifactMediaType,
    Map<Double, Double> testCoverage) {

  public ModelEntry {
    testCoverage = Map.copyOf(testCoverage);
  }
}
