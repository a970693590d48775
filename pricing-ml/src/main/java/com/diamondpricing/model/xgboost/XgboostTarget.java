package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Feature;

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

  /** How the provenance names the target. */
  String description() {
    return logPrice ? "log(price)" : "price";
  }
}
