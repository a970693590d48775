package com.diamondpricing.model.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.model.TrainingOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Java walk of XGBoost's trees against the native library, float for float. */
class TreeEnsembleTests {

  static Dataset train;
  static Dataset test;
  static XgboostModel defaults;
  static XgboostModel tuned;

  @BeforeAll
  static void fit() throws Exception {
    train = NotebookModels.train();
    test = NotebookModels.test();
    defaults =
        new XgboostTrainer(TrainingOptions.defaults())
            .fitWith(
                train, XgboostTrainer.NOTEBOOK_DEFAULTS, 2, System.nanoTime(), null, List.of());
    tuned = NotebookModels.tuned();
  }

  @AfterAll
  static void close() {
    defaults.close(); // the tuned model is shared (NotebookModels)
  }

  @Test
  void theModelsWeTrainAndLoadPredictInJava() throws Exception {
    assertThat(defaults.predictsInJava()).isTrue();
    assertThat(tuned.predictsInJava()).isTrue();
    try (XgboostModel loaded = XgboostModel.load(tuned.artifact())) {
      assertThat(loaded.predictsInJava()).isTrue();
    }
  }

  @Test
  void onOneHundredThousandRandomRowsTheJavaWalkGivesXgboostsOwnFloats() throws Exception {
    int n = 100_000;
    for (XgboostModel model : List.of(defaults, tuned)) {
      TreeEnsemble trees = TreeEnsemble.read(model.artifact(), 9);
      float[] rows = ProbeRows.generate(n, 2026, trees.thresholds(9), FeatureMatrix.NOTEBOOK);
      assertThat(walk(trees, rows, n)).containsExactly(model.predictNative(rows, n));
      // rows with every value take the lockstep walk, the others the walk one tree at a time
      int complete = 0;
      for (int i = 0; i < n; i++) {
        boolean all = true;
        for (int j = 0; j < 9; j++) {
          all &= !Float.isNaN(rows[i * 9 + j]);
        }
        complete += all ? 1 : 0;
      }
      assertThat(complete).isBetween(n / 4, n - n / 4);
      // the notebook's grades are categorical: the fast walk tests them as derived columns
      assertThat(trees.derivedColumns()).isPositive();
    }
  }

  @Test
  void onTheTestRowsTheJavaWalkGivesXgboostsOwnFloats() throws Exception {
    TreeEnsemble trees = TreeEnsemble.read(tuned.artifact(), 9);
    float[] rows = FeatureMatrix.NOTEBOOK.rows(test);
    double[] expected = tuned.predictNative(rows, test.size());
    assertThat(walk(trees, rows, test.size())).containsExactly(expected);
    assertThat(tuned.predict(test)).containsExactly(expected);
  }

  private static double[] walk(TreeEnsemble trees, float[] rows, int n) {
    double[] prices = new double[n];
    for (int i = 0; i < n; i++) {
      prices[i] = trees.predict(rows, i * 9);
    }
    return prices;
  }

  @Test
  void theProbeRowsTakeEveryKindOfBranch() throws Exception {
    float[][] thresholds = thresholds(tuned);
    float[] rows = ProbeRows.generate(ProbeCheck.ROWS, 42, thresholds, FeatureMatrix.NOTEBOOK);
    int missing = 0;
    int unknownGrades = 0;
    int ties = 0;
    for (int i = 0; i < ProbeCheck.ROWS; i++) {
      for (int j = 0; j < FeatureMatrix.NOTEBOOK.columns(); j++) {
        float v = rows[i * FeatureMatrix.NOTEBOOK.columns() + j];
        missing += Float.isNaN(v) ? 1 : 0;
        if (j >= 1 && j <= 3 && (v < 0 || v >= 8 || v != Math.rint(v))) {
          unknownGrades++;
        }
        if (java.util.Arrays.binarySearch(thresholds[j], v) >= 0) {
          ties++;
        }
      }
    }
    assertThat(missing).isGreaterThan(100);
    assertThat(unknownGrades).isGreaterThan(10);
    assertThat(ties).isGreaterThan(1000);
  }

  static float[][] thresholds(XgboostModel model) {
    try {
      return TreeEnsemble.read(model.artifact(), 9).thresholds(9);
    } catch (TreeEnsemble.Unsupported e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aBaseScoreWrittenAsAVectorReadsTheSame() throws Exception {
    String json = new String(tuned.artifact(), StandardCharsets.UTF_8);
    String vector = json.replaceFirst("\"base_score\":\"([^\"]+)\"", "\"base_score\":\"[$1]\"");
    assertThat(vector).isNotEqualTo(json);
    TreeEnsemble plain = TreeEnsemble.read(json.getBytes(StandardCharsets.UTF_8), 9);
    TreeEnsemble fromVector = TreeEnsemble.read(vector.getBytes(StandardCharsets.UTF_8), 9);
    float[] rows = ProbeRows.generate(100, 1, plain.thresholds(9), FeatureMatrix.NOTEBOOK);
    for (int i = 0; i < 100; i++) {
      assertThat(fromVector.predict(rows, i * 9)).isEqualTo(plain.predict(rows, i * 9));
    }
    assertThat(plain.trees()).isEqualTo(580);
  }

  @Test
  void aModelTheWalkDoesNotCoverPredictsThroughTheNativeLibrary() throws Exception {
    // count:poisson predicts exp(margin): the walk refuses it, the native library still serves
    String json = new String(defaults.artifact(), StandardCharsets.UTF_8);
    String poisson =
        json.replaceFirst(
            "\"objective\":\\{[^}]*\\}\\}",
            "\"objective\":{\"name\":\"count:poisson\","
                + "\"poisson_regression_param\":{\"max_delta_step\":\"0.7\"}}");
    assertThat(poisson).contains("count:poisson");
    try (XgboostModel model = XgboostModel.load(poisson.getBytes(StandardCharsets.UTF_8))) {
      assertThat(model.predictsInJava()).isFalse();
      float[] rows = FeatureMatrix.NOTEBOOK.rows(test);
      double[] prices = model.predict(test);
      assertThat(prices).containsExactly(model.predictNative(rows, test.size()));
      assertThat(prices).isNotEqualTo(defaults.predict(test));
    }
  }

  @Nested
  class RecordedProbe {

    private final ObjectMapper mapper = new ObjectMapper();

    private byte[] withProbe(String value) throws Exception {
      ObjectNode root = (ObjectNode) mapper.readTree(tuned.artifact());
      ObjectNode attributes = (ObjectNode) root.get("learner").get("attributes");
      if (value == null) {
        attributes.remove(ProbeCheck.ATTRIBUTE);
      } else {
        attributes.put(ProbeCheck.ATTRIBUTE, value);
      }
      return mapper.writeValueAsBytes(root);
    }

    @Test
    void aTrainedModelRecordsTheNativePredictionsOnItsProbeRows() throws Exception {
      TreeEnsemble trees = TreeEnsemble.read(tuned.artifact(), 9);
      float[] rows = ProbeCheck.rows(trees, FeatureMatrix.NOTEBOOK);
      String recorded =
          mapper
              .readTree(tuned.artifact())
              .path("learner")
              .path("attributes")
              .path(ProbeCheck.ATTRIBUTE)
              .asText();
      float[] expected = ProbeCheck.decode(recorded);
      double[] fromNative = tuned.predictNative(rows, ProbeCheck.ROWS);
      assertThat(expected).hasSize(ProbeCheck.ROWS);
      for (int i = 0; i < ProbeCheck.ROWS; i++) {
        assertThat((double) expected[i]).isEqualTo(fromNative[i]);
      }
    }

    @Test
    void aLoadTheRecordedProbeVouchesForLeavesTheNativeBoosterForLater() throws Exception {
      try (XgboostModel loaded = XgboostModel.load(tuned.artifact())) {
        assertThat(loaded.predictsInJava()).isTrue();
        assertThat(loaded.nativeLoaded()).isFalse();
        float[] rows = FeatureMatrix.NOTEBOOK.rows(test);
        // asked, the native library loads the booster then and agrees with the walk
        assertThat(loaded.predictNative(rows, test.size()))
            .containsExactly(walk(loaded.trees(), rows, test.size()));
        assertThat(loaded.nativeLoaded()).isTrue();
      }
    }

    @Test
    void anArtifactWithoutTheProbeIsCheckedAgainstTheNativeLibrary() throws Exception {
      try (XgboostModel loaded = XgboostModel.load(withProbe(null))) {
        assertThat(loaded.nativeLoaded()).isTrue();
        assertThat(loaded.predictsInJava()).isTrue();
        assertThat(loaded.predict(test)).containsExactly(tuned.predict(test));
      }
    }

    @Test
    void aProbeTheWalkDoesNotReproduceIsCheckedAgainstTheNativeLibraryInstead() throws Exception {
      float[][] wrong = new float[ProbeCheck.ROWS][1];
      try (XgboostModel loaded = XgboostModel.load(withProbe(ProbeCheck.encode(wrong)))) {
        assertThat(loaded.nativeLoaded()).isTrue();
        assertThat(loaded.predictsInJava()).isTrue();
      }
      try (XgboostModel loaded = XgboostModel.load(withProbe("not base64 !"))) {
        assertThat(loaded.nativeLoaded()).isTrue();
        assertThat(loaded.predictsInJava()).isTrue();
      }
    }

    @Test
    void aClosedModelRefusesTheNativeLibrary() throws Exception {
      XgboostModel loaded = XgboostModel.load(tuned.artifact());
      loaded.close();
      float[] rows = FeatureMatrix.NOTEBOOK.rows(test);
      assertThatThrownBy(() -> loaded.predictNative(rows, test.size()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
  }

  @Nested
  class Refusals {

    private final ObjectMapper mapper = new ObjectMapper();

    /** The default model's JSON with one edit to its learner; the walk must refuse it. */
    private void assertRefused(Consumer<ObjectNode> edit, String reason) throws Exception {
      ObjectNode root = (ObjectNode) mapper.readTree(defaults.artifact());
      edit.accept((ObjectNode) root.get("learner"));
      byte[] edited = mapper.writeValueAsBytes(root);
      assertThatThrownBy(() -> TreeEnsemble.read(edited, 9))
          .isInstanceOf(TreeEnsemble.Unsupported.class)
          .hasMessageContaining(reason);
    }

    private static ObjectNode firstTree(ObjectNode learner) {
      return (ObjectNode) learner.get("gradient_booster").get("model").get("trees").get(0);
    }

    @Test
    void anObjectiveWithALinkFunction() throws Exception {
      assertRefused(
          l -> ((ObjectNode) l.get("objective")).put("name", "reg:logistic"),
          "objective reg:logistic");
    }

    @Test
    void anotherBooster() throws Exception {
      assertRefused(
          l -> ((ObjectNode) l.get("gradient_booster")).put("name", "dart"), "booster dart");
    }

    @Test
    void severalOutputs() throws Exception {
      assertRefused(
          l -> ((ObjectNode) l.get("learner_model_param")).put("num_target", "2"),
          "more than one output");
    }

    @Test
    void aCategoryRecoder() throws Exception {
      assertRefused(l -> l.putObject("cats").put("enc", "x"), "a category recoder");
    }

    @Test
    void vectorLeaves() throws Exception {
      assertRefused(
          l -> ((ObjectNode) firstTree(l).get("tree_param")).put("size_leaf_vector", "2"),
          "vector leaves");
    }

    @Test
    void anotherNumberOfFeatures() throws Exception {
      assertRefused(
          l -> ((ObjectNode) l.get("learner_model_param")).put("num_feature", "8"),
          "num_feature 8");
    }

    @Test
    void aChildThatPointsBackwards() throws Exception {
      assertRefused(l -> ((ArrayNode) firstTree(l).get("left_children")).set(0, 0), "malformed");
    }

    @Test
    void categoriesOnANumericalSplit() throws Exception {
      assertRefused(
          l -> {
            ObjectNode tree = firstTree(l);
            int node = tree.get("categories_nodes").get(0).asInt();
            ((ArrayNode) tree.get("split_type")).set(node, 0);
          },
          "categories for a numerical node");
    }

    @Test
    void somethingThatIsNotJson() {
      assertThatThrownBy(() -> TreeEnsemble.read(new byte[] {'{', 1, 2}, 9))
          .isInstanceOf(TreeEnsemble.Unsupported.class)
          .hasMessageContaining("not JSON");
    }
  }
}
