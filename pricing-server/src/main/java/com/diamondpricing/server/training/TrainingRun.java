package com.diamondpricing.server.training;

import java.time.Instant;
import java.util.List;

/**
 * A training run as stored.
 *
 * @param id the run's id
 * @param snapshotId the dataset snapshot it trains on
 * @param modelTypes the model types it trains, in order
 * @param trigger what started it
 * @param status where it is
 * @param options seed, trials and workers
 * @param createdAt when it was queued
 * @param startedAt when it started, or null
 * @param finishedAt when it ended, or null
 * @param modelIndex the model being trained, from 1 (0 before the first)
 * @param modelCount how many models the run trains
 * @param currentModel the type being trained now, or null
 * @param trial tuning trials finished for the current model
 * @param trials tuning trials planned for the current model (0 when it does not tune)
 * @param bestValidationMae the best validation MAE of the current model's tuning so far, or null
 * @param error why it failed or was interrupted, or null
 * @param outcomes what became of each model trained so far (empty before the first)
 * @param owner the server that took it, or null while it is queued
 * @param reason why it was queued (the feedback loop, a retry), or null
 * @param retryOf the run this one runs again (it was interrupted when its server died), or null
 */
public record TrainingRun(
    long id,
    long snapshotId,
    List<String> modelTypes,
    Trigger trigger,
    RunStatus status,
    RunOptions options,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    int modelIndex,
    int modelCount,
    String currentModel,
    int trial,
    int trials,
    Double bestValidationMae,
    RunError error,
    List<RunOutcome> outcomes,
    String owner,
    String reason,
    Long retryOf) {}
