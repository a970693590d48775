package com.diamondpricing.tuning;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation of the objective: its parameters, already drawn when the objective is called, and
 * the channel for intermediate values and pruning. {@link #report} and {@link #shouldPrune} are
 * thread-safe.
 */
public final class Trial {

  private static final Logger LOG = LoggerFactory.getLogger(Trial.class);

  private final int number;
  private final Map<String, Object> params;
  private final Pruner pruner;
  private final List<FinishedTrial> conditioning;
  private final NavigableMap<Integer, Double> intermediates = new TreeMap<>();

  Trial(int number, Map<String, Object> params, Pruner pruner, List<FinishedTrial> conditioning) {
    this.number = number;
    this.params = Collections.unmodifiableMap(params);
    this.pruner = pruner;
    this.conditioning = conditioning;
  }

  /** The trial's number, from 0. */
  public int number() {
    return number;
  }

  /**
   * All parameters in search-space order: {@link Integer} for int parameters, {@link Double} for
   * float ones, the choice object for categorical ones. Unmodifiable.
   */
  public Map<String, Object> params() {
    return params;
  }

  /** The value of a parameter; throws {@link IllegalArgumentException} for an unknown name. */
  public Object get(String name) {
    Object value = params.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "unknown parameter '" + name + "'; known: " + params.keySet());
    }
    return value;
  }

  /** A numeric parameter (float, int, or a numeric categorical choice) as a double. */
  public double getDouble(String name) {
    Object value = get(name);
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(
        "parameter '"
            + name
            + "' is not numeric: "
            + value
            + " ("
            + value.getClass().getName()
            + ")");
  }

  /**
   * An integer parameter (int, or an integral categorical choice of type Integer, Short, Byte or a
   * Long in int range) as an int.
   */
  public int getInt(String name) {
    Object value = get(name);
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).intValue();
    }
    if (value instanceof Long l && l == l.intValue()) {
      return l.intValue();
    }
    throw new IllegalArgumentException(
        "parameter '"
            + name
            + "' is not an int: "
            + value
            + " ("
            + value.getClass().getName()
            + ")");
  }

  /**
   * Records the objective's intermediate value at {@code step} (≥ 0), e.g. a validation score after
   * {@code step} boosting rounds. A step reported twice keeps its first value (as in Optuna).
   */
  public synchronized void report(int step, double intermediateValue) {
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, got " + step);
    }
    if (intermediates.containsKey(step)) {
      LOG.warn(
          "trial {}: step {} was already reported; value {} ignored",
          number,
          step,
          intermediateValue);
      return;
    }
    intermediates.put(step, intermediateValue);
  }

  /**
   * Whether the pruner wants this trial stopped, judged on its latest reported value; the objective
   * should then throw {@link TrialPrunedException}. Always false without a pruner or before the
   * first {@link #report}.
   */
  public synchronized boolean shouldPrune() {
    return pruner.shouldPrune(Collections.unmodifiableNavigableMap(intermediates), conditioning);
  }

  synchronized NavigableMap<Integer, Double> intermediateValues() {
    return Collections.unmodifiableNavigableMap(new TreeMap<>(intermediates));
  }

  @Override
  public String toString() {
    return "Trial " + number + " " + params;
  }
}
