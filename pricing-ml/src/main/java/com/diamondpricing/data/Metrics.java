package com.diamondpricing.data;

/**
 * Regression metrics with scikit-learn's definitions: {@code r2_score}, {@code
 * mean_absolute_error}, the root of {@code mean_squared_error} and {@code
 * mean_absolute_percentage_error} (a fraction, not a percentage; the denominator is {@code max(|y|,
 * eps)}).
 */
public record Metrics(double r2, double mae, double rmse, double mape) {

  private static final double EPS = Math.ulp(1.0);

  /** The metrics of predictions against actual values. */
  public static Metrics of(double[] actual, double[] predicted) {
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException(
          actual.length + " actual values but " + predicted.length + " predictions");
    }
    int n = actual.length;
    if (n == 0) {
      throw new IllegalArgumentException("no values to score");
    }
    double mean = 0;
    for (double a : actual) {
      mean += a;
    }
    mean /= n;
    double absErr = 0;
    double sqErr = 0;
    double pctErr = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double e = actual[i] - predicted[i];
      absErr += Math.abs(e);
      sqErr += e * e;
      pctErr += Math.abs(e) / Math.max(Math.abs(actual[i]), EPS);
      double d = actual[i] - mean;
      total += d * d;
    }
    double r2 = total == 0 ? (sqErr == 0 ? 1.0 : 0.0) : 1 - sqErr / total;
    return new Metrics(r2, absErr / n, Math.sqrt(sqErr / n), pctErr / n);
  }

  /** The metric with this name: {@code r2}, {@code mae}, {@code rmse} or {@code mape}. */
  public double get(String name) {
    return switch (name) {
      case "r2" -> r2;
      case "mae" -> mae;
      case "rmse" -> rmse;
      case "mape" -> mape;
      default ->
          throw new IllegalArgumentException(
              "unknown metric '" + name + "'; allowed values: r2, mae, rmse, mape");
    };
  }
}
