package com.diamondpricing.server.registry;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.interval.Calibration;
import com.diamondpricing.interval.CoverageReport;
import com.diamondpricing.model.TrainedModel;

/**
 * What a run registers for one model type and feature set: the two facts the registry keeps. The
 * held-out evaluation (the fit on the training part, scored on the test rows, which the champion
 * comparison re-scores) and what is served (the same settings refitted on every row of the
 * snapshot, with its cross-conformal ranges).
 *
 * @param evaluated the fit on the training part
 * @param served the fit on every row, or null when the evaluated fit serves (a model trained on a
 *     cluster)
 * @param calibration the served model's ranges, or null for the ranges in its provenance
 * @param outOfFoldCoverage how those ranges covered every row out of fold, or null
 * @param testCoverage how the evaluated fit's ranges covered the test rows, or null
 * @param test the evaluated fit's metrics on the test rows
 * @param nTrain training rows (of the evaluation)
 * @param nTest test rows
 * @param runId the run, or null
 * @param snapshotId the dataset snapshot
 * @param seconds how long the whole took: tuning, both fits and the calibration
 * @param fingerprint what was trained, on what ({@link ModelFingerprint}), or null
 */
public record Registration(
    TrainedModel evaluated,
    TrainedModel served,
    Calibration calibration,
    CoverageReport outOfFoldCoverage,
    CoverageReport testCoverage,
    Metrics test,
    int nTrain,
    int nTest,
    Long runId,
    long snapshotId,
    double seconds,
    String fingerprint) {

  /** The model that answers prices. */
  public TrainedModel serving() {
    return served != null ? served : evaluated;
  }
}
