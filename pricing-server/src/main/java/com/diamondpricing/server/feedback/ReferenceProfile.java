package com.diamondpricing.server.feedback;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Feature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model's training data looked like, for drift: decile bins of each measurement and of the
 * model's predicted prices on its training rows, each grade's level shares, and decile bins of
 * log(actual / predicted) on its test rows (how far off the model is where it is right).
 *
 * @param rows the training rows profiled
 * @param numbers each measurement's bins, by feature name (carat, depth, table, x, y, z)
 * @param grades each grade's level shares, by feature name (cut, color, clarity)
 * @param predictedPrice the bins of the model's prices on its training rows
 * @param logRatio the bins of log(actual / predicted) on its test rows
 */
record ReferenceProfile(
    int rows,
    Map<String, Bins> numbers,
    Map<String, Map<String, Double>> grades,
    Bins predictedPrice,
    Bins logRatio) {

  static ReferenceProfile of(
      Dataset train, double[] predictedTrain, double[] actualTest, double[] predictedTest) {
    Map<String, Bins> numbers = new LinkedHashMap<>();
    Map<String, Map<String, Double>> grades = new LinkedHashMap<>();
    for (Feature f : Feature.values()) {
      if (f.categorical()) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int row = 0; row < train.size(); row++) {
          shares.merge(label(train, f, row), 1.0 / train.size(), Double::sum);
        }
        grades.put(f.column(), shares);
      } else {
        double[] v = new double[train.size()];
        for (int row = 0; row < v.length; row++) {
          v[row] = train.value(f, row);
        }
        Bins bins = Bins.deciles(v);
        if (bins != null) {
          numbers.put(f.column(), bins);
        }
      }
    }
    double[] ratio = new double[actualTest.length];
    for (int i = 0; i < ratio.length; i++) {
      ratio[i] =
          actualTest[i] > 0 && predictedTest[i] > 0
              ? Math.log(actualTest[i] / predictedTest[i])
              : Double.NaN;
    }
    return new ReferenceProfile(
        train.size(), numbers, grades, Bins.deciles(predictedTrain), Bins.deciles(ratio));
  }

  private static String label(Dataset d, Feature f, int row) {
    return switch (f) {
      case CUT -> d.cut(row).label();
      case COLOR -> d.color(row).label();
      case CLARITY -> d.clarity(row).label();
      default -> throw new IllegalArgumentException(f + " is not a grade");
    };
  }
}
