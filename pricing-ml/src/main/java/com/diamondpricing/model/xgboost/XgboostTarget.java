package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Feature;
import com.diamondpricing.tuning.Pruner;

/**
 * What an XGBoost model type fits: the price itself ({@code xgboost}, the notebook's), or
 * log(price) answered as exp of the trees' sum, with the trees constrained to be monotone
 * non-decreasing in carat ({@code xgboost-log}). Everything else, the features, the TPE search and
 * the Java walk, is shared.
 *
 * @param typeName the model type's name, stored with every model
 * @param logPrice whether the trees fit log(price)
 * @param monotoneInCarat whether the trees may only raise the prediction as the carat grows
 */
record XgboostTarget(String typeName, boolean logPrice, boolean monotoneInCarat) {

  static final XgboostTarget PRICE = new XgboostTarget(XgboostModelType.NAME, false, false);
  static final XgboostTarget LOG_PRICE = new XgboostTarget(XgboostLogModelType.NAME, true, true);

  /** The target whose type is named so. */
  static XgboostTarget of(String typeName) {
    return LOG_PRICE.typeName.equals(typeName) ? LOG_PRICE : PRICE;
  }

  /** The label the trees fit, for a price. */
  float label(double price) {
    return (float) (logPrice ? Math.log(price) : price);
  }

  /** The price, for the trees' sum. */
  double price(double margin) {
    return logPrice ? Math.exp(margin) : margin;
  }

  /** XGBoost's {@code monotone_constraints}: +1 on carat, 0 elsewhere; null when unconstrained. */
  String monotoneConstraints() {
    if (!monotoneInCarat) {
      return null;
    }
    StringBuilder s = new StringBuilder("(");
    for (int j = 0; j < FeatureMatrix.COLUMNS; j++) {
      s.append(j == 0 ? "" : ",").append(FeatureMatrix.FEATURES[j] == Feature.CARAT ? 1 : 0);
    }
    return s.append(')').toString();
  }

  /** The median pruner's warm-up: trials the price target's pruner waits for, and its rounds. */
  static final int MEDIAN_STARTUP_TRIALS = 10;

  static final int MEDIAN_WARMUP_ROUNDS = 100;

  /**
   * Successive halving for the log target: rungs at 50, 200 and 800 rounds, the best quarter on.
   */
  static final int HALVING_MIN_ROUNDS = 50;

  static final int HALVING_FACTOR = 4;

  /**
   * How the study stops hopeless trials of this target.
   *
   * <ul>
   *   <li>Price: the median pruner (a trial worse than the median of the completed trials at the
   *       same round stops, after {@value #MEDIAN_STARTUP_TRIALS} completed trials and {@value
   *       #MEDIAN_WARMUP_ROUNDS} rounds). Successive halving measured worse here: on 54,000 rows,
   *       test MAE 189.76 against 183.87 (the notebook's pipeline in Python: 184.84), and 349.46
   *       against 336.07 on the bundled data, past the notebook's 339.
   *   <li>Log(price): successive halving (a trial goes on at rounds 50, 200 and 800 only within the
   *       best quarter of the trials that reached that round). With the median pruner, TPE's search
   *       settles on deep trees of 700 to 1,000 rounds that run to the end: on 54,000 rows 214.7 s
   *       and test MAE 198.91 against 134.1 s and 195.11 with successive halving ({@code
   *       bin/diamonds evaluate}, the same day). In one run of {@code bench/compare_tuning.sh}:
   *       118.9 s against 264.8 s for the same pipeline in Python (0.45x), MAE 195.11 against
   *       208.12; on the bundled data 319.53 against 320.44.
   * </ul>
   *
   * See docs/scaling.md for the other settings measured.
   */
  Pruner pruner() {
    return logPrice
        ? Pruner.successiveHalving(HALVING_MIN_ROUNDS, HALVING_FACTOR, 0)
        : Pruner.median(MEDIAN_STARTUP_TRIALS, MEDIAN_WARMUP_ROUNDS);
  }

  /** How the provenance names the target. */
  String description() {
    return logPrice ? "log(price)" : "price";
  }
}
