package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.interval.Comparables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a model's training rows looked like, to say when a stone is unlike them: each measurement's
 * range, the grade combinations present, how heavy a cubic millimetre of their stones is (carat /
 * (x y z), from its 0.5th to its 99.5th percentile: a few rows of the data are mismeasured), the
 * lowest and highest prices, and per grade combination the carats and the dearest price ({@link
 * Comparables}).
 */
public final class TrainingProfile {

  static final List<Feature> MEASURED =
      List.of(Feature.CARAT, Feature.DEPTH, Feature.TABLE, Feature.X, Feature.Y, Feature.Z);

  private static final int CUTS = Cut.values().length;
  private static final int COLORS = Color.values().length;
  private static final int CLARITIES = Clarity.values().length;

  private final Map<Feature, double[]> ranges;
  private final boolean[] combinations;
  private final double densityLow;
  private final double densityHigh;
  private final double minPrice;
  private final double maxPrice;
  private final Comparables comparables;

  private TrainingProfile(
      Map<Feature, double[]> ranges,
      boolean[] combinations,
      double densityLow,
      double densityHigh,
      double minPrice,
      double maxPrice,
      Comparables comparables) {
    this.comparables = comparables;
    this.ranges = ranges;
    this.combinations = combinations;
    this.densityLow = densityLow;
    this.densityHigh = densityHigh;
    this.minPrice = minPrice;
    this.maxPrice = maxPrice;
  }

  /** The profile of training rows. */
  static TrainingProfile of(Dataset rows) {
    Map<Feature, double[]> ranges = new EnumMap<>(Feature.class);
    for (Feature f : MEASURED) {
      ranges.put(f, new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
    }
    boolean[] combinations = new boolean[CUTS * COLORS * CLARITIES];
    double[] density = new double[rows.size()];
    int measured = 0;
    double minPrice = Double.POSITIVE_INFINITY;
    double maxPrice = 0;
    for (int i = 0; i < rows.size(); i++) {
      for (Feature f : MEASURED) {
        double v = rows.value(f, i);
        if (Double.isFinite(v)) {
          double[] r = ranges.get(f);
          r[0] = Math.min(r[0], v);
          r[1] = Math.max(r[1], v);
        }
      }
      combinations[combination(rows.cut(i), rows.color(i), rows.clarity(i))] = true;
      double volume = rows.x(i) * rows.y(i) * rows.z(i);
      if (volume > 0) {
        density[measured++] = rows.carat(i) / volume;
      }
      minPrice = Math.min(minPrice, rows.price(i));
      maxPrice = Math.max(maxPrice, rows.price(i));
    }
    double[] sorted = Arrays.copyOf(density, measured);
    Arrays.sort(sorted);
    double low = measured == 0 ? 0 : sorted[(int) Math.floor(0.005 * (measured - 1))];
    double high =
        measured == 0 ? Double.POSITIVE_INFINITY : sorted[(int) Math.ceil(0.995 * (measured - 1))];
    return new TrainingProfile(
        ranges, combinations, low, high, minPrice, maxPrice, Comparables.of(rows));
  }

  private static int combination(Cut cut, Color color, Clarity clarity) {
    return (cut.code() * COLORS + color.code()) * CLARITIES + clarity.code();
  }

  /** Whether the stone has few comparables among the training rows. */
  boolean fewComparables(Diamond d) {
    return comparables.few(d);
  }

  /** The training stones like this one (same grades, carat within the window). */
  Comparables comparables() {
    return comparables;
  }

  /** The lowest price of the training rows. */
  double minPrice() {
    return minPrice;
  }

  /** The highest price of the training rows. */
  double maxPrice() {
    return maxPrice;
  }

  /**
   * What is unusual about a stone, compared with these rows; empty when nothing is. A new list the
   * caller may add to.
   */
  List<PriceWarning> warnings(Diamond d) {
    List<PriceWarning> warnings = new ArrayList<>(0);
    for (Feature f : MEASURED) {
      double v = d.value(f);
      double[] r = ranges.get(f);
      if (Double.isFinite(v) && r[0] <= r[1] && (v < r[0] || v > r[1])) {
        warnings.add(
            new PriceWarning(
                PriceWarning.OUTSIDE_TRAINING_RANGE,
                f.column(),
                String.format(
                    Locale.ROOT,
                    "%s %s is outside the range of the model's training diamonds (%s to %s): the"
                        + " price is an extrapolation",
                    f.column(),
                    plain(v),
                    plain(r[0]),
                    plain(r[1]))));
      }
    }
    if (!combinations[combination(d.cut(), d.color(), d.clarity())]) {
      warnings.add(
          new PriceWarning(
              PriceWarning.UNSEEN_GRADES,
              "cut,color,clarity",
              "no training diamond is "
                  + d.cut().label()
                  + ", "
                  + d.color().label()
                  + " and "
                  + d.clarity().label()
                  + ": the model has never seen this combination of grades"));
    }
    double volume = d.x() * d.y() * d.z();
    if (volume > 0) {
      double density = d.carat() / volume;
      if (density < densityLow || density > densityHigh) {
        warnings.add(
            new PriceWarning(
                PriceWarning.CARAT_VOLUME_MISMATCH,
                "carat",
                String.format(
                    Locale.ROOT,
                    // in words, not as a density: what a stone of these measurements weighs
                    "%s carat is too %s for a stone of %s x %s x %s mm (length x width x depth):"
                        + " at the weight for their size of 99%% of the training diamonds, it would"
                        + " weigh %.2f to %.2f carat; check the weight and the measurements",
                    plain(d.carat()),
                    density > densityHigh ? "heavy" : "light",
                    plain(d.x()),
                    plain(d.y()),
                    plain(d.z()),
                    densityLow * volume,
                    densityHigh * volume)));
      }
    }
    return warnings;
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
