package com.diamondpricing.server.testfit;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.EvaluationFits;
import com.diamondpricing.server.problem.Problem;
import com.diamondpricing.server.registry.MetricsView;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Two models on the same rows, as the champion policy compares them: the test rows of one model's
 * data less every row the other's evaluation fit trained on (matched by value), so neither has seen
 * a row it is scored on. When the first model's test rows leave too few, the other's are tried the
 * other way round; below {@value #MIN_ROWS} rows the comparison says it cannot compare like with
 * like. Each side is its evaluation fit (fitted on its snapshot's training part).
 */
@Component
public class ModelComparisons {

  static final int MIN_ROWS = 50;

  private final ModelRegistry registry;
  private final DatasetStore datasets;
  private final EvaluationFits fits;

  /** The last few comparisons: models and snapshots never change, and re-scoring is costly. */
  private final java.util.Map<String, ComparisonView> recent =
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, ComparisonView> eldest) {
          return size() > TestFits.KEEP;
        }
      };

  ModelComparisons(ModelRegistry registry, DatasetStore datasets, EvaluationFits fits) {
    this.registry = registry;
    this.datasets = datasets;
    this.fits = fits;
  }

  /**
   * Compares a model with another (by default its feature set's champion).
   *
   * @param otherId the other model, or null for the champion of the model's feature set
   * @param maxPoints how many rows to hand out for the plots
   */
  public ComparisonView compare(long modelId, Long otherId, int maxPoints) {
    if (maxPoints < 0 || maxPoints > TestFits.MAX_POINTS) {
      throw Problem.invalidParameter(
          "points", "points must be between 0 and " + TestFits.MAX_POINTS, List.of());
    }
    ModelEntry model = registry.get(modelId);
    ModelEntry other =
        otherId != null
            ? registry.get(otherId)
            : registry
                .alias(ModelRegistry.championAlias(model.featureSet()))
                .orElseThrow(
                    () ->
                        Problem.of(
                            Problem.Kind.CONFLICT,
                            "no-champion",
                            "No champion",
                            "There is no champion of "
                                + model.featureSet().label()
                                + " features to compare with."));
    if (other.id() == model.id()) {
      throw Problem.invalidParameter(
          "with", "compare a model with another model, not with itself", List.of());
    }
    Set<Long> champions = registry.championIds();
    String key = model.id() + "/" + other.id() + "/" + maxPoints + "/" + champions;
    synchronized (recent) {
      ComparisonView known = recent.get(key);
      if (known != null) {
        return known;
      }
    }
    ComparisonView view = compare(model, other, champions, maxPoints);
    synchronized (recent) {
      recent.put(key, view);
    }
    return view;
  }

  private ComparisonView compare(
      ModelEntry model, ModelEntry other, Set<Long> champions, int maxPoints) {
    Shared shared = shared(model, other);
    if (shared == null || shared.rows().size() < MIN_ROWS) {
      String note =
          String.format(
              Locale.ROOT,
              "Cannot compare like with like: fewer than %d rows are held out from both models"
                  + " (model %d's and model %d's data barely overlap apart from what each trained"
                  + " on, or their data are gone).",
              MIN_ROWS,
              model.id(),
              other.id());
      return new ComparisonView(
          false,
          note,
          shared == null ? 0 : shared.rows().size(),
          side(model, champions, null),
          side(other, champions, null),
          List.of());
    }
    Dataset rows = shared.rows();
    double[] actual = rows.prices();
    double[] mine = fits.predict(model, rows);
    double[] theirs = fits.predict(other, rows);
    List<ComparisonView.Point> points = new ArrayList<>();
    int n = Math.min(maxPoints, rows.size());
    for (int i = 0; i < n; i++) {
      int row = (int) ((long) i * rows.size() / n);
      points.add(new ComparisonView.Point(actual[row], mine[row], theirs[row]));
    }
    return new ComparisonView(
        true,
        shared.note(),
        rows.size(),
        side(model, champions, Metrics.of(actual, mine)),
        side(other, champions, Metrics.of(actual, theirs)),
        points);
  }

  private static ComparisonView.Side side(ModelEntry m, Set<Long> champions, Metrics metrics) {
    return new ComparisonView.Side(
        m.id(),
        m.type(),
        m.version(),
        m.featureSet().label(),
        champions.contains(m.id()),
        MetricsView.of(metrics));
  }

  private record Shared(Dataset rows, String note) {}

  /** The first's test rows less the other's training rows; else the other way round. */
  private Shared shared(ModelEntry first, ModelEntry second) {
    Shared a = heldOut(first, second);
    if (a != null && a.rows().size() >= MIN_ROWS) {
      return a;
    }
    Shared b = heldOut(second, first);
    return b != null && (a == null || b.rows().size() > a.rows().size()) ? b : a;
  }

  private Shared heldOut(ModelEntry testsOf, ModelEntry trainedOf) {
    if (datasets.find(testsOf.snapshotId()).isEmpty()
        || datasets.find(trainedOf.snapshotId()).isEmpty()) {
      return null;
    }
    Dataset all = datasets.rows(testsOf.snapshotId());
    Dataset test = all.rows(TrainTestSplit.notebook(all.size()).test());
    long[] learned = datasets.trainingRowHashes(trainedOf.snapshotId());
    int[] fair =
        IntStream.range(0, test.size())
            .filter(i -> Arrays.binarySearch(learned, test.rowHash(i)) < 0)
            .toArray();
    String note =
        String.format(
            Locale.ROOT,
            "%,d test rows of model %d's data, less %,d that model %d trained on: %,d rows neither"
                + " model trained on",
            test.size(),
            testsOf.id(),
            test.size() - fair.length,
            trainedOf.id(),
            fair.length);
    return new Shared(test.rows(fair), note);
  }
}
