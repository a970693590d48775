package com.diamondpricing.model.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.TestData;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.model.MissingFeatureException;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingOptions;
import com.diamondpricing.model.TrainingProgress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class XgboostModelTypeTests {

  static final XgboostModelType TYPE = new XgboostModelType();
  static Dataset train;
  static Dataset test;
  static XgboostModel defaults;
  static TrainedModel tuned;
  static List<TrainingProgress> progress = new ArrayList<>();

  @BeforeAll
  static void fit() throws Exception {
    Dataset clean = TestData.bundledClean();
    TrainTestSplit split = TrainTestSplit.notebook(clean.size());
    train = clean.rows(split.train());
    test = clean.rows(split.test());
    defaults =
        new XgboostTrainer(TrainingOptions.defaults())
            .fitWith(
                train, XgboostTrainer.NOTEBOOK_DEFAULTS, 2, System.nanoTime(), null, List.of());
    // a small study on a sample keeps the test fast; the full protocol runs in the benchmark
    Dataset sample = train.rows(java.util.stream.IntStream.range(0, 1200).toArray());
    TrainingOptions options =
        TrainingOptions.defaults().withTrials(14).withWorkers(2).withListener(progress::add);
    tuned = TYPE.trainer(options).fit(sample);
  }

  @AfterAll
  static void close() {
    defaults.close();
    tuned.close();
  }

  @Test
  void withTheNotebooksDefaultParametersTheTestMaeIsWithinFivePercentOfTheNotebooks() {
    Metrics m = Metrics.of(test.prices(), defaults.predict(test));
    // the figure reported for the notebook comparison comes from this line
    System.out.printf(
        java.util.Locale.ROOT,
        "XGBoost with the notebook's default parameters: test R2 %.4f, MAE %.2f%n",
        m.r2(),
        m.mae());
    assertThat(m.mae()).isCloseTo(351.89, within(0.05 * 351.89));
    assertThat(m.r2()).isGreaterThan(0.95);
  }

  @Test
  void tuningKeepsItsTrialsBestParametersAndVersionsInTheProvenance() {
    var p = tuned.provenance();
    assertThat(p.modelType()).isEqualTo("xgboost");
    assertThat(p.seed()).isEqualTo(42);
    assertThat(p.trials()).hasSize(14);
    assertThat(p.trials()).allSatisfy(t -> assertThat(t.seconds()).isPositive());
    assertThat(p.parameters())
        .containsKeys(
            "lambda",
            "alpha",
            "colsample_bytree",
            "subsample",
            "learning_rate",
            "n_estimators",
            "max_depth",
            "min_child_weight")
        .containsEntry("tree_method", "hist");
    assertThat(p.libraries()).containsKey("xgboost4j_2.12");
    assertThat(p.validation()).isNotNull();
    double bestTrial =
        p.trials().stream()
            .filter(t -> t.state().equals("COMPLETE"))
            .mapToDouble(t -> t.validationMae())
            .min()
            .orElseThrow();
    assertThat(p.validation().mae()).isEqualTo(bestTrial);
  }

  @Test
  void progressIsReportedPerTrialThenForTheFinalFit() {
    assertThat(progress).hasSize(15);
    assertThat(progress.get(13).trial()).isEqualTo(14);
    assertThat(progress.get(13).bestValidationMae()).isPositive();
    assertThat(progress.get(14).phase()).isEqualTo("fitting");
  }

  @Test
  void theArtifactIsXgboostJsonThatOlderReadersParseAndLoadsToTheSamePredictions()
      throws Exception {
    String json = new String(tuned.artifact(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"learner\"", "\"base_score\"");
    assertThat(json).doesNotContainPattern("\"base_score\"\\s*:\\s*\"\\[");
    try (TrainedModel loaded = TYPE.load(tuned.artifact())) {
      assertThat(loaded.predict(test)).containsExactly(tuned.predict(test));
      assertThat(loaded.provenance()).isEqualTo(tuned.provenance());
    }
  }

  @Test
  void aLargeTrainingPartIsTunedOnASeededSampleAndTheProvenanceSaysSo() {
    assertThat(TuningSample.rows(train, 42)).isSameAs(train);
    assertThat(tuned.provenance().parameters()).containsEntry("tuning_rows", 1200);
    Dataset large = train;
    while (large.size() <= 3 * TuningSample.MAX_TUNING_ROWS) {
      large = large.append(train);
    }
    Dataset sample = TuningSample.rows(large, 42);
    assertThat(sample.size())
        .isBetween(TuningSample.MAX_TUNING_ROWS - 1, TuningSample.MAX_TUNING_ROWS);
    assertThat(TuningSample.rows(large, 42).contentHash()).isEqualTo(sample.contentHash());
    assertThat(TuningSample.rows(large, 7).contentHash()).isNotEqualTo(sample.contentHash());
  }

  @Test
  void theSameSeedGivesTheSameModel() throws Exception {
    Dataset sample = train.rows(java.util.stream.IntStream.range(0, 1200).toArray());
    TrainingOptions options = TrainingOptions.defaults().withTrials(14).withWorkers(2);
    try (TrainedModel again = TYPE.trainer(options).fit(sample)) {
      assertThat(again.provenance().parameters()).isEqualTo(tuned.provenance().parameters());
      assertThat(again.predict(test)).containsExactly(tuned.predict(test));
    }
  }

  @Test
  void singleBatchAndDatasetPredictionsAgree() {
    List<Diamond> some = List.of(test.diamond(0), test.diamond(1), test.diamond(2));
    double[] batch = defaults.predict(some);
    for (int i = 0; i < some.size(); i++) {
      assertThat(batch[i]).isEqualTo(defaults.predict(some.get(i)));
    }
    assertThat(defaults.predict(test.rows(new int[] {0, 1, 2}))).containsExactly(batch);
  }

  @Test
  void predictsTheSameFromManyThreadsAtOnce() throws Exception {
    double[] expected = defaults.predict(test);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        tasks.add(
            () -> {
              for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 50; i++) {
                  if (defaults.predict(test.diamond(i)) != expected[i]) {
                    return false;
                  }
                }
              }
              return true;
            });
      }
      for (Future<Boolean> f : pool.invokeAll(tasks)) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Nested
  class Refusals {

    @Test
    void aDiamondWithoutCaratCannotBePriced() {
      Diamond d = test.diamond(0);
      Diamond noCarat =
          new Diamond(
              Double.NaN,
              d.cut(),
              d.color(),
              d.clarity(),
              d.depth(),
              d.table(),
              d.x(),
              d.y(),
              d.z());
      assertThatThrownBy(() -> defaults.predict(noCarat))
          .isInstanceOf(MissingFeatureException.class)
          .hasMessageContaining("carat");
    }

    @Test
    void aModelOfEveryFeatureRefusesAStoneWithoutItsMeasurements() {
      // no training row lacked a measurement: a missing one would take branches nobody learned
      Diamond d = test.diamond(0);
      Diamond bare =
          new Diamond(
              d.carat(),
              d.cut(),
              d.color(),
              d.clarity(),
              d.depth(),
              Double.NaN,
              d.x(),
              d.y(),
              d.z());
      assertThatThrownBy(() -> defaults.predict(bare))
          .isInstanceOf(MissingFeatureException.class)
          .hasMessageContaining("'table'");
      assertThatThrownBy(() -> defaults.predict(List.of(d, bare)))
          .isInstanceOf(MissingFeatureException.class);
    }

    @Test
    void bytesThatAreNotAnXgboostModelAreRefused() {
      assertThatThrownBy(() -> TYPE.load("{\"format\":1}".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(ModelLoadException.class);
      assertThatThrownBy(() -> TYPE.load(new byte[] {0, 1, 2}))
          .isInstanceOf(ModelLoadException.class);
    }

    @Test
    void aModelWithoutProvenanceIsRefused() throws Exception {
      String json = new String(defaults.artifact(), StandardCharsets.UTF_8);
      String stripped = json.replace(XgboostModel.PROVENANCE_ATTRIBUTE, "other_attribute");
      assertThatThrownBy(() -> TYPE.load(stripped.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("provenance");
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
      TrainedModel m = TYPE.load(defaults.artifact());
      m.close();
      m.close();
    }
  }
}
