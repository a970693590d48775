package com.diamondpricing.model.xgboost;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.stream.IntStream;

/**
 * The check that the Java walk prices exactly as XGBoost does, on {@value #ROWS} probe rows drawn
 * from the model's own split conditions ({@link ProbeRows}, seed 42). When a model is trained, the
 * native library's predictions on those rows are recorded in the artifact (booster attribute
 * {@value #ATTRIBUTE}, the floats' bits in Base64), so a load compares the walk with them without
 * loading the booster natively; an artifact without them is checked against the native library.
 */
final class ProbeCheck {

  static final String ATTRIBUTE = "diamond_pricing_probe";
  static final int ROWS = 1000;
  private static final long SEED = 42;
  private static final int CHUNKS = 4;

  private ProbeCheck() {}

  /** The probe rows of a model's trees. */
  static float[] rows(TreeEnsemble trees, FeatureMatrix matrix) {
    return ProbeRows.generate(ROWS, SEED, trees.thresholds(matrix.columns()), matrix);
  }

  /** The native predictions as the attribute's text. */
  static String encode(float[][] predictions) {
    ByteBuffer bytes = ByteBuffer.allocate(predictions.length * Float.BYTES);
    for (float[] p : predictions) {
      bytes.putInt(Float.floatToRawIntBits(p[0]));
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  /** The recorded predictions, or null when there are none or they are not {@value #ROWS}. */
  static float[] decode(String text) {
    if (text == null) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (bytes.length != ROWS * Float.BYTES) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    float[] predictions = new float[ROWS];
    for (int i = 0; i < ROWS; i++) {
      predictions[i] = Float.intBitsToFloat(buffer.getInt());
    }
    return predictions;
  }

  /**
   * The first probe row where the walk gives other bits than {@code expected}, or -1. The rows are
   * walked in {@value #CHUNKS} chunks in parallel (the common pool): random rows defeat the branch
   * predictor, and walking a thousand of them through 580 trees takes about 35 ms on one core of
   * the 2-core machine, half of a model's load.
   */
  static int firstDifference(
      TreeEnsemble trees, FeatureMatrix matrix, float[] rows, float[] expected) {
    int chunk = (expected.length + CHUNKS - 1) / CHUNKS;
    return IntStream.range(0, CHUNKS)
        .parallel()
        .map(
            c ->
                firstDifference(
                    trees,
                    matrix.columns(),
                    rows,
                    expected,
                    c * chunk,
                    Math.min(expected.length, (c + 1) * chunk)))
        .filter(i -> i >= 0)
        .min()
        .orElse(-1);
  }

  private static int firstDifference(
      TreeEnsemble trees, int columns, float[] rows, float[] expected, int from, int to) {
    for (int i = from; i < to; i++) {
      float java = trees.predict(rows, i * columns);
      if (Float.floatToIntBits(java) != Float.floatToIntBits(expected[i])) {
        return i;
      }
    }
    return -1;
  }

  /** The first column of the native library's answer. */
  static float[] firstColumn(float[][] predictions) {
    float[] out = new float[predictions.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = predictions[i][0];
    }
    return out;
  }
}
