package com.diamondpricing.server.cli;

import com.diamondpricing.server.registry.MetricsView;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.system.Json;
import java.time.Instant;

/**
 * The JSON the commands print: one compact document of records, written as the API writes JSON; a
 * registry model's metrics that are not a number are null.
 */
final class CliJson {

  private CliJson() {}

  static String write(Object value) {
    return Json.write(value);
  }

  static Double number(double v) {
    return Double.isFinite(v) ? v : null;
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  /**
   * A model's registry entry without its provenance, as {@code models list --json} prints it.
   *
   * @param id the model's id
   * @param type its type
   * @param version its version within the type
   * @param champion whether it serves prices
   * @param createdAt when it was registered
   * @param runId the run that trained it, or null
   * @param snapshotId the snapshot it was trained on
   * @param test its metrics on the test rows
   * @param nTrain training rows of the evaluation fit
   * @param nTest test rows
   * @param trainingSeconds how long fitting took, or null
   * @param featureSet the features it learned from: all, or four-cs
   * @param servedRows the rows the served model was fitted on, or null when it serves the
   *     evaluation fit
   */
  record ModelSummary(
      long id,
      String type,
      int version,
      String featureSet,
      boolean champion,
      String createdAt,
      Long runId,
      long snapshotId,
      MetricsView test,
      int nTrain,
      int nTest,
      Double trainingSeconds,
      Integer servedRows) {

    static ModelSummary of(ModelEntry e, boolean champion) {
      return new ModelSummary(
          e.id(),
          e.type(),
          e.version(),
          e.featureSet().label(),
          champion,
          time(e.createdAt()),
          e.runId(),
          e.snapshotId(),
          MetricsView.of(e.test()),
          e.nTrain(),
          e.nTest(),
          number(e.trainingSeconds()),
          e.servedRows());
    }
  }
}
