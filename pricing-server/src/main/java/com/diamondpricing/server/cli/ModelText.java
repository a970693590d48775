package com.diamondpricing.server.cli;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
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
        "R2 %.6f, MAE %.4f, RMSE %.4f, MAPE %.6f",
        m.r2(),
        m.mae(),
        m.rmse(),
        m.mape());
  }

  /** {@code key=value, ...} in the map's order. */
  static String entries(Map<String, ?> map) {
    return map.entrySet().stream()
        .map(en -> en.getKey() + "=" + en.getValue())
        .collect(Collectors.joining(", "));
  }
}
