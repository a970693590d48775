package com.diamondpricing.data;

/** The nine features a diamond has, in the CSV's order; the price is the target, not a feature. */
public enum Feature {
  CARAT("carat", false),
  CUT("cut", true),
  COLOR("color", true),
  CLARITY("clarity", true),
  DEPTH("depth", false),
  TABLE("table", false),
  X("x", false),
  Y("y", false),
  Z("z", false);

  private final String column;
  private final boolean categorical;

  Feature(String column, boolean categorical) {
    this.column = column;
    this.categorical = categorical;
  }

  /** The column name in CSV files and in the API. */
  public String column() {
    return column;
  }

  /** Whether the feature is a grade (categorical) rather than a measurement. */
  public boolean categorical() {
    return categorical;
  }
}
