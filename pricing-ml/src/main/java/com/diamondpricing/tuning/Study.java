package com.diamondpricing.tuning;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of {@link Tuner#optimize}: every finished trial, in trial-number order. Immutable.
 */
public final class Study {

  private final List<TrialResult> trials;

  Study(Collection<TrialResult> trials) {
    this.trials = trials.stream().sorted(Comparator.comparingInt(TrialResult::number)).toList();
  }

  /** All finished trials, in trial-number order. */
  public List<TrialResult> trials() {
    return trials;
  }

  /**
   * The COMPLETE trial with the lowest value; the earliest on ties.
   *
   * @throws IllegalStateException if no trial completed
   */
  public TrialResult best() {
    TrialResult best = bestOf(trials);
    if (best == null) {
      throw new IllegalStateException(
          "no trial completed (" + prunedCount() + " pruned, " + failedCount() + " failed)");
    }
    return best;
  }

  /** The number of COMPLETE trials. */
  public int completeCount() {
    return count(TrialState.COMPLETE);
  }

  /** The number of PRUNED trials. */
  public int prunedCount() {
    return count(TrialState.PRUNED);
  }

  /** The number of FAILED trials. */
  public int failedCount() {
    return count(TrialState.FAILED);
  }

  private int count(TrialState state) {
    return (int) trials.stream().filter(t -> t.state() == state).count();
  }

  /** The best COMPLETE trial of {@code trials} (lowest value, then lowest number), or null. */
  static TrialResult bestOf(Iterable<TrialResult> trials) {
    TrialResult best = null;
    for (TrialResult t : trials) {
      if (t.state() != TrialState.COMPLETE) {
        continue;
      }
      if (best == null
          || t.value() < best.value()
          || (t.value() == best.value() && t.number() < best.number())) {
        best = t;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "Study["
        + trials.size()
        + " trials: "
        + completeCount()
        + " complete, "
        + prunedCount()
        + " pruned, "
        + failedCount()
        + " failed]";
  }
}
