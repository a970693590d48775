package com.diamondpricing.interval;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import java.util.Arrays;

/**
 * The training stones like a given one: the same cut, colour and clarity, and a carat within
 * {@value #WINDOW_PERCENT}% of its own. A price resting on fewer than {@value #FEW} of them leans
 * on the model's reach, not on stones it saw; so does one above the dearest training stone of the
 * same grades. Per grade combination, the carats sorted (a count is two binary searches) and the
 * highest price.
 */
public final class Comparables {

  /** How far a comparable's carat may be from the stone's, as a share of it. */
  public static final double WINDOW = 0.2;

  static final int WINDOW_PERCENT = 20;

  /** Fewer comparables than this are few. */
  public static final int FEW = 3;

  private static final int COLORS = Color.values().length;
  private static final int CLARITIES = Clarity.values().length;
  private static final int COMBINATIONS = Cut.values().length * COLORS * CLARITIES;

  private final double[][] carats;
  private final double[] maxPrice;

  private Comparables(double[][] carats, double[] maxPrice) {
    this.carats = carats;
    this.maxPrice = maxPrice;
  }

  /** The comparables among every row. */
  public static Comparables of(Dataset rows) {
    int[] all = new int[rows.size()];
    Arrays.setAll(all, i -> i);
    return of(rows, all);
  }

  /** The comparables among the rows at these positions. */
  public static Comparables of(Dataset rows, int[] positions) {
    int[] counts = new int[COMBINATIONS];
    for (int i : positions) {
      counts[combination(rows.cut(i), rows.color(i), rows.clarity(i))]++;
    }
    double[][] carats = new double[COMBINATIONS][];
    for (int c = 0; c < COMBINATIONS; c++) {
      carats[c] = new double[counts[c]];
    }
    double[] maxPrice = new double[COMBINATIONS];
    Arrays.fill(maxPrice, Double.NaN);
    int[] filled = new int[COMBINATIONS];
    for (int i : positions) {
      int c = combination(rows.cut(i), rows.color(i), rows.clarity(i));
      carats[c][filled[c]++] = rows.carat(i);
      double p = rows.price(i);
      maxPrice[c] = Double.isNaN(maxPrice[c]) ? p : Math.max(maxPrice[c], p);
    }
    for (double[] c : carats) {
      Arrays.sort(c);
    }
    return new Comparables(carats, maxPrice);
  }

  private static int combination(Cut cut, Color color, Clarity clarity) {
    return (cut.code() * COLORS + color.code()) * CLARITIES + clarity.code();
  }

  /** How many stones of these grades weigh within the window of the carat. */
  public int count(Cut cut, Color color, Clarity clarity, double carat) {
    double[] c = carats[combination(cut, color, clarity)];
    int from = lowerBound(c, carat * (1 - WINDOW));
    int to = lowerBound(c, Math.nextUp(carat * (1 + WINDOW)));
    return to - from;
  }

  /** How many comparables the stone has. */
  public int count(Diamond d) {
    return count(d.cut(), d.color(), d.clarity(), d.carat());
  }

  /** Whether the stone has fewer than {@value #FEW} comparables. */
  public boolean few(Diamond d) {
    return count(d) < FEW;
  }

  /** Whether the row's stone has fewer than {@value #FEW} comparables here. */
  public boolean few(Dataset rows, int row) {
    return count(rows.cut(row), rows.color(row), rows.clarity(row), rows.carat(row)) < FEW;
  }

  /** The carat of the stone of these grades nearest to the carat; NaN when there is none. */
  public double nearestCarat(Cut cut, Color color, Clarity clarity, double carat) {
    double[] c = carats[combination(cut, color, clarity)];
    if (c.length == 0) {
      return Double.NaN;
    }
    int i = lowerBound(c, carat);
    if (i == c.length) {
      return c[i - 1];
    }
    if (i == 0) {
      return c[0];
    }
    return carat - c[i - 1] <= c[i] - carat ? c[i - 1] : c[i];
  }

  /** How many stones have these grades. */
  public int ofGrades(Cut cut, Color color, Clarity clarity) {
    return carats[combination(cut, color, clarity)].length;
  }

  /** The highest price of a stone of these grades; NaN when there is none. */
  public double maxPrice(Cut cut, Color color, Clarity clarity) {
    return maxPrice[combination(cut, color, clarity)];
  }

  private static int lowerBound(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
