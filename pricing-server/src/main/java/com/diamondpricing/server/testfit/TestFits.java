package com.diamondpricing.server.testfit;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.EvaluationFits;
import com.diamondpricing.server.problem.Problem;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@link TestFit} of a model: its snapshot's test rows, split as the pipeline splits them,
 * priced by the model (held as any request holds it, so the champion is not loaded twice). Models
 * and snapshots never change, so the last few fits are kept.
 */
@Component
public class TestFits {

  static final int KEEP = 8;
  public static final int DEFAULT_POINTS = 2000;
  public static final int MAX_POINTS = 20_000;
  public static final int MIN_SIZE = 200;
  public static final int MAX_SIZE = 2000;
  public static final int DEFAULT_SIZE = 800;

  private final ModelRegistry registry;
  private final DatasetStore datasets;
  private final EvaluationFits evaluationFits;
  private final Map<Long, TestFit> byModel =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TestFit> eldest) {
          return size() > KEEP;
        }
      };

  TestFits(ModelRegistry registry, DatasetStore datasets, EvaluationFits evaluationFits) {
    this.registry = registry;
    this.datasets = datasets;
    this.evaluationFits = evaluationFits;
  }

  /**
   * The model's fit as JSON shows it: metrics over every test row and at most {@code maxPoints}
   * rows spread evenly over them.
   *
   * @throws com.diamondpricing.server.registry.ModelNotFoundProblem when there is no such model
   */
  public FitView view(long modelId, int maxPoints) {
    if (maxPoints < 1 || maxPoints > MAX_POINTS) {
      throw Problem.invalidParameter(
          "points", "points must be between 1 and " + MAX_POINTS + ", not " + maxPoints, List.of());
    }
    return FitView.of(of(modelId), maxPoints);
  }

  /**
   * The model's goodness-of-fit plot, every test row, as a PNG image.
   *
   * @throws com.diamondpricing.server.registry.ModelNotFoundProblem when there is no such model
   */
  public FitPng png(long modelId, int width, int height) {
    checkSize("width", width);
    checkSize("height", height);
    TestFit fit = of(modelId);
    return new FitPng(
        fit.type() + "-v" + fit.version() + "-fit.png", FitPlot.png(fit, width, height));
  }

  /**
   * A plot as a PNG image, with the file name it is offered under.
   *
   * @param fileName {@code <type>-v<version>-fit.png}
   * @param bytes the image
   */
  public record FitPng(String fileName, byte[] bytes) {}

  private static void checkSize(String name, int pixels) {
    if (pixels < MIN_SIZE || pixels > MAX_SIZE) {
      throw Problem.invalidParameter(
          name,
          name + " must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels, not " + pixels,
          List.of());
    }
  }

  /**
   * The model's fit on its test rows.
   *
   * @throws com.diamondpricing.server.registry.ModelNotFoundProblem when there is no such model
   */
  TestFit of(long modelId) {
    synchronized (byModel) {
      TestFit known = byModel.get(modelId);
      if (known != null) {
        return known;
      }
    }
    ModelEntry entry = registry.get(modelId);
    if (datasets.find(entry.snapshotId()).isEmpty()) {
      throw new TestRowsUnavailableProblem(modelId, entry.snapshotId());
    }
    Dataset all = datasets.rows(entry.snapshotId());
    Dataset test = all.rows(TrainTestSplit.notebook(all.size()).test());
    double[] predicted = evaluationFits.predict(entry, test);
    TestFit fit = new TestFit(modelId, entry.type(), entry.version(), test.prices(), predicted);
    synchronized (byModel) {
      byModel.put(modelId, fit);
    }
    return fit;
  }
}
