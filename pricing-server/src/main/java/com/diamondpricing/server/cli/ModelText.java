package com.diamondpricing.server.cli;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How the {@code models} commands write models, times and metrics for people. */
final class ModelText {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ModelText() {}

  static String when(Instant t) {
    return t == null ? "-" : WHEN.format(t);
  }

  /** {@code 12 (xgboost v3)}. */
  static String label(ModelEntry e) {
    return e.id() + " (" + e.type() + " v" + e.version() + ")";
  }

  /** The label of the model with this id, or {@code 12 (deleted)}. */
  static String label(ModelRegistry registry, long id) {
    return registry.find(id).map(ModelText::label).orElse(id + " (deleted)");
  }

  static String metrics(Metrics m) {
    return String.format(
        Locale.ROOT,
        "R2 %.4f, MAE %.2f, RMSE %.2f, MAPE %.2f%%",
        m.r2(),
        m.mae(),
        m.rmse(),
        m.mape() * 100);
  }

  /** A metric the same way, from its parts (a validation's, which may lack some). */
  static String metrics(Double r2, Double mae, Double rmse, Double mape) {
    return metrics(new Metrics(orNaN(r2), orNaN(mae), orNaN(rmse), orNaN(mape)));
  }

  private static double orNaN(Double v) {
    return v == null ? Double.NaN : v;
  }

  /**
   * A value as a person reads it: a number to four significant digits in plain notation ({@code
   * 0.0001346}, never {@code 1.3458E-4}), a time to the second, anything else as it is.
   */
  static String value(Object v) {
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        return String.valueOf(d);
      }
      return new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Instant t) {
      return when(t);
    }
    return String.valueOf(v);
  }

  /** {@code key=value, ...} in the map's order. */
  static String entries(Map<String, ?> map) {
    return map.entrySet().stream()
        .map(en -> en.getKey() + "=" + value(en.getValue()))
        .collect(Collectors.joining(", "));
  }
}
