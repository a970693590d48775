package com.diamondpricing.interval;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;

/**
 * How far off a model tends to be for a stone, learned from its out-of-fold residuals: a log-linear
 * scale sigma(x) = exp(b . f(x)) over the four Cs (an intercept, log carat, each cut, colour and
 * clarity but the first, each carat band but the first), fitted by ridge least squares to log(|log
 * residual| + {@value #FLOOR}). A range of q sigma(x) is wider where the model errs more: on I1 and
 * Fair stones, on heavy ones. Measured measurements are left out on purpose: every model, the
 * four-Cs ones too, has the same scale features, and the carat band and grades carry most of it.
 *
 * @param coefficients b, in the order of {@link #features}
 */
public record ResidualScale(double[] coefficients) {

  /** Keeps the log of a tiny residual finite. */
  static final double FLOOR = 0.01;

  /** The ridge penalty: enough to leave a grade level absent from the rows at 0. */
  static final double RIDGE = 1.0;

  static final int WIDTH =
      2
          + Cut.values().length
          - 1
          + Color.values().length
          - 1
          + Clarity.values().length
          - 1
          + Segment.CARAT_BANDS.size()
          - 1;

  public ResidualScale {
    if (coefficients.length != WIDTH) {
      throw new IllegalArgumentException(
          "a residual scale has " + WIDTH + " coefficients, not " + coefficients.length);
    }
    coefficients = coefficients.clone();
  }

  @Override
  public double[] coefficients() {
    return coefficients.clone();
  }

  /** The scale fitted to the residuals of the rows at these positions. */
  static ResidualScale fit(Dataset rows, double[] absLogResiduals, int[] positions) {
    double[][] xtx = new double[WIDTH][WIDTH];
    double[] xty = new double[WIDTH];
    double[] f = new double[WIDTH];
    for (int i : positions) {
      features(rows.cut(i), rows.color(i), rows.clarity(i), rows.carat(i), f);
      double y = Math.log(absLogResiduals[i] + FLOOR);
      for (int a = 0; a < WIDTH; a++) {
        if (f[a] == 0) {
          continue;
        }
        xty[a] += f[a] * y;
        for (int b = 0; b < WIDTH; b++) {
          xtx[a][b] += f[a] * f[b];
        }
      }
    }
    for (int a = 1; a < WIDTH; a++) {
      xtx[a][a] += RIDGE; // not the intercept
    }
    xtx[0][0] += 1e-9;
    double[] b =
        new CholeskyDecomposition(new Array2DRowRealMatrix(xtx, false))
            .getSolver()
            .solve(new ArrayRealVector(xty, false))
            .toArray();
    return new ResidualScale(b);
  }

  /** The scale of a stone. */
  public double of(Diamond d) {
    return of(d.cut(), d.color(), d.clarity(), d.carat());
  }

  /** The scale of a row's stone. */
  public double of(Dataset rows, int row) {
    return of(rows.cut(row), rows.color(row), rows.clarity(row), rows.carat(row));
  }

  private static final int COLORS_AT = 2 + Cut.values().length - 1;
  private static final int CLARITIES_AT = COLORS_AT + Color.values().length - 1;
  private static final int BANDS_AT = CLARITIES_AT + Clarity.values().length - 1;

  private double of(Cut cut, Color color, Clarity clarity, double carat) {
    double s = coefficients[0] + coefficients[1] * Math.log(carat);
    s += level(2, cut.code());
    s += level(COLORS_AT, color.code());
    s += level(CLARITIES_AT, clarity.code());
    s += level(BANDS_AT, Segment.caratBand(carat));
    return Math.exp(s);
  }

  /** The coefficient of level {@code code} of a one-hot group starting at {@code offset}. */
  private double level(int offset, int code) {
    return code == 0 ? 0 : coefficients[offset + code - 1];
  }

  /** The features of a stone, into {@code f}. */
  static void features(Cut cut, Color color, Clarity clarity, double carat, double[] f) {
    Arrays.fill(f, 0);
    f[0] = 1;
    f[1] = Math.log(carat);
    oneHot(f, 2, cut.code());
    int o = 2 + Cut.values().length - 1;
    oneHot(f, o, color.code());
    o += Color.values().length - 1;
    oneHot(f, o, clarity.code());
    o += Clarity.values().length - 1;
    oneHot(f, o, Segment.caratBand(carat));
  }

  private static void oneHot(double[] f, int offset, int code) {
    if (code > 0) {
      f[offset + code - 1] = 1;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResidualScale s && Arrays.equals(coefficients, s.coefficients);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(coefficients);
  }

  @Override
  public String toString() {
    return "ResidualScale" + Arrays.toString(coefficients);
  }
}
