package com.diamondpricing.model;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.interval.Calibration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a trained model comes from, kept with it and never changed: the model type, the training
 * data's content hash and size, the seed, the parameters of the final fit, the versions of the
 * libraries that fitted it, when and how long, the validation metrics and the tuning trials (empty
 * when the type does not tune), and the calibration of its prediction intervals (null when the type
 * does not calibrate).
 */
public record Provenance(
    String modelType,
    String dataHash,
    int trainingRows,
    long seed,
    Map<String, Object> parameters,
    Map<String, String> libraries,
    Instant trainedAt,
    double trainingSeconds,
    Metrics validation,
    List<TrialRecord> trials,
    Calibration calibration) {

  /** A provenance without intervals. */
  public Provenance(
      String modelType,
      String dataHash,
      int trainingRows,
      long seed,
      Map<String, Object> parameters,
      Map<String, String> libraries,
      Instant trainedAt,
      double trainingSeconds,
      Metrics validation,
      List<TrialRecord> trials) {
    this(
        modelType,
        dataHash,
        trainingRows,
        seed,
        parameters,
        libraries,
        trainedAt,
        trainingSeconds,
        validation,
        trials,
        null);
  }

  /** The same provenance with intervals calibrated. */
  public Provenance withCalibration(Calibration calibration) {
    return new Provenance(
        modelType,
        dataHash,
        trainingRows,
        seed,
        parameters,
        libraries,
        trainedAt,
        trainingSeconds,
        validation,
        trials,
        calibration);
  }

  public Provenance {
    Objects.requireNonNull(modelType, "modelType");
    Objects.requireNonNull(dataHash, "dataHash");
    Objects.requireNonNull(trainedAt, "trainedAt");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    libraries = Collections.unmodifiableMap(new LinkedHashMap<>(libraries));
    trials = List.copyOf(trials);
  }
}
