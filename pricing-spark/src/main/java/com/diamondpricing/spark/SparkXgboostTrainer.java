package com.diamondpricing.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.when;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Grade;
import com.diamondpricing.model.LibraryVersions;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingException;
import com.diamondpricing.model.TrainingOptions;
import com.diamondpricing.model.xgboost.XgboostTraining;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import ml.dmlc.xgboost4j.scala.spark.XGBoostRegressionModel;
import ml.dmlc.xgboost4j.scala.spark.XGBoostRegressor;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Trains an XGBoost model type with its final fit on the cluster: the TPE study runs on the driver
 * on the rows the single machine would tune on (the training part, or its seeded sample of at most
 * 100,000 rows, collected in the same order), exactly as {@code XgboostTrainer} runs it; then
 * xgboost4j-spark fits the chosen hyperparameters on every training row with {@code workers}
 * workers. The booster becomes the same model (artifact, provenance, Java tree walk checked on
 * probe rows) as one trained on a single machine, with the engine, workers and Spark version in its
 * provenance.
 */
final class SparkXgboostTrainer {

  static final String LABEL = "_label";

  private final SparkSession spark;
  private final TrainingOptions options;
  private final int workers;

  SparkXgboostTrainer(SparkSession spark, TrainingOptions options, int workers) {
    this.spark = spark;
    this.options = options;
    this.workers = workers;
  }

  /** Tunes on the driver, fits on the cluster; the caller closes the model. */
  TrainedModel fit(String typeName, NotebookSplit split, String dataHash)
      throws InterruptedException, TrainingException {
    long start = System.nanoTime();
    XgboostTraining training = XgboostTraining.of(typeName, options);
    int[] positions = training.tuningPositions(split.trainSize());
    Dataset tuning = dataset(split.trainingRows(spark, positions));
    XgboostTraining.Choice choice = training.tune(tuning);
    long tuned = System.nanoTime();
    Map<String, Object> params = training.boosterParams(choice.hyperparameters(), 1);
    XGBoostRegressionModel fitted =
        regressor(training, choice, params).fit(labelled(training, split));
    // the job's log says where the time went (docs/scaling.md compares the two halves)
    System.err.printf(
        Locale.ROOT,
        "timing: %s tuned on the driver on %,d rows in %.1f s; fitted on the cluster on %,d rows"
            + " by %d workers in %.1f s%n",
        typeName,
        choice.tuningRows(),
        (tuned - start) / 1e9,
        split.trainSize(),
        workers,
        (System.nanoTime() - tuned) / 1e9);
    Booster booster;
    try {
      booster = XGBoost.loadModel(fitted.nativeBooster().toByteArray("json"));
    } catch (XGBoostError | java.io.IOException e) {
      throw new TrainingException("the cluster's booster cannot be read: " + e.getMessage(), e);
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("engine", "spark");
    extra.put("spark_workers", workers);
    extra.put("spark_master", spark.sparkContext().master());
    extra.put("tuning_rows", choice.tuningRows());
    Map<String, String> libraries =
        new LinkedHashMap<>(LibraryVersions.of("ml.dmlc:xgboost4j-spark_2.12"));
    libraries.put("spark", spark.version());
    return training.model(
        booster,
        choice,
        dataHash,
        split.trainSize(),
        extra,
        libraries,
        (System.nanoTime() - start) / 1e9);
  }

  private XGBoostRegressor regressor(
      XgboostTraining training, XgboostTraining.Choice choice, Map<String, Object> params) {
    XGBoostRegressor r = new XGBoostRegressor();
    r.setFeaturesCol(training.featureNames().toArray(String[]::new));
    r.setFeatureNames(training.featureNames().toArray(String[]::new));
    r.setFeatureTypes(training.featureTypes().toArray(String[]::new));
    r.setLabelCol(LABEL);
    r.setNumWorkers(workers);
    r.setNumRound(choice.rounds());
    if (spark.sparkContext().isLocal()) {
      r.setRabitTrackerHostIp("127.0.0.1"); // the host's name may not resolve to this machine
    }
    r.setObjective((String) params.get("objective"));
    r.setTreeMethod((String) params.get("tree_method"));
    r.setEta(number(params, "eta"));
    r.setMaxDepth((int) number(params, "max_depth"));
    r.setMinChildWeight(number(params, "min_child_weight"));
    r.setSubsample(number(params, "subsample"));
    r.setColsampleBytree(number(params, "colsample_bytree"));
    r.setLambda(number(params, "lambda"));
    r.setAlpha(number(params, "alpha"));
    r.setSeed(((Number) params.get("seed")).longValue());
    r.setNthread(1);
    if (params.get("monotone_constraints") instanceof String monotone) {
      constrain(r, monotone);
    }
    return r;
  }

  /**
   * Sets XGBoost's {@code monotone_constraints} as the text it reads, {@code (1,0,...)}.
   * xgboost4j-spark 3.4.0 declares the parameter as an int array but hands the array's {@code
   * toString()} ({@code [I@1f6c91f8}) to the booster, which refuses it; nothing else reads it, so
   * the text goes in unconverted.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void constrain(XGBoostRegressor r, String monotone) {
    r.set((org.apache.spark.ml.param.Param) r.monotoneConstraints(), (Object) monotone);
  }

  private static double number(Map<String, Object> params, String name) {
    return ((Number) params.get(name)).doubleValue();
  }

  /**
   * The training part labelled for the type (the price, or its log), with each grade as the value
   * the model reads: its code in the notebook's order, or its rank in the trade's order for a model
   * of ordered grades (the frames carry the codes).
   */
  private static org.apache.spark.sql.Dataset<Row> labelled(
      XgboostTraining training, NotebookSplit split) {
    org.apache.spark.sql.Dataset<Row> rows =
        split.train.withColumn(LABEL, training.logPrice() ? log(col("price")) : col("price"));
    rows = rows.withColumn("cut", graded(training, "cut", Cut.values()));
    rows = rows.withColumn("color", graded(training, "color", Color.values()));
    return rows.withColumn("clarity", graded(training, "clarity", Clarity.values()));
  }

  /** A grade column's codes as the values the model reads. */
  private static Column graded(XgboostTraining training, String name, Grade[] levels) {
    Column value = null;
    for (Grade g : levels) {
      Column is = col(name).equalTo(lit((double) g.code()));
      Column v = lit(training.gradeValue(g));
      value = value == null ? when(is, v) : value.when(is, v);
    }
    return value;
  }

  /** Collected rows (grades as codes) as a dataset, in their order. */
  static Dataset dataset(List<Row> rows) {
    Dataset.Builder b = Dataset.builder(rows.size());
    Cut[] cuts = Cut.values();
    Color[] colors = Color.values();
    Clarity[] clarities = Clarity.values();
    for (Row r : rows) {
      b.add(
          r.getDouble(r.fieldIndex("carat")),
          cuts[(int) r.getDouble(r.fieldIndex("cut"))],
          colors[(int) r.getDouble(r.fieldIndex("color"))],
          clarities[(int) r.getDouble(r.fieldIndex("clarity"))],
          r.getDouble(r.fieldIndex("depth")),
          r.getDouble(r.fieldIndex("table")),
          r.getDouble(r.fieldIndex("price")),
          r.getDouble(r.fieldIndex("x")),
          r.getDouble(r.fieldIndex("y")),
          r.getDouble(r.fieldIndex("z")));
    }
    return b.build();
  }
}
