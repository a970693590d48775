package com.diamondpricing.tuning;

import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;

/** See {@link Pruner#median(int, int)}. */
final class MedianPruner extends Pruner {

  private final int startupTrials;
  private final int warmupSteps;

  MedianPruner(int startupTrials, int warmupSteps) {
    if (startupTrials < 0) {
      throw new IllegalArgumentException("startupTrials must be >= 0, got " + startupTrials);
    }
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warmupSteps must be >= 0, got " + warmupSteps);
    }
    this.startupTrials = startupTrials;
    this.warmupSteps = warmupSteps;
  }

  @Override
  boolean shouldPrune(
      NavigableMap<Integer, Double> intermediates, List<FinishedTrial> conditioning) {
    if (intermediates.isEmpty()) {
      return false;
    }
    List<FinishedTrial> completed =
        conditioning.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
    if (completed.isEmpty() || completed.size() < startupTrials) {
      return false;
    }
    int step = intermediates.lastKey();
    if (step < warmupSteps) {
      return false;
    }
    double latest = intermediates.get(step);
    if (Double.isNaN(latest)) {
      return true;
    }
    double[] atStep =
        completed.stream()
            .map(t -> t.intermediates().get(step))
            .filter(v -> v != null && !v.isNaN())
            .mapToDouble(Double::doubleValue)
            .toArray();
    if (atStep.length == 0) {
      return false;
    }
    return latest > median(atStep);
  }

  /** numpy {@code percentile(v, 50)}: the middle value, or the mean of the two middle values. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double lower = sorted[(n - 1) / 2];
    double upper = sorted[n / 2];
    if (lower == upper) {
      return lower;
    }
    return lower + (upper - lower) * 0.5;
  }

  @Override
  public String toString() {
    return "Pruner.median(" + startupTrials + ", " + warmupSteps + ")";
  }
}
