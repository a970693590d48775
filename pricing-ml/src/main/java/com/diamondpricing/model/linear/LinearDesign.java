package com.diamondpricing.model.linear;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.data.Grade;
import java.util.ArrayList;
import java.util.List;

/**
 * The linear model's design: {@code carat}, {@code x}, then one indicator column per grade level
 * except each grade's first level (pandas' {@code get_dummies(drop_first=True)}).
 */
final class LinearDesign {

  /** Column names, without the intercept. */
  static final List<String> COLUMNS = columns();

  private static final int CUT_OFFSET = 2;
  private static final int COLOR_OFFSET = CUT_OFFSET + Cut.values().length - 1;
  private static final int CLARITY_OFFSET = COLOR_OFFSET + Color.values().length - 1;

  private LinearDesign() {}

  private static List<String> columns() {
    List<String> c = new ArrayList<>(List.of("carat", "x"));
    addDummies(c, "cut", Cut.values());
    addDummies(c, "color", Color.values());
    addDummies(c, "clarity", Clarity.values());
    return List.copyOf(c);
  }

  private static void addDummies(List<String> columns, String grade, Grade[] levels) {
    for (int i = 1; i < levels.length; i++) {
      columns.add(grade + "_" + levels[i].label());
    }
  }

  /** The feature a design column stands for (a grade's indicator columns stand for the grade). */
  static Feature feature(int column) {
    if (column == 0) {
      return Feature.CARAT;
    }
    if (column == 1) {
      return Feature.X;
    }
    if (column < COLOR_OFFSET) {
      return Feature.CUT;
    }
    return column < CLARITY_OFFSET ? Feature.COLOR : Feature.CLARITY;
  }

  /** Fills {@code row} (length {@code COLUMNS.size()}) with one diamond's design values. */
  static void fill(double carat, Cut cut, Color color, Clarity clarity, double x, double[] row) {
    java.util.Arrays.fill(row, 0);
    row[0] = carat;
    row[1] = x;
    if (cut.code() > 0) {
      row[CUT_OFFSET + cut.code() - 1] = 1;
    }
    if (color.code() > 0) {
      row[COLOR_OFFSET + color.code() - 1] = 1;
    }
    if (clarity.code() > 0) {
      row[CLARITY_OFFSET + clarity.code() - 1] = 1;
    }
  }

  /** The linear predictor {@code intercept + coefficients . row} without building a row. */
  static double predictor(double intercept, double[] coefficients, Diamond d) {
    double s = intercept + coefficients[0] * d.carat() + coefficients[1] * d.x();
    if (d.cut().code() > 0) {
      s += coefficients[CUT_OFFSET + d.cut().code() - 1];
    }
    if (d.color().code() > 0) {
      s += coefficients[COLOR_OFFSET + d.color().code() - 1];
    }
    if (d.clarity().code() > 0) {
      s += coefficients[CLARITY_OFFSET + d.clarity().code() - 1];
    }
    return s;
  }
}
