package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Feature;
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
   * {@code n} rows of a model's columns; {@code thresholds[j]} are the split conditions on its
   * column {@code j} (may be empty). Each row is drawn as a stone of all nine features, in the same
   * order of random draws whatever the model reads, and cut down to the model's columns: a model of
   * every feature gets the rows it always got (the probe predictions recorded in older artifacts
   * still apply).
   */
  static float[] generate(int n, long seed, float[][] thresholds, FeatureMatrix matrix) {
    Feature[] all = Feature.values();
    float[][] ties = new float[all.length][];
    for (Feature f : all) {
      int column = matrix.column(f);
      ties[f.ordinal()] = column < 0 ? new float[0] : thresholds[column];
    }
    SplittableRandom random = new SplittableRandom(seed);
    int columns = matrix.columns();
    float[] rows = new float[n * columns];
    float[] stone = new float[all.length];
    for (int i = 0; i < n; i++) {
      double carat = 0.2 + random.nextDouble() * random.nextDouble() * 4.8;
      double side = 6.5 * Math.cbrt(carat);
      stone[0] = (float) carat;
      for (int g = 0; g < GRADES.length; g++) {
        stone[1 + g] = random.nextInt(GRADES[g]);
      }
      stone[4] = (float) (55 + random.nextDouble() * 15);
      stone[5] = (float) (50 + random.nextDouble() * 20);
      stone[6] = (float) (side * (0.9 + random.nextDouble() * 0.2));
      stone[7] = (float) (side * (0.9 + random.nextDouble() * 0.2));
      stone[8] = (float) (side * 0.62 * (0.9 + random.nextDouble() * 0.2));
      for (int j = 0; j < all.length; j++) {
        if (ties[j].length > 0 && random.nextInt(4) == 0) {
          stone[j] = ties[j][random.nextInt(ties[j].length)];
        }
        if (j >= 4 && random.nextInt(10) == 0) {
          stone[j] = Float.NaN;
        }
      }
      if (random.nextInt(4) == 0) {
        int j = random.nextInt(all.length);
        stone[j] =
            switch (random.nextInt(6)) {
              case 0 -> -1 - random.nextInt(100);
              case 1 -> 1e9f;
              case 2 -> (float) (random.nextDouble() * 12);
              case 3 -> 0f;
              case 4 -> 1 << 24;
              default -> Float.NaN;
            };
      }
      for (int j = 0; j < columns; j++) {
        rows[i * columns + j] = stone[matrix.feature(j).ordinal()];
      }
    }
    return rows;
  }
}
