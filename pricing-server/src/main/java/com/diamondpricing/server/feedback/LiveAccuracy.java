package com.diamondpricing.server.feedback;

import java.util.Arrays;
import java.util.List;

/**
 * A model's accuracy on the stones it priced and that later sold, in a window of sale times: n,
 * MAE, median absolute error, MAPE, bias (mean of predicted minus actual: above zero the model
 * priced too high) and the share of actual prices inside the 80% and 90% intervals given.
 *
 * @param n sales in the window
 * @param mae mean absolute error, in dollars
 * @param medianAbsoluteError median absolute error, in dollars
 * @param mape mean absolute percentage error, a fraction
 * @param bias mean of predicted minus actual, in dollars
 * @param coverage80 share of sales whose actual price was inside the 80% interval, or null when no
 *     sale had one
 * @param coverage90 the same for the 90% interval
 */
record LiveAccuracy(
    int n,
    double mae,
    double medianAbsoluteError,
    double mape,
    double bias,
    Double coverage80,
    Double coverage90) {

  static LiveAccuracy of(List<SaleStore.SoldPrediction> sales) {
    int n = sales.size();
    if (n == 0) {
      return new LiveAccuracy(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null);
    }
    double[] absolute = new double[n];
    double sumAbs = 0;
    double sumPct = 0;
    double sumSigned = 0;
    int with80 = 0;
    int in80 = 0;
    int with90 = 0;
    int in90 = 0;
    for (int i = 0; i < n; i++) {
      SaleStore.SoldPrediction s = sales.get(i);
      double error = s.predicted() - s.actual();
      absolute[i] = Math.abs(error);
      sumAbs += absolute[i];
      sumPct += absolute[i] / s.actual();
      sumSigned += error;
      if (s.lower80() != null && s.upper80() != null) {
        with80++;
        if (s.actual() >= s.lower80() && s.actual() <= s.upper80()) {
          in80++;
        }
      }
      if (s.lower90() != null && s.upper90() != null) {
        with90++;
        if (s.actual() >= s.lower90() && s.actual() <= s.upper90()) {
          in90++;
        }
      }
    }
    Arrays.sort(absolute);
    double median = n % 2 == 1 ? absolute[n / 2] : (absolute[n / 2 - 1] + absolute[n / 2]) / 2;
    return new LiveAccuracy(
        n,
        sumAbs / n,
        median,
        sumPct / n,
        sumSigned / n,
        with80 == 0 ? null : (double) in80 / with80,
        with90 == 0 ? null : (double) in90 / with90);
  }
}
