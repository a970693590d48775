package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Feature;
import com.diamondpricing.data.Grade;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.interval.Calibration;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingException;
import com.diamondpricing.model.TrainingOptions;
import com.diamondpricing.model.TrialRecord;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The XGBoost model types' training in two halves, for an engine that fits the final model
 * elsewhere (the {@code pricing-spark} module fits it on a Spark cluster): {@link #tune} runs the
 * same TPE study as the single-machine trainer on the training part (or its seeded sample of at
 * most 100,000 rows), and {@link #model} wraps the booster the engine fitted with {@link
 * #boosterParams} into the same model, artifact and provenance. The single-machine trainer is these
 * two halves with a local fit between them.
 */
public final class XgboostTraining {

  private final XgboostTrainer trainer;
  private final XgboostRecipe target;
  private final long seed;

  private XgboostTraining(XgboostTrainer trainer, XgboostRecipe target, long seed) {
    this.trainer = trainer;
    this.target = target;
    this.seed = seed;
  }

  /** The model types an XGBoost training trains: {@code xgboost} and {@code xgboost-log}. */
  public static List<String> typeNames() {
    return List.of(XgboostRecipe.PRICE.typeName(), XgboostRecipe.LOG_PRICE.typeName());
  }

  /**
   * The training of an XGBoost model type ({@code xgboost} or {@code xgboost-log}).
   *
   * @throws IllegalArgumentException for another type's name
   */
  public static XgboostTraining of(String typeName, TrainingOptions options) {
    XgboostRecipe target = XgboostRecipe.of(typeName);
    if (!target.typeName().equals(typeName)) {
      throw new IllegalArgumentException("not an XGBoost model type: " + typeName);
    }
    return new XgboostTraining(new XgboostTrainer(options, target), target, options.seed());
  }

  /**
   * What the study chose.
   *
   * @param hyperparameters the best trial's, scikit-learn style ({@code n_estimators} included)
   * @param tuningRows the rows the study used
   * @param validation the best trial's metrics on its validation rows
   * @param trials every trial
   * @param calibration the best trial's intervals, or null
   */
  public record Choice(
      Map<String, Object> hyperparameters,
      int tuningRows,
      Metrics validation,
      List<TrialRecord> trials,
      Calibration calibration) {

    public Choice {
      hyperparameters = Map.copyOf(hyperparameters);
      trials = List.copyOf(trials);
    }

    /** Boosting rounds: the chosen {@code n_estimators}. */
    public int rounds() {
      return ((Number) hyperparameters.get("n_estimators")).intValue();
    }
  }

  /**
   * The positions, in the training part's order, of the rows {@link #tune} should be given for the
   * study the single-machine trainer runs on a training part of this size: every row (0 to {@code
   * trainingRows - 1}), or its seeded sample of at most 100,000.
   */
  public int[] tuningPositions(int trainingRows) {
    int[] sample = TuningSample.positions(trainingRows, seed);
    return sample != null ? sample : java.util.stream.IntStream.range(0, trainingRows).toArray();
  }

  /** Tunes on the training part as the single-machine trainer does. */
  public Choice tune(Dataset trainingPart) throws InterruptedException, TrainingException {
    XgboostTrainer.Tuned t = trainer.tune(trainingPart, System.nanoTime());
    return new Choice(
        t.hyperparameters(), t.tuningRows(), t.validation(), t.trials(), t.calibration());
  }

  /**
   * XGBoost's parameters for the final fit of these hyperparameters ({@code n_estimators} is the
   * number of rounds, not a parameter): objective, tree method, seed, monotone constraints.
   */
  public Map<String, Object> boosterParams(Map<String, Object> hyperparameters, int threads) {
    return trainer.boosterParams(hyperparameters, threads);
  }

  /** The names of the columns the model reads, in its column order. */
  public List<String> featureNames() {
    return trainer.matrix().nameList();
  }

  /** The columns' XGBoost types ("c" for categorical grades, "q" for numbers), in that order. */
  public List<String> featureTypes() {
    return trainer.matrix().typeList();
  }

  /** The features the model reads, in that order. */
  public List<Feature> features() {
    return trainer.matrix().featureSet().featureList();
  }

  /**
   * The value the model reads for a grade: its code in the notebook's order for a model with
   * categorical grades, its rank in the trade's order for one with ordered grades.
   */
  public double gradeValue(Grade grade) {
    return trainer.matrix().ordinalGrades() ? grade.rank() : grade.code();
  }

  /** Whether the trees fit log(price) (else the price). */
  public boolean logPrice() {
    return target.logPrice();
  }

  /** The label the trees fit for a price: the price, or its log for {@code xgboost-log}. */
  public double label(double price) {
    return target.label(price);
  }

  /**
   * The model for a booster fitted with {@link #boosterParams} of the choice's hyperparameters on
   * the training part: the same artifact (provenance inside) and Java tree walk, checked on probe
   * rows, as a model trained on one machine. Takes ownership of the booster.
   *
   * @param dataHash the training part's content hash
   * @param trainingRows its rows
   * @param extra entries recorded first in the provenance's parameters (engine, workers, ...)
   * @param libraries library versions for the provenance
   * @param seconds training time, tuning included
   */
  public TrainedModel model(
      Booster booster,
      Choice choice,
      String dataHash,
      int trainingRows,
      Map<String, Object> extra,
      Map<String, String> libraries,
      double seconds)
      throws TrainingException {
    try {
      FeatureMatrix matrix = trainer.matrix();
      booster.setFeatureNames(matrix.names());
      booster.setFeatureTypes(matrix.types());
      return XgboostModel.of(
          booster,
          XgboostProvenance.of(
              target,
              matrix,
              seed,
              dataHash,
              trainingRows,
              choice.hyperparameters(),
              extra,
              boosterParams(choice.hyperparameters(), 1),
              libraries,
              seconds,
              choice.validation(),
              choice.trials(),
              choice.calibration()),
          matrix);
    } catch (XGBoostError e) {
      throw new TrainingException("the booster cannot be made a model: " + e.getMessage(), e);
    }
  }
}
