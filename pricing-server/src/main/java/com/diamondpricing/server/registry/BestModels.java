package com.diamondpricing.server.registry;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.model.FeatureSet;
import java.util.Collections;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The best registered model of each type and feature set, read without the models' documents. */
final class BestModels {

  private BestModels() {}

  /**
   * The id of the best registered model of each type and feature set: the lowest test error on the
   * metric (the highest R2), the newest of equals. One light query (no provenance read): what
   * serving reads every poll interval to keep the best of each type loaded.
   */
  static Map<String, Map<FeatureSet, Long>> of(JdbcClient jdbc, String metric) {
    Map<String, Map<FeatureSet, double[]>> best = new java.util.TreeMap<>();
    jdbc.sql(
            "select id, type, feature_set, test_r2, test_mae, test_rmse, test_mape from model"
                + " order by id")
        .query(
            rs -> {
              long id = rs.getLong(1);
              Metrics m =
                  new Metrics(rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7));
              double score = metric.equals("r2") ? -m.get(metric) : m.get(metric);
              Map<FeatureSet, double[]> bySet =
                  best.computeIfAbsent(
                      rs.getString(2), t -> new java.util.EnumMap<>(FeatureSet.class));
              FeatureSet set = FeatureSet.of(rs.getString(3));
              double[] known = bySet.get(set);
              if (known == null || score <= known[1]) {
                bySet.put(set, new double[] {id, score});
              }
            });
    Map<String, Map<FeatureSet, Long>> ids = new java.util.TreeMap<>();
    best.forEach(
        (type, bySet) -> {
          Map<FeatureSet, Long> m = new java.util.EnumMap<>(FeatureSet.class);
          bySet.forEach((set, v) -> m.put(set, (long) v[0]));
          ids.put(type, Collections.unmodifiableMap(m));
        });
    return Collections.unmodifiableMap(ids);
  }
}
