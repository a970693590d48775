package com.diamondpricing.server.cli;

import com.diamondpricing.data.DatasetRejectedException;
import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.data.LoadedDataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.interval.IntervalJson;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.HoldoutEvaluation;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.TrainingException;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.TrainingOptions;
import com.diamondpricing.server.dataset.BundledData;
import com.diamondpricing.server.registry.ModelParameters;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code diamonds evaluate}: the notebook's protocol with no database. Load and clean, split 80/20
 * with seed 42, fit (tuning included), score the test rows.
 */
@Command(
    name = "evaluate",
    description = {
      "Run the notebook's protocol on a CSV file, without a database: clean, split 80/20 (seed 42),"
          + " fit (with tuning for xgboost), score the held-out test rows.",
      "Exit status: 0 done, 2 bad arguments, 3 data rejected, 4 training failed."
    })
final class EvaluateCommand implements Callable<Integer> {

  static final int DATA_REJECTED = 3;
  static final int TRAINING_FAILED = 4;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description =
          "CSV file with the columns carat,cut,color,clarity,depth,table,price,x,y,z"
              + " (default: the bundled dataset)")
  Path data;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "TYPE",
      description = "model type: ${COMPLETION-CANDIDATES}",
      completionCandidates = ModelTypeNames.class)
  String model;

  @Option(
      names = "--features",
      defaultValue = "all",
      paramLabel = "SET",
      description =
          "the features the model learns from: all (the four Cs and the measurements) or four-cs"
              + " (carat, cut, color, clarity only; the tree types) (default: ${DEFAULT-VALUE})")
  String features;

  @Option(
      names = "--trials",
      defaultValue = "100",
      paramLabel = "N",
      description = "tuning trials, for model types that tune (default: ${DEFAULT-VALUE})")
  int trials;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "S",
      description = "seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--workers",
      defaultValue = "0",
      paramLabel = "W",
      description = "trials run at once; 0 = one per core (default: ${DEFAULT-VALUE})")
  int workers;

  @Option(
      names = "--no-pruning",
      description =
          "let every tuning trial run to the end (default: stop hopeless trials early: for"
              + " xgboost those worse than the median of earlier trials at the same round, for"
              + " xgboost-log those outside the best quarter at round 50, 200 or 800)")
  boolean noPruning;

  @Option(
      names = "--json",
      description =
          "end stdout with one JSON line: model, r2, mae, rmse, mape, n_train, n_test,"
              + " seconds, params, coverage and, for a model type that tunes, tuning (trials,"
              + " complete, pruned, failed, trial_seconds); the report and progress go to"
              + " stderr")
  boolean json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    ChoiceOptions choice = new ChoiceOptions(spec);
    ModelType type = choice.model("--model", model);
    String name = type.name();
    choice.trials("--trials", trials);
    FeatureSet featureSet = choice.featureSet("--features", features, type);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter info = json ? err : out;
    LoadedDataset loaded;
    try {
      loaded = load();
    } catch (DatasetRejectedException e) {
      err.print(e.report().describe());
      err.flush();
      return DATA_REJECTED;
    }
    info.print(loaded.report().describe());
    TrainingListener progress = new ProgressLines(info);
    TrainingOptions options =
        TrainingOptions.defaults()
            .withSeed(seed)
            .withTrials(trials)
            .withWorkers(workers)
            .withPruning(!noPruning)
            .withListener(progress)
            .withFeatureSet(featureSet);
    info.printf(
        Locale.ROOT,
        "Fitting %s (features: %s) on %,d rows (80%% of %,d, seed %d)%n",
        name,
        featureSet,
        TrainTestSplit.notebook(loaded.dataset().size()).train().length,
        loaded.dataset().size(),
        seed);
    HoldoutEvaluation.Result result;
    try {
      result = HoldoutEvaluation.run(loaded.dataset(), type, options);
    } catch (TrainingException e) {
      err.println("training failed: " + e.getMessage());
      err.flush();
      return TRAINING_FAILED;
    }
    try (var fitted = result.model()) {
      double seconds = (System.nanoTime() - start) / 1e9;
      ModelParameters params = new ModelParameters(fitted.provenance().parameters());
      Metrics m = result.test();
      info.printf(Locale.ROOT, "%s on the %,d test rows:%n", name, result.nTest());
      info.printf(
          Locale.ROOT,
          "  R2    %.6f%n  MAE   %.6f%n  RMSE  %.6f%n  MAPE  %.6f%n",
          m.r2(),
          m.mae(),
          m.rmse(),
          m.mape());
      info.println("  parameters: " + params.values());
      TuningSummary tuning = TuningSummary.of(fitted.provenance().trials());
      if (tuning != null) {
        info.println("  tuning: " + tuning.describe());
      }
      CoverageLines.print(info, result);
      info.printf(Locale.ROOT, "  %.1f s in all (fit %.1f s)%n", seconds, result.seconds());
      info.flush();
      if (json) {
        out.println(
            CliJson.write(
                new Summary(
                    name,
                    m.r2(),
                    m.mae(),
                    m.rmse(),
                    m.mape(),
                    result.nTrain(),
                    result.nTest(),
                    seconds,
                    params,
                    coverage(result.coverage()),
                    result.testCoverage() == null
                        ? null
                        : IntervalJson.toMap(result.testCoverage()),
                    result.outOfFoldCoverage() == null
                        ? null
                        : IntervalJson.toMap(result.outOfFoldCoverage()),
                    tuning)));
        out.flush();
      }
    }
    return 0;
  }

  private LoadedDataset load() throws IOException, DatasetRejectedException {
    DiamondCsvReader reader = new DiamondCsvReader();
    if (data == null) {
      return BundledData.read(reader);
    }
    if (!Files.isRegularFile(data)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--data: no such file: " + data);
    }
    return reader.read(data);
  }

  /**
   * The {@code --json} line.
   *
   * @param model the model type
   * @param r2 R2 on the test rows
   * @param mae MAE on the test rows
   * @param rmse RMSE on the test rows
   * @param mape MAPE on the test rows (a fraction)
   * @param nTrain training rows
   * @param nTest test rows
   * @param seconds how long the command took
   * @param params the parameters of the final fit
   * @param coverage per interval level ("0.8", "0.9"), the share of the test rows inside their
   *     interval; empty for a model without intervals
   * @param testCoverage the same overall and per segment, with the rows counted
   * @param outOfFoldCoverage overall and per segment, the share of the training rows inside the
   *     range a calibration that never saw them gives them
   * @param tuning how the tuning study went; absent for a model type that does not tune
   */
  record Summary(
      String model,
      double r2,
      double mae,
      double rmse,
      double mape,
      @JsonProperty("n_train") int nTrain,
      @JsonProperty("n_test") int nTest,
      double seconds,
      ModelParameters params,
      Map<String, Double> coverage,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> testCoverage,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> outOfFoldCoverage,
      @JsonInclude(JsonInclude.Include.NON_NULL) TuningSummary tuning) {}

  private static Map<String, Double> coverage(Map<Double, Double> byLevel) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    byLevel.forEach((level, share) -> out.put(level.toString(), share));
    return out;
  }
}
