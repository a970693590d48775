package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.interval.Comparables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The warnings of a stone's answer beyond its {@link TrainingProfile}'s: measurements it was priced
 * without, few comparables among the training stones, a price above the dearest training stone of
 * its grades, and other model types that disagree beyond the answer's 90% range. The last two say
 * that the range is not calibrated there (the stone is outside what the calibration saw); few
 * comparables widen it instead (such stones are a calibrated segment of their own).
 */
final class StoneWarnings {

  static final String MEASUREMENTS_MISSING = "measurements-missing";
  static final String FEW_COMPARABLES = "few-comparables";
  static final String ABOVE_DEAREST = "above-dearest-of-grades";
  static final String MODELS_DISAGREE = "models-disagree";

  private StoneWarnings() {}

  /** The measurements the stone lacks, in feature order; empty when it has them all. */
  static List<Feature> absent(Diamond d) {
    List<Feature> absent = null;
    for (Feature f : MEASUREMENTS) {
      if (!d.has(f)) {
        if (absent == null) {
          absent = new ArrayList<>(MEASUREMENTS.length);
        }
        absent.add(f);
      }
    }
    return absent == null ? List.of() : absent;
  }

  /** The features a stone may come without (the four Cs it always has). */
  private static final Feature[] MEASUREMENTS = {
    Feature.DEPTH, Feature.TABLE, Feature.X, Feature.Y, Feature.Z
  };

  /** A stone priced without some measurements, by a model that learned without them. */
  static PriceWarning measurementsMissing(List<Feature> absent, List<String> features) {
    List<String> names = absent.stream().map(Feature::column).toList();
    return new PriceWarning(
        MEASUREMENTS_MISSING,
        String.join(",", names),
        String.format(
            Locale.ROOT,
            "priced from %s only: %s %s not given, so a model that learned without %s priced it"
                + " (its range is its own); give the measurements for a closer price",
            words(features),
            words(names),
            names.size() == 1 ? "was" : "were",
            names.size() == 1 ? "it" : "them"));
  }

  /** Few comparables, with how many and the nearest stone of the grades. */
  static PriceWarning fewComparables(Comparables c, Diamond d) {
    int n = c.count(d);
    double nearest = c.nearestCarat(d.cut(), d.color(), d.clarity(), d.carat());
    String grades = grades(d);
    String nearestWords =
        Double.isNaN(nearest)
            ? "no training stone is " + grades
            : String.format(
                Locale.ROOT,
                "the nearest training stone that is %s weighs %s ct",
                grades,
                plain(nearest));
    return new PriceWarning(
        FEW_COMPARABLES,
        "carat",
        String.format(
            Locale.ROOT,
            "%s %s within %d%% of %s ct (%s): the price rests on the model's reach more than on"
                + " stones it saw, and the range is widened for such stones",
            n == 0
                ? "no training stone is"
                : n == 1 ? "one training stone is" : n + " training stones are",
            grades,
            Math.round(Comparables.WINDOW * 100),
            plain(d.carat()),
            nearestWords));
  }

  /** A price above the dearest training stone of the stone's grades; null when it is not. */
  static PriceWarning aboveDearest(Comparables c, Diamond d, double price) {
    double dearest = c.maxPrice(d.cut(), d.color(), d.clarity());
    if (Double.isNaN(dearest) || price <= dearest) {
      return null;
    }
    return new PriceWarning(
        ABOVE_DEAREST,
        "cut,color,clarity",
        String.format(
            Locale.ROOT,
            "the price, $%,.2f, is above the dearest training stone that is %s ($%,.2f): an"
                + " extrapolation, where the range is not calibrated",
            price,
            grades(d),
            dearest));
  }

  /**
   * Other types' prices that differ from the answer's by more than the width of its 90% range; null
   * when none does.
   */
  static PriceWarning disagree(List<SecondOpinion> outside, double lower, double upper) {
    if (outside.isEmpty()) {
      return null;
    }
    List<String> each = new ArrayList<>();
    for (SecondOpinion o : outside) {
      each.add(
          String.format(
              Locale.ROOT, "%s v%d says $%,.2f", o.model().type(), o.model().version(), o.price()));
    }
    return new PriceWarning(
        MODELS_DISAGREE,
        "model",
        String.format(
            Locale.ROOT,
            "%s, further from this price than its 90%% range is wide ($%,.2f to $%,.2f): the"
                + " models do not agree on this stone; the range is widened to their prices and is"
                + " not calibrated for such doubt",
            String.join(" and ", each),
            lower,
            upper));
  }

  private static String grades(Diamond d) {
    return d.cut().label() + ", " + d.color().label() + " and " + d.clarity().label();
  }

  private static String words(List<String> names) {
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
