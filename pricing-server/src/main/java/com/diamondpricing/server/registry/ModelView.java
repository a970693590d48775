package com.diamondpricing.server.registry;

import com.diamondpricing.data.Metrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A registered model as the API lists it.
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
 * @param trainingSeconds how long fitting took, tuning included
 * @param champion whether it serves prices now (it is the champion of its feature set)
 * @param intervals its 80% and 90% prediction intervals with their coverage of the test rows
 * @param links where to find the model and its artifact
 */
record ModelView(
    long id,
    String type,
    int version,
    String featureSet,
    List<String> features,
    Instant createdAt,
    long snapshotId,
    Long runId,
    TestMetrics test,
    int nTrain,
    int nTest,
    Integer servedRows,
    double trainingSeconds,
    boolean champion,
    List<IntervalView> intervals,
    Map<String, String> links) {

  /** R2, MAE, RMSE and MAPE (a fraction) with scikit-learn's definitions. */
  record TestMetrics(double r2, double mae, double rmse, double mape) {

    static TestMetrics of(Metrics m) {
      return new TestMetrics(m.r2(), m.mae(), m.rmse(), m.mape());
    }
  }

  static ModelView of(ModelEntry m, boolean champion) {
    return new ModelView(
        m.id(),
        m.type(),
        m.version(),
        m.featureSet().label(),
        ModelFeatures.of(m),
        m.createdAt(),
        m.snapshotId(),
        m.runId(),
        TestMetrics.of(m.test()),
        m.nTrain(),
        m.nTest(),
        m.servedRows(),
        m.trainingSeconds(),
        champion,
        IntervalView.of(m),
        links(m));
  }

  static Map<String, String> links(ModelEntry m) {
    String self = ModelController.PATH + "/" + m.id();
    return Map.of("self", self, "artifact", self + "/artifact");
  }
}
