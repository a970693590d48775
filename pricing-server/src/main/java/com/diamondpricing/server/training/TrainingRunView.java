package com.diamondpricing.server.training;

import com.diamondpricing.server.dataset.IngestResult;
import com.diamondpricing.server.dataset.QualityReportView;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A training run as the API shows it.
 *
 * @param id the run's id
 * @param status queued, running, succeeded, failed or interrupted
 * @param trigger what started it (api, cli, inbox, schedule, bootstrap)
 * @param snapshotId the dataset snapshot it trains on
 * @param modelTypes the model types it trains, in order
 * @param options seed, trials and workers
 * @param createdAt when it was queued
 * @param startedAt when it started, or null
 * @param finishedAt when it ended, or null
 * @param progress how far it is
 * @param error why it failed, in words (the exception is in the server log), or null
 * @param errorCode the failure as a stable code: training-failed, interrupted, ... or null
 * @param outcomes what became of each model trained so far
 * @param links where to find the run
 * @param dataset what the uploaded file became (only in the answer to an upload)
 * @param reason why the run was queued (the feedback loop, a retry), or null
 * @param retryOf the run this one runs again (it was interrupted when its server stopped; its error
 *     names this run), or null
 */
record TrainingRunView(
    long id,
    @io.swagger.v3.oas.annotations.media.Schema(
            allowableValues = {"queued", "running", "succeeded", "failed", "interrupted"},
            example = "running")
        String status,
    String trigger,
    long snapshotId,
    List<String> modelTypes,
    RunOptions options,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Progress progress,
    String error,
    String errorCode,
    List<Outcome> outcomes,
    Map<String, String> links,
    @JsonInclude(JsonInclude.Include.NON_NULL) Upload dataset,
    String reason,
    Long retryOf) {

  /**
   * @param model the model being trained, from 1 (0 before the first)
   * @param models how many models the run trains
   * @param currentModel the type being (or last) trained, or null
   * @param trial tuning trials finished for the current model
   * @param trials tuning trials planned for the current model (0 when it does not tune)
   * @param bestValidationMae the best validation MAE of the current model's tuning so far, or null
   */
  record Progress(
      int model,
      int models,
      String currentModel,
      int trial,
      int trials,
      Double bestValidationMae) {}

  /**
   * @param modelId the registered model
   * @param type its type
   * @param version its version within the type
   * @param featureSet the features it learned from: all, or four-cs
   * @param testMae its MAE on the test rows (null when not a number)
   * @param testR2 its R2 on the test rows (null when not a number)
   * @param promoted whether it became the champion of its feature set
   * @param existing whether it was registered before (the same data and settings; nothing was
   *     trained)
   * @param reason why (or why not)
   * @param href the model's address
   */
  record Outcome(
      long modelId,
      String type,
      int version,
      String featureSet,
      Double testMae,
      Double testR2,
      boolean promoted,
      boolean existing,
      String reason,
      String href) {

    static Outcome of(RunOutcome o) {
      return new Outcome(
          o.modelId(),
          o.type(),
          o.version(),
          o.featureSet(),
          finiteOrNull(o.testMae()),
          finiteOrNull(o.testR2()),
          o.promoted(),
          o.existing(),
          o.reason(),
          "/api/v1/models/" + o.modelId());
    }

    private static Double finiteOrNull(double v) {
      return Double.isFinite(v) ? v : null;
    }
  }

  /**
   * @param snapshotId the snapshot the file became (or the one that already held the same rows)
   * @param reused whether identical rows were already stored
   * @param report the file's quality report: every row left out, with its line and reason
   * @param mode whether the file's rows were added to the current data or replaced it
   * @param previousRows how many rows the current data had before the upload
   * @param rows how many rows the current data has now
   */
  record Upload(
      long snapshotId,
      boolean reused,
      QualityReportView report,
      String mode,
      long previousRows,
      long rows) {}

  static TrainingRunView of(TrainingRun run, IngestResult ingest) {
    List<Outcome> outcomes = run.outcomes().stream().map(Outcome::of).toList();
    Upload upload =
        ingest == null
            ? null
            : new Upload(
                ingest.snapshot().id(),
                ingest.reused(),
                QualityReportView.of(ingest.report()),
                ingest.mode().value(),
                ingest.previousRows(),
                ingest.snapshot().rowsKept());
    return new TrainingRunView(
        run.id(),
        run.status().value(),
        run.trigger().value(),
        run.snapshotId(),
        run.modelTypes(),
        run.options(),
        run.createdAt(),
        run.startedAt(),
        run.finishedAt(),
        new Progress(
            run.modelIndex(),
            run.modelCount(),
            run.currentModel(),
            run.trial(),
            run.trials(),
            run.bestValidationMae()),
        run.error() == null ? null : run.error().message(),
        run.error() == null ? null : run.error().code(),
        outcomes,
        Map.of("self", TrainingRunController.PATH + "/" + run.id()),
        upload,
        run.reason(),
        run.retryOf());
  }
}
