package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import java.util.SplittableRandom;

/**
 * Seeded random rows of the feature matrix for comparing two ways of predicting: plausible
 * diamonds, with every measurement missing now and then, so that every kind of branch (numerical,
 * categorical, missing) is taken, and measurements set exactly to a split condition of the model
 * now and then (as a carat of exactly 1.0 is common), so that the side of a tie is tested, and one
 * row in four gets a value no diamond has: negative, huge, non-integer and unknown grade codes,
 * zeros.
 */
final class ProbeRows {

  private static final int[] GRADES = {
    Cut.values().length, Color.values().length, Clarity.values().length
  };

  private ProbeRows() {}

  /**
   * {@code n} rows; {@code thresholds[j]} are the split conditions on feature {@code j} (may be
   * empty).
   */
  static float[] generate(int n, long seed, float[][] thresholds) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] rows = new float[n * FeatureMatrix.COLUMNS];
    for (int i = 0; i < n; i++) {
      int o = i * FeatureMatrix.COLUMNS;
      double carat = 0.2 + random.nextDouble() * random.nextDouble() * 4.8;
      double side = 6.5 * Math.cbrt(carat);
      rows[o] = (float) carat;
      for (int g = 0; g < GRADES.length; g++) {
        rows[o + 1 + g] = random.nextInt(GRADES[g]);
      }
      rows[o + 4] = (float) (55 + random.nextDouble() * 15);
      rows[o + 5] = (float) (50 + random.nextDouble() * 20);
      rows[o + 6] = (float) (side * (0.9 + random.nextDouble() * 0.2));
      rows[o + 7] = (float) (side * (0.9 + random.nextDouble() * 0.2));
      rows[o + 8] = (float) (side * 0.62 * (0.9 + random.nextDouble() * 0.2));
      for (int j = 0; j < FeatureMatrix.COLUMNS; j++) {
        float[] ties = thresholds[j];
        if (ties.length > 0 && random.nextInt(4) == 0) {
          rows[o + j] = ties[random.nextInt(ties.length)];
        }
        if (j >= 4 && random.nextInt(10) == 0) {
          rows[o + j] = Float.NaN;
        }
      }
      if (random.nextInt(4) == 0) {
        int j = random.nextInt(FeatureMatrix.COLUMNS);
        rows[o + j] =
            switch (random.nextInt(6)) {
              case 0 -> -1 - random.nextInt(100);
              case 1 -> 1e9f;
              case 2 -> (float) (random.nextDouble() * 12);
              case 3 -> 0f;
              case 4 -> 1 << 24;
              default -> Float.NaN;
            };
      }
    }
    return rows;
  }
}
