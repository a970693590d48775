package com.diamondpricing.model.xgboost;

import com.diamondpricing.TestData;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.model.TrainingOptions;
import java.util.List;
import java.util.Map;

/**
 * The notebook's split of the bundled data and the model fitted with its tuned parameters (580
 * trees), fitted once per test JVM and shared by the suites that need it (the fit takes seconds;
 * the model is never closed, the JVM's end frees it).
 */
final class NotebookModels {

  /** The notebook's tuned parameters (100 TPE trials, seed 42): the model the service serves. */
  static final Map<String, Object> NOTEBOOK_TUNED =
      Map.of(
          "learning_rate", 0.026438067804521192,
          "n_estimators", 580,
          "max_depth", 6,
          "min_child_weight", 8,
          "subsample", 0.8,
          "colsample_bytree", 0.7,
          "lambda", 0.013417151906619554,
          "alpha", 1.1118279457642548e-05);

  private static Dataset train;
  private static Dataset test;
  private static XgboostModel tuned;

  private NotebookModels() {}

  private static synchronized void split() {
    if (train == null) {
      Dataset clean = TestData.bundledClean();
      TrainTestSplit split = TrainTestSplit.notebook(clean.size());
      train = clean.rows(split.train());
      test = clean.rows(split.test());
    }
  }

  static Dataset train() {
    split();
    return train;
  }

  static Dataset test() {
    split();
    return test;
  }

  /** The tuned model on the training rows; shared, not to be closed. */
  static synchronized XgboostModel tuned() throws Exception {
    if (tuned == null) {
      tuned =
          new XgboostTrainer(TrainingOptions.defaults())
              .fitWith(train(), NOTEBOOK_TUNED, 2, System.nanoTime(), null, List.of());
    }
    return tuned;
  }
}
