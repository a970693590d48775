package com.diamondpricing.server.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One registered model with everything the registry keeps about it.
 *
 * @param id the model's id
 * @param type its type
 * @param version its version within the type
 * @param createdAt when it was registered
 * @param featureSet the features it learned from: all, or four-cs
 * @param features the features it reads
 * @param snapshotId the dataset snapshot it was trained and tested on
 * @param runId the training run that made it, or null
 * @param test its metrics on the test rows
 * @param nTrain training rows of its evaluation fit
 * @param nTest test rows
 * @param servedRows the rows the served model was fitted on (every row of the snapshot), or null
 *     when it serves the evaluation fit
 * @param champion whether it serves prices now
 * @param trainingSeconds how long fitting took, tuning included
 * @param parameters the parameters of the final fit
 * @param validation metrics on the validation split, or null when the type has none
 * @param libraries library versions
 * @param artifactMediaType the media type of its artifact
 * @param provenance its full provenance, trial history included
 * @param intervals its 80% and 90% prediction intervals with their coverage of the test rows
 * @param coverage how its ranges covered, per segment: out of fold on every row it serves from, and
 *     the evaluation fit's on the test rows
 * @param links where to find the model and its artifact
 */
record ModelDetailView(
    long id,
    String type,
    int version,
    String featureSet,
    List<String> features,
    Instant createdAt,
    long snapshotId,
    Long runId,
    ModelView.TestMetrics test,
    int nTrain,
    int nTest,
    Integer servedRows,
    boolean champion,
    double trainingSeconds,
    ModelParameters parameters,
    MetricsView validation,
    Map<String, String> libraries,
    String artifactMediaType,
    ProvenanceView provenance,
    List<IntervalView> intervals,
    Coverage coverage,
    Map<String, String> links) {

  /**
   * Where a model's ranges were measured.
   *
   * @param outOfFold on every row the served model learned from, each ranged by a calibration that
   *     did not see it (null when not measured)
   * @param test the evaluation fit's ranges on the test rows (null when not measured)
   */
  record Coverage(CoverageView outOfFold, CoverageView test) {}

  static ModelDetailView of(ModelEntry m, boolean champion) {
    ProvenanceView provenance = ProvenanceView.of(m.provenance());
    return new ModelDetailView(
        m.id(),
        m.type(),
        m.version(),
        m.featureSet().label(),
        ModelFeatures.of(m),
        m.createdAt(),
        m.snapshotId(),
        m.runId(),
        ModelView.TestMetrics.of(m.test()),
        m.nTrain(),
        m.nTest(),
        m.servedRows(),
        champion,
        m.trainingSeconds(),
        provenance.parameters(),
        provenance.validation(),
        provenance.libraries(),
        m.artifactMediaType(),
        provenance,
        IntervalView.of(m),
        new Coverage(
            CoverageView.of(m.outOfFoldCoverage()), CoverageView.of(m.testCoverageReport())),
        ModelView.links(m));
  }
}
