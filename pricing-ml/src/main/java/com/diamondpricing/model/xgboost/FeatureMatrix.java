package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import java.util.List;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The nine features as XGBoost sees them: row-major floats in {@link Feature} order, grades as
 * their codes with feature type "c", absent measurements as NaN (missing).
 */
final class FeatureMatrix {

  static final Feature[] FEATURES = Feature.values();
  static final int COLUMNS = FEATURES.length;
  static final String[] NAMES = names();
  static final String[] TYPES = types();

  private FeatureMatrix() {}

  private static String[] names() {
    String[] n = new String[COLUMNS];
    for (int j = 0; j < COLUMNS; j++) {
      n[j] = FEATURES[j].column();
    }
    return n;
  }

  private static String[] types() {
    String[] t = new String[COLUMNS];
    for (int j = 0; j < COLUMNS; j++) {
      t[j] = FEATURES[j].categorical() ? "c" : "q";
    }
    return t;
  }

  static float[] rows(Dataset d) {
    float[] data = new float[d.size() * COLUMNS];
    for (int i = 0; i < d.size(); i++) {
      for (int j = 0; j < COLUMNS; j++) {
        data[i * COLUMNS + j] = (float) d.value(FEATURES[j], i);
      }
    }
    return data;
  }

  static float[] rows(List<Diamond> diamonds) {
    float[] data = new float[diamonds.size() * COLUMNS];
    for (int i = 0; i < diamonds.size(); i++) {
      fill(diamonds.get(i), data, i * COLUMNS);
    }
    return data;
  }

  static void fill(Diamond d, float[] data, int offset) {
    for (int j = 0; j < COLUMNS; j++) {
      data[offset + j] = (float) d.value(FEATURES[j]);
    }
  }

  static float[] labels(Dataset d, XgboostTarget target) {
    float[] y = new float[d.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = target.label(d.price(i));
    }
    return y;
  }

  /** A DMatrix of the dataset labelled with the target; the caller disposes it. */
  static DMatrix labelled(Dataset d, XgboostTarget target) throws XGBoostError {
    DMatrix m = new DMatrix(rows(d), d.size(), COLUMNS, Float.NaN);
    try {
      m.setLabel(labels(d, target));
      m.setFeatureNames(NAMES);
      m.setFeatureTypes(TYPES);
      return m;
    } catch (XGBoostError | RuntimeException e) {
      m.dispose();
      throw e;
    }
  }
}
