package com.diamondpricing.model.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.model.TrainingOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TreeSHAP in Java against XGBoost's own {@code predictContrib} on 10,000 rows of the tuned model,
 * and against Shapley values computed by brute force over all 2^9 feature subsets on small trees.
 */
class TreeShapTests {

  static final int COLUMNS = FeatureMatrix.NOTEBOOK.columns();

  static Dataset train;
  static Dataset test;
  static XgboostModel tuned;
  static XgboostModel small;
  static XgboostModel logTuned;

  @BeforeAll
  static void fit() throws Exception {
    train = NotebookModels.train();
    test = NotebookModels.test();
    XgboostTrainer trainer = new XgboostTrainer(TrainingOptions.defaults());
    tuned = NotebookModels.tuned();
    small = trainer.fitWith(train, smallTrees(), 1, System.nanoTime(), null, List.of());
    logTuned =
        new XgboostTrainer(TrainingOptions.defaults(), XgboostRecipe.LOG_PRICE)
            .fitWith(train, NotebookModels.NOTEBOOK_TUNED, 2, System.nanoTime(), null, List.of());
  }

  /** Four trees of depth 3: few enough leaves for brute force to be quick. */
  static Map<String, Object> smallTrees() {
    Map<String, Object> params = new java.util.HashMap<>(XgboostTrainer.NOTEBOOK_DEFAULTS);
    params.put("n_estimators", 4);
    params.put("max_depth", 3);
    return params;
  }

  @AfterAll
  static void close() {
    small.close(); // the tuned model is shared (NotebookModels)
    logTuned.close();
  }

  /** 10,000 rows: the test rows, then probe rows with ties, missing values and unknown grades. */
  static float[] rows() {
    float[] testRows = FeatureMatrix.NOTEBOOK.rows(test);
    int probes = 10_000 - test.size();
    float[] probe =
        ProbeRows.generate(probes, 7, tuned.trees().thresholds(COLUMNS), FeatureMatrix.NOTEBOOK);
    float[] all = Arrays.copyOf(testRows, 10_000 * COLUMNS);
    System.arraycopy(probe, 0, all, testRows.length, probe.length);
    return all;
  }

  @Test
  void onTenThousandRowsTheValuesAreXgboostsToOneThousandth() {
    float[] rows = rows();
    int n = 10_000;
    TreeShap shap = TreeShap.of(tuned.trees(), COLUMNS);
    float[][] expected = tuned.contributionsNative(rows, n);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      double[] phi = new double[COLUMNS];
      shap.explain(rows, i * COLUMNS, phi);
      for (int f = 0; f < COLUMNS; f++) {
        double gap = Math.abs(phi[f] - expected[i][f]) / Math.max(Math.abs(expected[i][f]), 1.0);
        worst = Math.max(worst, gap);
      }
      double bias = expected[i][COLUMNS];
      assertThat(shap.bias()).isCloseTo(bias, org.assertj.core.data.Offset.offset(1e-3 * bias));
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "TreeSHAP against predictContrib on %d rows: worst relative gap %.3g (floor one dollar)%n",
        n,
        worst);
    assertThat(worst).as("worst relative gap (floor one dollar)").isLessThan(1e-3);
  }

  /**
   * Exactly, in double precision; the served prediction adds 580 floats in single precision, which
   * moves it by about a cent (the service shares that rounding out, see the server's explanation).
   */
  @Test
  void onTheLogModelTheValuesAreXgboostsInLogDollars() {
    float[] rows = rows();
    int n = 10_000;
    TreeShap shap = TreeShap.of(logTuned.trees(), COLUMNS);
    float[][] expected = logTuned.contributionsNative(rows, n);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      double[] phi = new double[COLUMNS];
      shap.explain(rows, i * COLUMNS, phi);
      for (int f = 0; f < COLUMNS; f++) {
        // log dollars: a value of 0.001 is a tenth of a percent of the price
        double gap = Math.abs(phi[f] - expected[i][f]) / Math.max(Math.abs(expected[i][f]), 1e-3);
        worst = Math.max(worst, gap);
      }
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "TreeSHAP on the log model against predictContrib: worst relative gap %.3g (floor 0.001)%n",
        worst);
    assertThat(worst).isLessThan(1e-3);
  }

  @Test
  void theBiasAndTheValuesAddUpToThePrediction() {
    float[] rows = rows();
    TreeShap shap = TreeShap.of(tuned.trees(), COLUMNS);
    for (int i = 0; i < 10_000; i++) {
      double[] phi = new double[COLUMNS];
      shap.explain(rows, i * COLUMNS, phi);
      double sum = shap.bias() + Arrays.stream(phi).sum();
      double price = tuned.trees().predict(rows, i * COLUMNS);
      assertThat(sum).isCloseTo(price, org.assertj.core.data.Offset.offset(0.05));
    }
  }

  @Test
  void onSmallTreesTheValuesAreTheShapleyValuesByBruteForce() {
    float[] rows = rows();
    TreeEnsemble trees = small.trees();
    TreeShap shap = TreeShap.of(trees, COLUMNS);
    for (int i = 0; i < 300; i++) {
      int offset = i * 33 * COLUMNS;
      double[] phi = new double[COLUMNS];
      shap.explain(rows, offset, phi);
      double[] exact = bruteForce(trees, rows, offset);
      for (int f = 0; f < COLUMNS; f++) {
        assertThat(phi[f]).as("row %d feature %d", i, f).isCloseTo(exact[f], offset(exact[f]));
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> offset(double v) {
    return org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(v)));
  }

  @Test
  void theModelExplainsInDollarsWithEveryFeature() {
    for (int row = 0; row < 50; row++) {
      var diamond = test.diamond(row);
      var e = tuned.explain(diamond).orElseThrow();
      assertThat(e.scale()).isEqualTo(com.diamondpricing.model.Explanation.Scale.PRICE);
      assertThat(e.contributions()).hasSize(COLUMNS);
      assertThat(e.total())
          .isCloseTo(tuned.predict(diamond), org.assertj.core.data.Offset.offset(0.05));
    }
  }

  /** Shapley values of v(S) = the tree's expectation knowing the features in S (by cover). */
  static double[] bruteForce(TreeEnsemble trees, float[] row, int offset) {
    int m = COLUMNS;
    double[] value = new double[1 << m];
    for (int s = 0; s < 1 << m; s++) {
      double sum = 0;
      for (int t = 0; t < trees.trees(); t++) {
        sum += expectation(trees, trees.root(t), s, row, offset);
      }
      value[s] = sum;
    }
    double[] phi = new double[m];
    double[] factorial = new double[m + 1];
    factorial[0] = 1;
    for (int k = 1; k <= m; k++) {
      factorial[k] = factorial[k - 1] * k;
    }
    for (int i = 0; i < m; i++) {
      for (int s = 0; s < 1 << m; s++) {
        if ((s >> i & 1) != 0) {
          continue;
        }
        int size = Integer.bitCount(s);
        double w = factorial[size] * factorial[m - size - 1] / factorial[m];
        phi[i] += w * (value[s | 1 << i] - value[s]);
      }
    }
    return phi;
  }

  private static double expectation(
      TreeEnsemble trees, int node, int known, float[] row, int offset) {
    if (trees.leaf(node)) {
      return trees.value(node);
    }
    int left = trees.left(node);
    if ((known >> trees.feature(node) & 1) != 0) {
      return expectation(trees, left + trees.route(node, row, offset), known, row, offset);
    }
    double cover = trees.cover(node);
    return (trees.cover(left) * expectation(trees, left, known, row, offset)
            + trees.cover(left + 1) * expectation(trees, left + 1, known, row, offset))
        / cover;
  }
}
