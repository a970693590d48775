package com.diamondpricing.server.registry;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.interval.Calibration;
import com.diamondpricing.interval.CoverageReport;
import com.diamondpricing.model.FeatureSet;
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
 * @param featureSet the features the model learned from
 * @param servedRows the rows the served artifact was fitted on (every row of the snapshot), or null
 *     when the artifact is the fit on the training part (models registered before, and models
 *     trained on a cluster)
 * @param calibration the ranges of the served artifact: cross-conformal ones, or those of its
 *     provenance; null for a model without ranges
 * @param outOfFoldCoverage how the served ranges covered every row out of fold, overall and per
 *     segment; null when not measured
 * @param testCoverageReport how the evaluation fit's ranges covered the test rows, per segment;
 *     null when not measured
 * @param separateEvaluation whether the evaluation fit is kept apart from the served artifact
 * @param fingerprint what was trained on what ({@link ModelFingerprint}), or null
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
    Map<Double, Double> testCoverage,
    FeatureSet featureSet,
    Integer servedRows,
    Calibration calibration,
    CoverageReport outOfFoldCoverage,
    CoverageReport testCoverageReport,
    boolean separateEvaluation,
    String fingerprint) {

  public ModelEntry {
    testCoverage = Map.copyOf(testCoverage);
  }

  /** The rows the served artifact learned from. */
  public int trainedRows() {
    return servedRows != null ? servedRows : nTrain;
  }

  /** Whether the served artifact is a refit on every row of the snapshot. */
  public boolean servesEveryRow() {
    return servedRows != null;
  }
}
