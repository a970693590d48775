package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.interval.Calibration;
import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.TrialRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The provenance of an XGBoost model, whichever engine fitted it (one machine or a cluster). */
final class XgboostProvenance {

  private XgboostProvenance() {}

  /**
   * The provenance of a model fitted with these booster parameters: {@code extra} entries first,
   * then the hyperparameters, the target, objective, constraints, tree method, feature set and
   * feature types.
   */
  static Provenance of(
      XgboostRecipe target,
      FeatureMatrix matrix,
      long seed,
      String dataHash,
      int trainingRows,
      Map<String, Object> hyperparameters,
      Map<String, Object> extra,
      Map<String, Object> params,
      Map<String, String> libraries,
      double seconds,
      Metrics validation,
      List<TrialRecord> trials,
      Calibration calibration) {
    Map<String, Object> recorded = new LinkedHashMap<>(extra);
    recorded.putAll(hyperparameters);
    recorded.put("target", target.description());
    recorded.put("objective", params.get("objective"));
    if (params.containsKey("monotone_constraints")) {
      recorded.put("monotone_constraints", params.get("monotone_constraints"));
    }
    recorded.put("tree_method", params.get("tree_method"));
    recorded.put("feature_set", matrix.featureSet().label());
    recorded.put("feature_types", String.join(",", matrix.typeList()));
    return new Provenance(
        target.typeName(),
        dataHash,
        trainingRows,
        seed,
        recorded,
        libraries,
        Instant.now(),
        seconds,
        validation,
        trials,
        calibration);
  }
}
