package com.diamondpricing.server.feedback;

import java.util.ArrayList;
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
 * @param checks bias, 80% and 90% coverage against their targets with their intervals ({@link
 *     TargetCheck}), those that have sales
 */
record LiveAccuracy(
    int n,
    double mae,
    double medianAbsoluteError,
    double mape,
    double bias,
    Double coverage80,
    Double coverage90,
    List<TargetCheck> checks) {

  static LiveAccuracy of(List<SaleStore.SoldPrediction> sales) {
    int n = sales.size();
    if (n == 0) {
      return new LiveAccuracy(
          0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null, List.of());
    }
    double[] absolute = new double[n];
    double[] logRatios = new double[n];
    int priced = 0;
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
      if (s.predicted() > 0 && s.actual() > 0) {
        logRatios[priced++] = Math.log(s.predicted() / s.actual());
      }
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
    List<TargetCheck> checks = new ArrayList<>(3);
    for (TargetCheck c :
        new TargetCheck[] {
          TargetCheck.bias(Arrays.copyOf(logRatios, priced)),
          TargetCheck.coverage("coverage80", 0.8, in80, with80),
          TargetCheck.coverage("coverage90", 0.9, in90, with90)
        }) {
      if (c != null) {
        checks.add(c);
      }
    }
    return new LiveAccuracy(
        n,
        sumAbs / n,
        median,
        sumPct / n,
        sumSigned / n,
        with80 == 0 ? null : (double) in80 / with80,
        with90 == 0 ? null : (double) in90 / with90,
        List.copyOf(checks));
  }
}
