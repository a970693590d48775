package com.diamondpricing.spark;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.model.HoldoutEvaluation;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainedModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Scores a model on the test rows where they are: each partition loads the model from its artifact
 * (the same Java tree walk the server answers with) and prices its rows; the driver collects the
 * (actual, predicted) pairs, 16 bytes a row (320 MB for the test part of 100 million rows), and
 * computes the registry's metrics and interval coverage from them as the single machine does.
 *
 * @param test metrics on the test rows
 * @param coverage per interval level, the share of test rows inside their interval
 * @param rows test rows
 */
record TestRowsEvaluation(Metrics test, Map<Double, Double> coverage, int rows) {

  static TestRowsEvaluation of(
      SparkSession spark, TrainedModel model, org.apache.spark.sql.Dataset<Row> test) {
    String type = model.type();
    Broadcast<byte[]> artifact =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(model.artifact());
    List<double[]> pairs =
        test.javaRDD()
            .mapPartitions(
                (Iterator<Row> rows) -> {
                  List<Row> list = new ArrayList<>();
                  rows.forEachRemaining(list::add);
                  if (list.isEmpty()) {
                    return List.<double[]>of().iterator();
                  }
                  Dataset d = SparkXgboostTrainer.dataset(list);
                  double[] predicted;
                  try (TrainedModel m = load(type, artifact.value())) {
                    predicted = m.predict(d);
                  }
                  List<double[]> out = new ArrayList<>(list.size());
                  for (int i = 0; i < predicted.length; i++) {
                    out.add(new double[] {d.price(i), predicted[i]});
                  }
                  return out.iterator();
                })
            .collect();
    double[] actual = new double[pairs.size()];
    double[] predicted = new double[pairs.size()];
    for (int i = 0; i < actual.length; i++) {
      actual[i] = pairs.get(i)[0];
      predicted[i] = pairs.get(i)[1];
    }
    return new TestRowsEvaluation(
        Metrics.of(actual, predicted),
        HoldoutEvaluation.coverage(model.provenance().calibration(), actual, predicted),
        actual.length);
  }

  private static TrainedModel load(String type, byte[] artifact) throws ModelLoadException {
    return ModelTypes.discover().get(type).load(artifact);
  }
}
