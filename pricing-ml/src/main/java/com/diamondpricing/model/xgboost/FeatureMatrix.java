package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.data.Grade;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelLoadException;
import java.util.Arrays;
import java.util.List;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The columns an XGBoost model reads: the features of its {@link FeatureSet} in {@link Feature}
 * order, row-major floats, and the grades either as categorical codes in the notebook's order
 * (feature type "c", the notebook's {@code enable_categorical}) or as ordered numbers in the
 * trade's quality order ({@link Grade#rank()}, feature type "q": one split says "at least VS2").
 * The artifact's feature names and types say which, so a model reads its stones as it was trained.
 */
final class FeatureMatrix {

  /** The notebook's columns: all nine features, the grades categorical. */
  static final FeatureMatrix NOTEBOOK = new FeatureMatrix(FeatureSet.ALL, false);

  private final FeatureSet set;
  private final boolean ordinalGrades;
  private final Feature[] features;
  private final String[] names;
  private final String[] types;

  private FeatureMatrix(FeatureSet set, boolean ordinalGrades) {
    this.set = set;
    this.ordinalGrades = ordinalGrades;
    this.features = set.featureList().toArray(Feature[]::new);
    this.names = new String[features.length];
    this.types = new String[features.length];
    for (int j = 0; j < features.length; j++) {
      names[j] = features[j].column();
      types[j] = features[j].categorical() && !ordinalGrades ? "c" : "q";
    }
  }

  /** The columns of a feature set, the grades categorical or ordered. */
  static FeatureMatrix of(FeatureSet set, boolean ordinalGrades) {
    return set == FeatureSet.ALL && !ordinalGrades
        ? NOTEBOOK
        : new FeatureMatrix(set, ordinalGrades);
  }

  /**
   * The columns a stored model names: its feature names must be those of a feature set, in order,
   * and its grades all categorical or all numbers.
   *
   * @throws ModelLoadException for any other columns
   */
  static FeatureMatrix read(String[] names, String[] types) throws ModelLoadException {
    for (FeatureSet set : FeatureSet.values()) {
      for (boolean ordinal : new boolean[] {false, true}) {
        FeatureMatrix m = of(set, ordinal);
        if (Arrays.equals(names, m.names) && Arrays.equals(types, m.types)) {
          return m;
        }
      }
    }
    throw new ModelLoadException(
        "the XGBoost model's features are "
            + Arrays.toString(names)
            + " of types "
            + Arrays.toString(types)
            + ", which no feature set of the service has");
  }

  FeatureSet featureSet() {
    return set;
  }

  boolean ordinalGrades() {
    return ordinalGrades;
  }

  int columns() {
    return features.length;
  }

  Feature feature(int column) {
    return features[column];
  }

  /** The column of a feature, or -1 when the model does not read it. */
  int column(Feature f) {
    for (int j = 0; j < features.length; j++) {
      if (features[j] == f) {
        return j;
      }
    }
    return -1;
  }

  String[] names() {
    return names.clone();
  }

  String[] types() {
    return types.clone();
  }

  List<String> nameList() {
    return List.of(names);
  }

  List<String> typeList() {
    return List.of(types);
  }

  /** The largest code a grade column takes, or -1 for a measurement. */
  int maxGradeCode(int column) {
    return switch (features[column]) {
      case CUT -> com.diamondpricing.data.Cut.values().length - 1;
      case COLOR -> com.diamondpricing.data.Color.values().length - 1;
      case CLARITY -> com.diamondpricing.data.Clarity.values().length - 1;
      default -> -1;
    };
  }

  private float grade(Grade g) {
    return ordinalGrades ? g.rank() : g.code();
  }

  float[] rows(Dataset d) {
    int columns = features.length;
    float[] data = new float[d.size() * columns];
    for (int i = 0; i < d.size(); i++) {
      int o = i * columns;
      for (int j = 0; j < columns; j++) {
        data[o + j] =
            switch (features[j]) {
              case CUT -> grade(d.cut(i));
              case COLOR -> grade(d.color(i));
              case CLARITY -> grade(d.clarity(i));
              default -> (float) d.value(features[j], i);
            };
      }
    }
    return data;
  }

  float[] rows(List<Diamond> diamonds) {
    float[] data = new float[diamonds.size() * features.length];
    for (int i = 0; i < diamonds.size(); i++) {
      fill(diamonds.get(i), data, i * features.length);
    }
    return data;
  }

  /** A new row of one diamond. */
  float[] row(Diamond d) {
    float[] row = new float[features.length];
    fill(d, row, 0);
    return row;
  }

  void fill(Diamond d, float[] data, int offset) {
    for (int j = 0; j < features.length; j++) {
      data[offset + j] =
          switch (features[j]) {
            case CUT -> grade(d.cut());
            case COLOR -> grade(d.color());
            case CLARITY -> grade(d.clarity());
            default -> (float) d.value(features[j]);
          };
    }
  }

  static float[] labels(Dataset d, XgboostRecipe recipe) {
    float[] y = new float[d.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = recipe.label(d.price(i));
    }
    return y;
  }

  /** A DMatrix of the dataset labelled for the recipe; the caller disposes it. */
  DMatrix labelled(Dataset d, XgboostRecipe recipe) throws XGBoostError {
    DMatrix m = new DMatrix(rows(d), d.size(), features.length, Float.NaN);
    try {
      m.setLabel(labels(d, recipe));
      m.setFeatureNames(names);
      m.setFeatureTypes(types);
      return m;
    } catch (XGBoostError | RuntimeException e) {
      m.dispose();
      throw e;
    }
  }

  /** An unlabelled DMatrix of rows of this matrix; the caller disposes it. */
  DMatrix unlabelled(float[] data, int n) throws XGBoostError {
    DMatrix m = new DMatrix(data, n, features.length, Float.NaN);
    try {
      m.setFeatureNames(names);
      m.setFeatureTypes(types);
      return m;
    } catch (XGBoostError | RuntimeException e) {
      m.dispose();
      throw e;
    }
  }

  /** XGBoost's {@code monotone_constraints}: +1 on carat, 0 elsewhere. */
  String monotoneInCarat() {
    StringBuilder s = new StringBuilder("(");
    for (int j = 0; j < features.length; j++) {
      s.append(j == 0 ? "" : ",").append(features[j] == Feature.CARAT ? 1 : 0);
    }
    return s.append(')').toString();
  }

  @Override
  public String toString() {
    return set.label() + (ordinalGrades ? ", grades ordered" : ", grades categorical");
  }
}
