package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.interval.Calibration;
import com.diamondpricing.model.PriceExplanation;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.registry.ModelEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One stone's answer from the price a model gave it: refused when that is no usable price, else
 * rounded to cents with its 80% and 90% ranges (the model's own cross-conformal calibration,
 * widened for a stone with few comparables), the warnings of a stone unlike the model's training
 * diamonds or priced without some measurements, and, when asked, why. Where the range is not
 * calibrated (a price above every training stone of its grades, or other model types that disagree
 * beyond it), the answer says so on the range itself and in a warning; disagreeing types widen it
 * to their prices. The API and the command line answer with it.
 */
public final class PriceAnswer {

  /**
   * A price above this multiple of the dearest training stone, or below the cheapest one divided by
   * it, is not given.
   */
  static final double ABSURD_MULTIPLE = 10;

  private PriceAnswer() {}

  /**
   * The answer for a stone the model priced {@code raw}.
   *
   * @param entry the model's registry entry (its ranges and its name in the answer)
   * @param model the model (its explanation)
   * @param features the features the model read
   * @param profile its training rows' profile, or null for none (no warnings from it)
   * @param others other model types' prices for the stone
   * @throws UnpriceableProblem when {@code raw} is not a number, or outside a tenth of the cheapest
   *     to ten times the dearest training stone
   */
  public static PricedDiamond answer(
      ModelEntry entry,
      TrainedModel model,
      List<String> features,
      TrainingProfile profile,
      Diamond d,
      double raw,
      boolean explain,
      List<SecondOpinion> others) {
    check(raw, profile);
    double price = cents(raw);
    List<PriceWarning> warnings = profile == null ? new ArrayList<>(2) : profile.warnings(d);
    List<Feature> absent = StoneWarnings.absent(d);
    if (!absent.isEmpty()) {
      warnings.add(StoneWarnings.measurementsMissing(absent, features));
    }
    boolean few = profile != null && profile.fewComparables(d);
    if (few) {
      warnings.add(StoneWarnings.fewComparables(profile.comparables(), d));
    }
    PriceWarning above =
        profile == null ? null : StoneWarnings.aboveDearest(profile.comparables(), d, price);
    if (above != null) {
      warnings.add(above);
    }
    Calibration c = entry.calibration();
    List<PriceInterval> intervals = new ArrayList<>(2);
    if (c != null) {
      double[][] ranges = new double[Calibration.LEVELS.length][];
      for (int l = 0; l < ranges.length; l++) {
        ranges[l] = c.interval(d, raw, Calibration.LEVELS[l], few);
      }
      double[] widest = ranges[ranges.length - 1];
      double width = widest[1] - widest[0];
      List<SecondOpinion> outside = new ArrayList<>(0);
      for (SecondOpinion o : others) {
        if (Math.abs(o.price() - raw) > width) {
          outside.add(o);
        }
      }
      PriceWarning disagree = StoneWarnings.disagree(outside, cents(widest[0]), cents(widest[1]));
      if (disagree != null) {
        warnings.add(disagree);
      }
      boolean calibrated = above == null && outside.isEmpty();
      for (int l = 0; l < ranges.length; l++) {
        double lower = ranges[l][0];
        double upper = ranges[l][1];
        for (SecondOpinion o : outside) {
          lower = Math.min(lower, o.price());
          upper = Math.max(upper, o.price());
        }
        intervals.add(
            new PriceInterval(Calibration.LEVELS[l], cents(lower), cents(upper), calibrated));
      }
    }
    ExplanationView explanation = null;
    if (explain) {
      var why = model.explain(d);
      if (why.isPresent()) {
        explanation = ExplanationView.of(PriceExplanation.of(why.get(), price));
      } else {
        warnings.add(
            new PriceWarning(
                PriceWarning.NO_EXPLANATION,
                "explain",
                "this model was stored before it kept what explaining needs; a model trained"
                    + " now explains its prices"));
      }
    }
    return new PricedDiamond(price, intervals, warnings, explanation, ModelRef.of(entry), features);
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

  static double cents(double price) {
    return Math.round(price * 100) / 100.0;
  }
}
