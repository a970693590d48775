package com.diamondpricing.server.feedback;

import com.diamondpricing.server.ledger.RecordedPrediction;
import com.diamondpricing.server.ledger.RecordedPredictions;
import com.diamondpricing.server.problem.Problem;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelNotFoundProblem;
import com.diamondpricing.server.registry.ModelRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Drift against a model's reference profile (the champion's by default) over a window: the PSI of
 * each feature over every recorded prediction and of the predicted price over the model's own
 * predictions, each with the chi-square goodness-of-fit test that says whether the sample differs
 * beyond chance ({@link Psi}); and per grade level, how the model's sold stones sold against their
 * prices, with its interval ({@link SaleRatios}).
 */
@Component
public class Drifts {

  static final int MIN_PREDICTIONS = 100;
  static final List<String> NUMBERS = List.of("carat", "depth", "table", "x", "y", "z");
  static final List<String> GRADES = List.of("cut", "color", "clarity");

  private final ModelRegistry registry;
  private final ReferenceProfiles profiles;
  private final RecordedPredictions predictions;
  private final SaleStore sales;
  private final FeedbackProperties properties;
  private final Clock clock;

  Drifts(
      ModelRegistry registry,
      ReferenceProfiles profiles,
      RecordedPredictions predictions,
      SaleStore sales,
      FeedbackProperties properties,
      Clock clock) {
    this.registry = registry;
    this.profiles = profiles;
    this.predictions = predictions;
    this.sales = sales;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The drift in [since, until) (defaults: the last 7 days) against the model's profile (default:
   * the champion's).
   */
  public DriftReport of(Long modelId, Instant since, Instant until) {
    Instant to = until != null ? until : clock.instant();
    Instant from = since != null ? since : to.minus(properties.driftWindow());
    if (!from.isBefore(to)) {
      throw Problem.invalidParameter("until", "until must be later than since", List.of());
    }
    ModelEntry model =
        modelId != null
            ? registry.get(modelId)
            : registry.champion().orElseThrow(() -> new ModelNotFoundProblem("no champion yet"));
    ReferenceProfile reference =
        profiles
            .of(model)
            .orElseThrow(() -> new FeedbackProblems.NoReferenceProfileProblem(model.id()));
    List<RecordedPrediction> rows =
        predictions.window(from, to).stream().map(RecordedPredictions.Entry::prediction).toList();
    List<DriftReport.FeatureDrift> features = new ArrayList<>();
    for (String name : NUMBERS) {
      features.add(numeric(name, reference.numbers().get(name), values(rows, number(name))));
    }
    for (String name : GRADES) {
      features.add(
          grade(name, reference.grades().get(name), rows.stream().map(grade(name)).toList()));
    }
    double[] prices =
        rows.stream()
            .filter(r -> r.model().id() == model.id())
            .mapToDouble(RecordedPrediction::price)
            .toArray();
    return new DriftReport(
        model.id(),
        model.type(),
        model.version(),
        from,
        to,
        rows.size(),
        MIN_PREDICTIONS,
        Psi.SIGNIFICANCE,
        Psi.MODERATE,
        properties.minSegmentSales(),
        features,
        numeric("price", reference.predictedPrice(), prices),
        segments(
            reference.logRatio(),
            sales.soldPredictions(model.id(), from, to),
            properties.minSegmentSales()));
  }

  /** A measurement's drift: its PSI against the reference's bins, and whether beyond chance. */
  static DriftReport.FeatureDrift numeric(String name, Bins bins, double[] values) {
    int n = (int) Arrays.stream(values).filter(Double::isFinite).count();
    if (bins == null || n < MIN_PREDICTIONS) {
      return new DriftReport.FeatureDrift(name, n, null, null, Psi.NOT_ENOUGH, List.of());
    }
    double psi = bins.psi(values);
    double p = bins.pValue(values);
    return new DriftReport.FeatureDrift(name, n, psi, p, Psi.label(psi, p), List.of());
  }

  /**
   * A grade's drift: the PSI of its levels' shares against the reference's, whether beyond chance,
   * and the levels the reference never had.
   */
  static DriftReport.FeatureDrift grade(
      String name, Map<String, Double> reference, List<String> levels) {
    Map<String, Double> counts = new LinkedHashMap<>();
    reference.keySet().forEach(k -> counts.put(k, 0.0));
    TreeSet<String> unseen = new TreeSet<>();
    for (String v : levels) {
      if (!reference.containsKey(v)) {
        unseen.add(v);
      }
      counts.merge(v, 1.0, Double::sum);
    }
    int n = levels.size();
    if (n < MIN_PREDICTIONS) {
      return new DriftReport.FeatureDrift(name, n, null, null, Psi.NOT_ENOUGH, List.copyOf(unseen));
    }
    double[] expected = new double[counts.size()];
    double[] observed = new double[counts.size()];
    int i = 0;
    for (Map.Entry<String, Double> e : counts.entrySet()) {
      expected[i] = reference.getOrDefault(e.getKey(), 0.0);
      observed[i++] = e.getValue();
    }
    double psi = Psi.of(expected, observed, n);
    double p = Sampling.goodnessOfFit(expected, observed);
    return new DriftReport.FeatureDrift(name, n, psi, p, Psi.label(psi, p), List.copyOf(unseen));
  }

  /**
   * Each grade level's sale ratio over the sold predictions, in grade then level order; the PSI of
   * its log ratios against the reference's from {@value #MIN_PREDICTIONS} sales.
   */
  static List<DriftReport.SegmentDrift> segments(
      Bins logRatio, List<SaleStore.SoldPrediction> sold, int minSales) {
    List<DriftReport.SegmentDrift> out = new ArrayList<>();
    for (String feature : GRADES) {
      Map<String, List<Double>> ratios = new java.util.TreeMap<>();
      for (SaleStore.SoldPrediction s : sold) {
        String level =
            switch (feature) {
              case "cut" -> s.stone().cut().label();
              case "color" -> s.stone().color().label();
              default -> s.stone().clarity().label();
            };
        if (s.predicted() > 0 && s.actual() > 0) {
          ratios.computeIfAbsent(level, k -> new ArrayList<>()).add(s.actual() / s.predicted());
        }
      }
      for (Map.Entry<String, List<Double>> e : ratios.entrySet()) {
        double[] r = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
        SaleRatios.Ratio ratio = SaleRatios.of(r, minSales);
        if (ratio.label().equals(Psi.NOT_ENOUGH)) {
          out.add(
              new DriftReport.SegmentDrift(
                  feature, e.getKey(), r.length, null, null, null, null, null, Psi.NOT_ENOUGH));
          continue;
        }
        Double psi =
            logRatio == null || r.length < MIN_PREDICTIONS
                ? null
                : logRatio.psi(Arrays.stream(r).map(Math::log).toArray());
        out.add(
            new DriftReport.SegmentDrift(
                feature,
                e.getKey(),
                r.length,
                finite(ratio.ratio()),
                finite(ratio.low()),
                finite(ratio.high()),
                finite(ratio.median()),
                psi,
                ratio.label()));
      }
    }
    return out;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static double[] values(
      List<RecordedPrediction> rows, ToDoubleFunction<RecordedPrediction> value) {
    return rows.stream().mapToDouble(value).toArray();
  }

  private static ToDoubleFunction<RecordedPrediction> number(String name) {
    return switch (name) {
      case "carat" -> r -> r.stone().carat();
      case "depth" -> r -> r.stone().depth();
      case "table" -> r -> r.stone().table();
      case "x" -> r -> r.stone().x();
      case "y" -> r -> r.stone().y();
      default -> r -> r.stone().z();
    };
  }

  private static Function<RecordedPrediction, String> grade(String name) {
    return switch (name) {
      case "cut" -> r -> r.stone().cut().label();
      case "color" -> r -> r.stone().color().label();
      default -> r -> r.stone().clarity().label();
    };
  }
}
