package com.diamondpricing.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Builds finished trials for estimator, split and pruner tests. */
final class Fixtures {

  private Fixtures() {}

  static java.util.List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }

  static java.util.List<Integer> boxed(int[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }

  static FinishedTrial complete(int number, double value, double... internal) {
    return finished(number, TrialState.COMPLETE, value, new TreeMap<>(), internal);
  }

  static FinishedTrial completeWithSteps(
      int number, double value, Map<Integer, Double> steps, double... internal) {
    return finished(number, TrialState.COMPLETE, value, new TreeMap<>(steps), internal);
  }

  static FinishedTrial pruned(int number, Map<Integer, Double> steps, double... internal) {
    TreeMap<Integer, Double> s = new TreeMap<>(steps);
    double value = s.isEmpty() ? Double.NaN : s.lastEntry().getValue();
    return finished(number, TrialState.PRUNED, value, s, internal);
  }

  static FinishedTrial failed(int number, double... internal) {
    return finished(number, TrialState.FAILED, Double.NaN, new TreeMap<>(), internal);
  }

  private static FinishedTrial finished(
      int number,
      TrialState state,
      double value,
      TreeMap<Integer, Double> steps,
      double... internal) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < internal.length; i++) {
      params.put("p" + i, internal[i]);
    }
    int lastStep = steps.isEmpty() ? -1 : steps.lastKey();
    TrialResult result =
        new TrialResult(
            number, params, state, value, lastStep, 0.0, state == TrialState.FAILED ? "x" : null);
    NavigableMap<Integer, Double> frozen = Collections.unmodifiableNavigableMap(steps);
    return new FinishedTrial(result, internal, frozen);
  }
}
