package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.interval.Calibration;
import com.diamondpricing.model.MissingFeatureException;
import com.diamondpricing.model.PriceExplanation;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Chooses the model for a request and prices diamonds with it: the price, its 80% and 90%
 * intervals, the warnings of a stone unlike the model's training diamonds, and, when asked, why.
 */
@Service
public class PredictionService {

  /**
   * A price above this multiple of the dearest training stone, or below the cheapest one divided by
   * it, is not given.
   */
  static final double ABSURD_MULTIPLE = 10;

  private final ServingModels models;
  private final TrainingProfiles profiles;

  PredictionService(ServingModels models, TrainingProfiles profiles) {
    this.models = models;
    this.profiles = profiles;
    // a new champion's training profile is read before it serves, not by its first request
    models.prepareEachChampion(next -> next.profile(profiles));
  }

  /**
   * A hold on the model a request asks for: {@code modelId} exactly, else the best registered
   * version of {@code type}, else the champion. Close it when the request is done.
   */
  public ServedModel.Lease choose(String type, Long modelId) {
    if (modelId != null && type != null) {
      throw ApiException.invalidParameter(
          "modelId", "give either 'model' or 'modelId', not both", List.of());
    }
    return models.lease(type, modelId);
  }

  /** One stone priced: price, intervals, warnings and, when {@code explain}, why. */
  public PricedDiamond price(ServedModel served, Diamond diamond, boolean explain) {
    requireFeatures(served, diamond);
    return answer(
        served.model(),
        served.profile(profiles),
        diamond,
        served.model().predict(diamond),
        explain);
  }

  /** Many stones priced in one call of the model, in order. */
  public List<PricedDiamond> price(ServedModel served, List<Diamond> diamonds, boolean explain) {
    double[] raw = served.model().predict(diamonds);
    TrainingProfile profile = served.profile(profiles);
    List<PricedDiamond> out = new ArrayList<>(raw.length);
    for (int i = 0; i < raw.length; i++) {
      try {
        out.add(answer(served.model(), profile, diamonds.get(i), raw[i], explain));
      } catch (UnpriceableProblem e) {
        throw new UnpriceableProblem(
            "diamonds[" + i + "]." + e.field(), "diamonds[" + i + "]: " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * The answer for one stone the model priced {@code raw}: refused when that is no usable price
   * (not a number, or outside a tenth of the cheapest to ten times the dearest training stone),
   * else rounded to cents with its intervals, the warnings of {@code profile} (the model's training
   * rows; null: none) and, when {@code explain}, why. The command line answers with it too.
   */
  public static PricedDiamond answer(
      TrainedModel model, TrainingProfile profile, Diamond d, double raw, boolean explain) {
    check(raw, profile);
    double price = cents(raw);
    List<PriceWarning> warnings = profile == null ? List.of() : profile.warnings(d);
    ExplanationView explanation = null;
    if (explain) {
      var why = model.explain(d);
      if (why.isPresent()) {
        explanation = ExplanationView.of(PriceExplanation.of(why.get(), price));
      } else {
        warnings = new ArrayList<>(warnings);
        warnings.add(
            new PriceWarning(
                PriceWarning.NO_EXPLANATION,
                "explain",
                "this model was stored before it kept what explaining needs; a model trained"
                    + " now explains its prices"));
      }
    }
    return new PricedDiamond(
        price,
        intervals(model, d, raw, profile != null && profile.fewComparables(d)),
        warnings,
        explanation);
  }

  /** Refuses a price that is not a number, not a cent at least, or absurdly low or high. */
  private static void check(double raw, TrainingProfile profile) {
    double ceiling =
        profile == null ? Double.POSITIVE_INFINITY : ABSURD_MULTIPLE * profile.maxPrice();
    double floor = profile == null ? 0.01 : Math.max(0.01, profile.minPrice() / ABSURD_MULTIPLE);
    if (!Double.isFinite(raw) || raw < floor || raw > ceiling) {
      throw new UnpriceableProblem(
          "carat",
          String.format(
              Locale.ROOT,
              "the model's answer for this stone (%s) is not a usable price: the stone is too far"
                  + " from every diamond it was trained on",
              Double.isFinite(raw)
                  ? String.format(Locale.ROOT, "%.2f dollars", raw)
                  : "no number"));
    }
  }

  private static List<PriceInterval> intervals(
      TrainedModel model, Diamond d, double raw, boolean fewComparables) {
    Calibration c = model.provenance().calibration();
    if (c == null) {
      return List.of();
    }
    List<PriceInterval> out = new ArrayList<>(2);
    for (double level : Calibration.LEVELS) {
      double[] range = c.interval(d, raw, level, fewComparables);
      out.add(new PriceInterval(level, cents(range[0]), cents(range[1])));
    }
    return out;
  }

  /** Throws a 422 problem naming the feature when the diamond lacks one the model needs. */
  public void requireFeatures(ServedModel served, Diamond diamond) {
    for (Feature f : served.type().requiredFeatures()) {
      if (!diamond.has(f)) {
        throw MissingFeatureProblem.of(new MissingFeatureException(f, served.entry().type()));
      }
    }
  }

  static double cents(double price) {
    return Math.round(price * 100) / 100.0;
  }
}
