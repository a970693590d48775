package com.diamondpricing.spark;

import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingException;
import com.diamondpricing.model.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads, cleans and splits the data once, then trains and scores each XGBoost model type. */
final class SparkTraining {

  /** One trained model with its test-row evaluation. */
  record Trained(TrainedModel model, TestRowsEvaluation evaluation) {}

  /**
   * What a run made. The caller closes it (the models hold native boosters).
   *
   * @param rows clean rows
   * @param trainRows rows in the training part
   * @param dataHash an order-free hash of the training part's rows
   * @param models the models, in the order asked
   */
  record Outcome(long rows, int trainRows, String dataHash, List<Trained> models)
      implements AutoCloseable {
    @Override
    public void close() {
      models.forEach(t -> t.model().close());
    }
  }

  private SparkTraining() {}

  static Outcome run(
      SparkSession spark,
      String data,
      String format,
      List<String> types,
      TrainingOptions options,
      int workers)
      throws InterruptedException, TrainingException {
    Dataset<Row> clean =
        DiamondFrames.clean(DiamondFrames.read(spark, data, DiamondFrames.format(data, format)));
    NotebookSplit split = NotebookSplit.of(spark, clean);
    split.train.cache();
    split.test.cache();
    String hash = hash(split.train);
    SparkXgboostTrainer trainer = new SparkXgboostTrainer(spark, options, workers);
    List<Trained> models = new ArrayList<>();
    try {
      for (String type : types) {
        TrainedModel model = trainer.fit(type, split, hash);
        models.add(new Trained(model, TestRowsEvaluation.of(spark, model, split.test)));
      }
    } catch (InterruptedException | TrainingException | RuntimeException e) {
      models.forEach(t -> t.model().close());
      throw e;
    }
    return new Outcome(split.rows, split.trainSize(), hash, models);
  }

  /** {@code spark-xxhash64:} and the sum of the rows' 64-bit hashes: the same rows, any order. */
  static String hash(Dataset<Row> train) {
    Column[] columns =
        DiamondFrames.COLUMNS.stream()
            .map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new);
    Row r = train.select(sum(xxhash64(columns).cast("decimal(38,0)")).as("h")).first();
    return "spark-xxhash64:" + (r.isNullAt(0) ? "0" : r.getDecimal(0).toPlainString());
  }
}
