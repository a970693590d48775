package com.diamondpricing.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.TrainingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled data trained on Spark ({@code local[2]}, two XGBoost workers) and on one machine,
 * with the same seed and trials: the same study, the same test rows, and prices that agree within
 * the tolerance a distributed histogram allows.
 */
class SparkTrainingTests {

  static final Path DATA = Path.of("..", "data", "diamonds.csv");
  static final TrainingOptions OPTIONS = new TrainingOptions(42, 6, 1, true, TrainingListener.NONE);

  static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void aModelTrainedOnSparkAgreesWithOneTrainedOnOneMachine() throws Exception {
    Dataset all = new DiamondCsvReader().read(DATA).dataset();
    TrainTestSplit split = TrainTestSplit.notebook(all.size());
    Dataset train = all.rows(split.train());
    Dataset test = all.rows(split.test());

    try (SparkTraining.Outcome outcome =
            SparkTraining.run(spark, DATA.toString(), null, List.of("xgboost"), OPTIONS, 2);
        TrainedModel single = ModelTypes.discover().get("xgboost").trainer(OPTIONS).fit(train)) {
      SparkTraining.Trained onSpark = outcome.models().get(0);
      TrainedModel model = onSpark.model();

      assertThat(outcome.rows()).isEqualTo(all.size());
      assertThat(outcome.trainRows()).isEqualTo(train.size());
      assertThat(onSpark.evaluation().rows()).isEqualTo(test.size());
      // the same study on the same rows chose the same hyperparameters
      for (String p : List.of("n_estimators", "max_depth", "learning_rate", "subsample")) {
        assertThat(model.provenance().parameters().get(p))
            .as(p)
            .isEqualTo(single.provenance().parameters().get(p));
      }
      assertThat(model.provenance().trials()).hasSameSizeAs(single.provenance().trials());
      assertThat(model.provenance().parameters())
          .containsEntry("engine", "spark")
          .containsEntry("spark_workers", 2);
      assertThat(model.provenance().libraries()).containsKey("spark");

      double[] bySpark = model.predict(test);
      double[] byOne = single.predict(test);
      Metrics sparkMetrics = Metrics.of(test.prices(), bySpark);
      Metrics oneMetrics = Metrics.of(test.prices(), byOne);
      double[] relative = new double[bySpark.length];
      for (int i = 0; i < relative.length; i++) {
        relative[i] = Math.abs(bySpark[i] - byOne[i]) / byOne[i];
      }
      Arrays.sort(relative);
      double median = relative[relative.length / 2];
      System.out.printf(
          "Spark local[2] vs one machine on %d test rows: MAE %.2f vs %.2f, median relative"
              + " difference %.4f, 95th percentile %.4f%n",
          test.size(),
          sparkMetrics.mae(),
          oneMetrics.mae(),
          median,
          relative[(int) (relative.length * 0.95)]);
      assertThat(onSpark.evaluation().test().mae()).isCloseTo(sparkMetrics.mae(), within(1e-6));
      assertThat(sparkMetrics.mae()).isCloseTo(oneMetrics.mae(), within(oneMetrics.mae() * 0.05));
      assertThat(median).isLessThan(0.02);

      // the artifact is what the registry stores and the server loads (Java walk checked at load)
      try (TrainedModel loaded = ModelTypes.discover().get("xgboost").load(model.artifact())) {
        assertThat(loaded.predict(test)).containsExactly(bySpark);
      }
    }
  }

  @Test
  void theJobWritesEachArtifactAndItsResult(@TempDir Path out) throws Exception {
    SparkTrainCommand command = new SparkTrainCommand();
    command.models = List.of("xgboost-log");
    List<java.util.Map<String, Object>> results =
        command.train(spark, DATA.toString(), null, OPTIONS.withTrials(2), 2, out);

    assertThat(results).hasSize(1);
    assertThat(results.get(0)).containsEntry("type", "xgboost-log").containsKey("test");
    assertThat(out.resolve("xgboost-log.json")).exists();
    assertThat(Files.readString(out.resolve("result.json"))).contains("\"nTest\"");
    try (TrainedModel loaded =
        ModelTypes.discover()
            .get("xgboost-log")
            .load(Files.readAllBytes(out.resolve("xgboost-log.json")))) {
      assertThat(loaded.provenance().parameters()).containsEntry("engine", "spark");
    }
  }

  @Nested
  class Refused {

    @Test
    void aFileWithMoreThanOneBadRowInTwentyIsRefusedWithExamples(@TempDir Path dir)
        throws Exception {
      Path csv = dir.resolve("bad.csv");
      Files.writeString(
          csv,
          "carat,cut,color,clarity,depth,table,price,x,y,z\n"
              + "1.1,Ideal,H,SI2,62.0,55.0,4733,6.61,6.65,4.11\n"
              + "1.2,Superb,H,SI2,62.0,55.0,4733,6.61,6.65,4.11\n"
              + "oops,Ideal,H,SI2,62.0,55.0,4733,6.61,6.65,4.11\n");

      assertThatThrownBy(
              () -> SparkTraining.run(spark, csv.toString(), null, List.of("xgboost"), OPTIONS, 2))
          .isInstanceOf(DataProblem.class)
          .hasMessageContaining("2 of 3 row(s)")
          .hasMessageContaining("Superb")
          .hasMessageContaining("cut is one of Fair, Good, Very Good, Ideal, Premium");
    }

    @Test
    void aFormatOtherThanCsvOrParquet() {
      assertThatThrownBy(() -> DiamondFrames.format("x.json", "json"))
          .isInstanceOf(DataProblem.class)
          .hasMessageContaining("csv or parquet");
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
