package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.interval.Calibration;
import com.diamondpricing.model.LibraryVersions;
import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.Trainer;
import com.diamondpricing.model.TrainingException;
import com.diamondpricing.model.TrainingOptions;
import com.diamondpricing.model.TrainingProgress;
import com.diamondpricing.model.TrialRecord;
import com.diamondpricing.tuning.Pruner;
import com.diamondpricing.tuning.Study;
import com.diamondpricing.tuning.TrialResult;
import com.diamondpricing.tuning.Tuner;
import com.diamondpricing.tuning.TuningInterruptedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Tunes and fits an XGBoost model by its {@link XgboostRecipe}: TPE over the recipe's search space,
 * each trial fitted on the inner 80% of the training rows and scored by MAE on the inner 20%
 * (scikit-learn's split with seed 42 applied to the training part, as the notebook does), or by the
 * MAE of k-fold cross-validation on the training part ({@code xgboost-log}); the test rows are
 * never seen. The best parameters are then refitted on the whole training part, and {@link #refit}
 * fits other rows with them (the served model on every row, the folds that calibrate its intervals)
 * without tuning again. The model reads the features of the options' {@link
 * com.diamondpricing.model.FeatureSet} only.
 *
 * <p>On a training part larger than {@value TuningSample#MAX_TUNING_ROWS} rows the study runs on a
 * seeded sample of that many of its rows (the inner split is then made in the sample), and only the
 * final fit sees every row: a hundred trials on a million rows would take hours. A larger sample
 * was measured and not taken: on 1,000,000 rows a 200,000-row sample took 695 s for a test MAE of
 * 132.06, against 366 s and 123.11 with this one; on 200,000 rows (160,000 training rows) tuning on
 * every row gave 145.77 against 172.31, in 428 s against 184 s. The study's path moves the MAE by
 * more than the sample's size does, and the cost doubles. The provenance records the rows the study
 * used as the parameter {@code tuning_rows}. The bundled data (about 4,000 training rows) is tuned
 * whole, exactly as the notebook does.
 *
 * <p>Trials run on {@code workers} threads with one XGBoost thread each (on small data one thread a
 * trial beats two threads on one trial). Each trial reports its validation MAE every {@value
 * #REPORT_EVERY} rounds (with k folds, all folds grow together and the MAE is that of every
 * held-out row), and a trial whose MAE is worse than the median of the finished trials at the same
 * round is stopped early (Optuna's median pruner), or, for the log target, one that falls out of
 * the best quarter at round 50, 200 or 800 (successive halving; see {@link
 * XgboostRecipe#pruner()}). The study is reproducible for a given seed and worker count (see {@link
 * Tuner}).
 */
final class XgboostTrainer implements Trainer {

  /** scikit-learn's {@code XGBRegressor()} defaults, as the notebook's untuned model used. */
  static final Map<String, Object> NOTEBOOK_DEFAULTS =
      Map.of(
          "learning_rate", 0.3,
          "n_estimators", 100,
          "max_depth", 6,
          "min_child_weight", 1,
          "subsample", 1.0,
          "colsample_bytree", 1.0,
          "lambda", 1.0,
          "alpha", 0.0);

  static final int REPORT_EVERY = 50;

  /** The hyperparameters a trial sets, and the provenance records among its parameters. */
  static final List<String> HYPERPARAMETERS =
      List.of(
          "lambda",
          "alpha",
          "colsample_bytree",
          "subsample",
          "learning_rate",
          "n_estimators",
          "max_depth",
          "min_child_weight");

  private final TrainingOptions options;
  private final XgboostRecipe target;
  private final FeatureMatrix matrix;

  XgboostTrainer(TrainingOptions options) {
    this(options, XgboostRecipe.PRICE);
  }

  XgboostTrainer(TrainingOptions options, XgboostRecipe target) {
    this.options = options;
    this.target = target;
    this.matrix = target.matrix(options.featureSet());
  }

  /** The columns the models of this trainer read. */
  FeatureMatrix matrix() {
    return matrix;
  }

  @Override
  public TrainedModel fit(Dataset train) throws InterruptedException, TrainingException {
    long start = System.nanoTime();
    Tuned tuned = tune(train, start);
    return fitWith(
        train,
        tuned.hyperparameters(),
        Map.of("tuning_rows", tuned.tuningRows()),
        Runtime.getRuntime().availableProcessors(),
        start,
        tuned.validation(),
        tuned.trials(),
        tuned.calibration());
  }

  /**
   * The rows fitted with the hyperparameters the tuned model's study chose (recorded in its
   * provenance), with its trials, validation metrics and calibration kept in the new model's
   * provenance: the same settings, other rows.
   */
  @Override
  public TrainedModel refit(TrainedModel tuned, Dataset rows)
      throws InterruptedException, TrainingException {
    Provenance p = tuned.provenance();
    if (!p.modelType().equals(target.typeName()) || tuned.featureSet() != options.featureSet()) {
      throw new TrainingException(
          "a "
              + target.typeName()
              + " model of "
              + options.featureSet()
              + " cannot refit the settings of a "
              + p.modelType()
              + " model of "
              + tuned.featureSet());
    }
    Map<String, Object> hyperparameters = new LinkedHashMap<>();
    for (String name : HYPERPARAMETERS) {
      Object value = p.parameters().get(name);
      if (value == null) {
        throw new TrainingException("the tuned model's provenance has no " + name);
      }
      hyperparameters.put(name, value);
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    Object tuningRows = p.parameters().get("tuning_rows");
    if (tuningRows != null) {
      extra.put("tuning_rows", tuningRows);
    }
    return fitWith(
        rows,
        hyperparameters,
        extra,
        Runtime.getRuntime().availableProcessors(),
        System.nanoTime(),
        p.validation(),
        p.trials(),
        p.calibration());
  }

  /**
   * What a study chose for a training part: the best trial's hyperparameters, its validation
   * metrics and interval calibration, and every trial.
   *
   * @param hyperparameters the best trial's, scikit-learn style ({@code n_estimators} included)
   * @param tuningRows the rows the study used (all the training part, or a sample)
   * @param validation the best trial's metrics on the inner validation rows
   * @param trials every trial, in order
   * @param calibration the best trial's intervals, or null
   */
  record Tuned(
      Map<String, Object> hyperparameters,
      int tuningRows,
      Metrics validation,
      List<TrialRecord> trials,
      Calibration calibration) {}

  /** Runs the study on the training part (or its sample) and says what it chose. */
  Tuned tune(Dataset train, long start) throws InterruptedException, TrainingException {
    Dataset tuning = TuningSample.rows(train, options.seed());
    TuningTrial.Splits splits = TuningTrial.Splits.of(tuning, target.folds(), options.seed());
    int workers = workers();
    Map<Integer, Metrics> validationMetrics = new ConcurrentHashMap<>();
    Map<Integer, Calibration> calibrations = new ConcurrentHashMap<>();
    Tuner tuner =
        Tuner.tpe(options.seed())
            .workers(workers)
            .pruner(options.pruning() ? target.pruner() : Pruner.none())
            .build();
    Study study;
    try {
      study =
          tuner.optimize(
              target.space(),
              trial ->
                  new TuningTrial(this, target, matrix, trial)
                      .validationMae(splits, validationMetrics, calibrations),
              options.trials(),
              (result, finished, total, best) ->
                  options
                      .listener()
                      .onProgress(
                          new TrainingProgress(
                              "tuning",
                              finished,
                              total,
                              best == null ? Double.NaN : best.value(),
                              (System.nanoTime() - start) / 1e9)));
    } catch (TuningInterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedException(e.getMessage());
    } catch (RuntimeException e) {
      throw new TrainingException("tuning failed: " + e.getMessage(), e);
    }
    if (study.completeCount() == 0) {
      throw new TrainingException(
          "no tuning trial completed; first error: "
              + study.trials().stream()
                  .map(TrialResult::error)
                  .filter(e -> e != null)
                  .findFirst()
                  .orElse("none"));
    }
    TrialResult best = study.best();
    options
        .listener()
        .onProgress(
            new TrainingProgress(
                "fitting",
                study.trials().size(),
                options.trials(),
                best.value(),
                (System.nanoTime() - start) / 1e9));
    List<TrialRecord> history = new ArrayList<>();
    for (TrialResult t : study.trials()) {
      history.add(
          new TrialRecord(t.number(), t.params(), t.state().name(), t.value(), t.seconds()));
    }
    return new Tuned(
        best.params(),
        tuning.size(),
        validationMetrics.get(best.number()),
        history,
        calibrations.get(best.number()));
  }

  private int workers() {
    return options.workers() > 0
        ? options.workers()
        : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** Fits one model with fixed hyperparameters on the given rows. */
  XgboostModel fitWith(
      Dataset train,
      Map<String, Object> hyperparameters,
      int threads,
      long start,
      Metrics validation,
      List<TrialRecord> trials)
      throws TrainingException, InterruptedException {
    return fitWith(train, hyperparameters, Map.of(), threads, start, validation, trials, null);
  }

  /**
   * As above, with {@code extra} entries recorded in the provenance's parameters and the intervals'
   * calibration (or null).
   */
  XgboostModel fitWith(
      Dataset train,
      Map<String, Object> hyperparameters,
      Map<String, Object> extra,
      int threads,
      long start,
      Metrics validation,
      List<TrialRecord> trials,
      Calibration calibration)
      throws TrainingException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("training interrupted");
    }
    Map<String, Object> params = boosterParams(hyperparameters, threads);
    int rounds = ((Number) hyperparameters.get("n_estimators")).intValue();
    DMatrix dtrain = null;
    try {
      dtrain = matrix.labelled(train, target);
      Booster booster = XGBoost.train(dtrain, params, 0, Map.of(), null, null);
      try {
        for (int round = 0; round < rounds; round++) {
          if (Thread.interrupted()) {
            throw new InterruptedException("training interrupted");
          }
          booster.update(dtrain, round);
        }
      } catch (InterruptedException | XGBoostError | RuntimeException e) {
        booster.dispose();
        throw e;
      }
      Provenance provenance =
          XgboostProvenance.of(
              target,
              matrix,
              options.seed(),
              train.contentHash(),
              train.size(),
              hyperparameters,
              extra,
              params,
              LibraryVersions.of("ml.dmlc:xgboost4j_2.12"),
              (System.nanoTime() - start) / 1e9,
              validation,
              trials,
              calibration);
      return XgboostModel.of(booster, provenance, matrix);
    } catch (XGBoostError e) {
      throw new TrainingException("XGBoost failed: " + e.getMessage(), e);
    } finally {
      if (dtrain != null) {
        dtrain.dispose();
      }
    }
  }

  /** Booster parameters for scikit-learn-style hyperparameters ({@link XgboostRecipe}). */
  Map<String, Object> boosterParams(Map<String, Object> hyper, int threads) {
    return target.boosterParams(hyper, options.seed(), threads, matrix);
  }
}
