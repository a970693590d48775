package com.diamondpricing.server.registry;

import com.diamondpricing.data.Metrics;
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
 * @param parameters the parameters of the final fit (tuned hyperparameters included)
 * @param provenance the model's full provenance (trial history included)
 * @param test metrics on the snapshot's test rows
 * @param validation metrics on the validation split, when the type has one
 * @param nTrain training rows
 * @param nTest test rows
 * @param libraries library versions
 * @param artifactMediaType the media type of the stored artifact
 */
public record ModelEntry(
    long id,
    String type,
    int version,
    Long runId,
    long snapshotId,
    Instant createdAt,
    double trainingSeconds,
    Map<String, Object> parameters,
    Map<String, Object> provenance,
    Metrics test,
    Map<String, Object> validation,
    int nTrain,
    int nTest,
    Map<String, Object> libraries,
    String artifactMediaType) {}
