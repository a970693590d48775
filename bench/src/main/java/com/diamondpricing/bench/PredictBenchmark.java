package com.diamondpricing.bench;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One diamond priced by the model type {@code type}, as the prediction endpoint does it, on the
 * notebook's tuned model (100 TPE trials, seed 42, on the bundled data; trained once and cached
 * under {@code bench/out/}). Run with {@code -t 2} for the two-core throughput. {@code loadModel}
 * times reading that model from its artifact, as the server does for a new champion. {@code
 * explainOne} times one explanation ({@code ?explain=true}); {@code loadAndExplainOnce} a loaded
 * model's first one, which builds the TreeSHAP tables.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PredictBenchmark {

  @Param({"xgboost", "xgboost-log", "linear"})
  String type;

  ModelType modelType;
  byte[] artifact;
  TrainedModel model;
  Diamond[] diamonds;

  @Setup(Level.Trial)
  public void load() throws Exception {
    Dataset data = new DiamondCsvReader().read(Path.of("data/diamonds.csv")).dataset();
    modelType = ModelTypes.discover().get(type);
    // "-probed": artifacts written since the native probe predictions are recorded in them (an
    // older cached artifact would time the load that checks against the native library)
    Path cached = Path.of("bench/out/" + type + "-100-trials-seed-42-probed.model");
    if (!Files.isRegularFile(cached)) {
      TrainTestSplit split = TrainTestSplit.notebook(data.size());
      try (TrainedModel trained =
          modelType.trainer(TrainingOptions.defaults()).fit(data.rows(split.train()))) {
        Files.createDirectories(cached.getParent());
        Files.write(cached, trained.artifact());
      }
    }
    artifact = Files.readAllBytes(cached);
    model = modelType.load(artifact);
    diamonds = new Diamond[1024];
    for (int i = 0; i < diamonds.length; i++) {
      diamonds[i] = data.diamond((i * 7919) % data.size());
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    model.close();
  }

  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Benchmark
  public double predictOne(Cursor cursor) {
    Diamond d = diamonds[cursor.next++ & (diamonds.length - 1)];
    return model.predict(d);
  }

  /** One diamond's price explained (TreeSHAP for xgboost, log-linear SHAP for linear). */
  @Benchmark
  public Object explainOne(Cursor cursor) {
    Diamond d = diamonds[cursor.next++ & (diamonds.length - 1)];
    return model.explain(d).orElseThrow();
  }

  /** A freshly loaded model's first explanation: it builds the TreeSHAP tables. */
  @Benchmark
  public Object loadAndExplainOnce() throws Exception {
    try (TrainedModel loaded = modelType.load(artifact)) {
      return loaded.explain(diamonds[0]).orElseThrow();
    }
  }

  @Benchmark
  public String loadModel() throws Exception {
    try (TrainedModel loaded = modelType.load(artifact)) {
      return loaded.type();
    }
  }
}
