package com.diamondpricing.server.training;

import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.ModelTypes;
import java.util.List;

/**
 * The variants a run trains: each model type on each of its feature sets ({@link
 * ModelType#featureSets()}), richest first; on Spark, every feature only (the cluster job reads the
 * full table).
 */
public final class RunVariants {

  private RunVariants() {}

  /** The feature sets a run with these options trains a type on. */
  static List<FeatureSet> featureSets(ModelType type, RunOptions options) {
    return options.spark() == null ? type.featureSets() : List.of(FeatureSet.ALL);
  }

  /** How many models a run of these types and options trains. */
  static int count(ModelTypes types, List<String> names, RunOptions options) {
    return names.stream().mapToInt(n -> featureSets(types.get(n), options).size()).sum();
  }

  /**
   * The variants a run of these types trains, in training order, as its progress names them; on
   * Spark, the types themselves.
   */
  public static List<String> names(ModelTypes types, List<String> names, boolean spark) {
    List<String> out = new java.util.ArrayList<>();
    for (String n : names) {
      for (FeatureSet set : spark ? List.of(FeatureSet.ALL) : types.get(n).featureSets()) {
        out.add(describe(n, set));
      }
    }
    return out;
  }

  /**
   * A variant as the run's progress names it: {@code xgboost-log} or {@code xgboost-log (four-cs)}.
   */
  static String describe(String type, FeatureSet set) {
    return set == FeatureSet.ALL ? type : type + " (" + set.label() + ")";
  }
}
