package com.diamondpricing.spark;

import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingException;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.TrainingOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark training job: {@code spark-submit --class com.diamondpricing.spark.SparkTrainCommand
 * pricing-spark-*-spark-submit.jar --data PATH --out DIR}, or run with a master of its own ({@code
 * --master}). It reads and cleans the data, splits it by the notebook's rule, trains each XGBoost
 * model type (TPE on the driver, final fit on the cluster), scores the test rows, and writes each
 * model's artifact ({@code <type>.json}, XGBoost's JSON with the provenance inside) and {@code
 * result.json} (data, split, test metrics, coverage) to {@code DIR}, for the registry.
 */
@Command(
    name = "pricing-spark",
    mixinStandardHelpOptions = true,
    description = "Trains the XGBoost model types on a Spark cluster.")
public final class SparkTrainCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, description = "CSV or Parquet, any path Spark reads")
  String data;

  @Option(names = "--format", description = "csv or parquet (default: from the path's ending)")
  String format;

  @Option(names = "--out", required = true, description = "folder for the artifacts and result")
  Path out;

  @Option(
      names = "--model",
      split = ",",
      defaultValue = "xgboost,xgboost-log",
      description = "model types (default: ${DEFAULT-VALUE})")
  List<String> models;

  @Option(names = "--trials", defaultValue = "100", description = "TPE trials (on the driver)")
  int trials;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--workers", defaultValue = "2", description = "XGBoost workers on the cluster")
  int workers;

  @Option(names = "--master", description = "Spark master URL (default: spark-submit's)")
  String master;

  @Option(
      names = "--progress",
      description =
          "print each step to stdout as a line: progress PHASE TRIAL TRIALS BEST_MAE SECONDS")
  boolean progress;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SparkTrainCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException, TrainingException {
    SparkSession.Builder builder = SparkSession.builder().appName("diamond-pricing training");
    if (master != null) {
      builder.master(master);
    }
    SparkSession spark = builder.getOrCreate();
    try {
      List<Map<String, Object>> results = train(spark, data, format, options(), workers, out);
      System.out.println(json().writeValueAsString(results));
      return 0;
    } catch (DataProblem e) {
      System.err.println("pricing-spark: " + e.getMessage());
      return 3;
    } finally {
      spark.stop();
    }
  }

  private TrainingOptions options() {
    return new TrainingOptions(seed, trials, 0, true, progress ? PROGRESS : TrainingListener.NONE);
  }

  /** Progress as lines the registry's side reads ({@code bin/diamonds train --engine spark}). */
  private static final TrainingListener PROGRESS =
      p ->
          System.out.printf(
              Locale.ROOT,
              "progress %s %d %d %s %.3f%n",
              p.phase(),
              p.trial(),
              p.trials(),
              Double.isNaN(p.bestValidationMae()) ? "-" : Double.toString(p.bestValidationMae()),
              p.elapsedSeconds());

  /** Trains every model type and writes its artifact and the result; the result's entries. */
  List<Map<String, Object>> train(
      SparkSession spark,
      String data,
      String format,
      TrainingOptions options,
      int workers,
      Path out)
      throws IOException, InterruptedException, TrainingException {
    SparkTraining.Outcome outcome =
        SparkTraining.run(spark, data, format, models, options, workers);
    Files.createDirectories(out);
    List<Map<String, Object>> results = new ArrayList<>();
    try {
      for (SparkTraining.Trained t : outcome.models()) {
        TrainedModel model = t.model();
        Path artifact = out.resolve(model.type() + ".json");
        Files.write(artifact, model.artifact());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", model.type());
        r.put("artifact", artifact.getFileName().toString());
        r.put("data", data);
        r.put("rows", outcome.rows());
        r.put("dataHash", outcome.dataHash());
        r.put("nTrain", outcome.trainRows());
        r.put("nTest", t.evaluation().rows());
        r.put("test", t.evaluation().test());
        r.put("coverage", t.evaluation().coverage());
        r.put("trainingSeconds", model.provenance().trainingSeconds());
        results.add(r);
      }
    } finally {
      outcome.close();
    }
    Files.writeString(out.resolve("result.json"), json().writeValueAsString(results));
    return results;
  }

  static ObjectMapper json() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
