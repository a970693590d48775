package com.diamondpricing.server.testfit;

import com.diamondpricing.data.Metrics;

/**
 * A model's predictions on its own test rows (its snapshot's test part, split as the pipeline
 * splits it), next to their actual prices: what its goodness-of-fit plot draws. Never changes, as
 * the model and its snapshot never do; the arrays are not handed out.
 */
final class TestFit {

  private final long modelId;
  private final String type;
  private final int version;
  private final double[] actual;
  private final double[] predicted;
  private final Metrics metrics;

  TestFit(long modelId, String type, int version, double[] actual, double[] predicted) {
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException(
          actual.length + " actual prices but " + predicted.length + " predictions");
    }
    this.modelId = modelId;
    this.type = type;
    this.version = version;
    this.actual = actual.clone();
    this.predicted = predicted.clone();
    this.metrics = Metrics.of(this.actual, this.predicted);
  }

  long modelId() {
    return modelId;
  }

  String type() {
    return type;
  }

  int version() {
    return version;
  }

  /** How many test rows. */
  int size() {
    return actual.length;
  }

  double actual(int row) {
    return actual[row];
  }

  double predicted(int row) {
    return predicted[row];
  }

  /** The metrics of these predictions (the same as the registry's test metrics). */
  Metrics metrics() {
    return metrics;
  }

  /**
   * At most {@code max} rows spread evenly over the test rows (every k-th, always the same ones),
   * in their order.
   */
  int[] sample(int max) {
    int n = Math.min(max, actual.length);
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = (int) ((long) i * actual.length / n);
    }
    return rows;
  }
}
