package com.diamondpricing.server.registry;

import com.diamondpricing.data.Metrics;

/**
 * Metrics as JSON shows them: R2, MAE, RMSE and MAPE (a fraction), each null when it is not a
 * number.
 */
public record MetricsView(Double r2, Double mae, Double rmse, Double mape) {

  /** The metrics' view, or null when there are none. */
  public static MetricsView of(Metrics m) {
    if (m == null) {
      return null;
    }
    return new MetricsView(
        finiteOrNull(m.r2()),
        finiteOrNull(m.mae()),
        finiteOrNull(m.rmse()),
        finiteOrNull(m.mape()));
  }

  static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
