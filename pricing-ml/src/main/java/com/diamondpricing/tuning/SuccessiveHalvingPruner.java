package com.diamondpricing.tuning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;

/** See {@link Pruner#successiveHalving(int, int, int)}. */
final class SuccessiveHalvingPruner extends Pruner {

  private final int minResource;
  private final int reductionFactor;
  private final int minEarlyStoppingRate;

  SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate) {
    if (minResource < 1) {
      throw new IllegalArgumentException("minResource must be >= 1, got " + minResource);
    }
    if (reductionFactor < 2) {
      throw new IllegalArgumentException("reductionFactor must be >= 2, got " + reductionFactor);
    }
    if (minEarlyStoppingRate < 0) {
      throw new IllegalArgumentException(
          "minEarlyStoppingRate must be >= 0, got " + minEarlyStoppingRate);
    }
    this.minResource = minResource;
    this.reductionFactor = reductionFactor;
    this.minEarlyStoppingRate = minEarlyStoppingRate;
  }

  /** The step at which a trial in this rung is judged for promotion to the next. */
  long promotionStep(int rung) {
    long step = minResource;
    for (int i = 0; i < minEarlyStoppingRate + rung; i++) {
      step *= reductionFactor;
      if (step > Integer.MAX_VALUE) {
        return Long.MAX_VALUE;
      }
    }
    return step;
  }

  @Override
  boolean shouldPrune(
      NavigableMap<Integer, Double> intermediates, List<FinishedTrial> conditioning) {
    if (intermediates.isEmpty()) {
      return false;
    }
    int step = intermediates.lastKey();
    if (step < promotionStep(0)) {
      return false;
    }
    if (Double.isNaN(intermediates.get(step))) {
      return true;
    }
    for (int rung = 0; ; rung++) {
      long promotion = promotionStep(rung);
      if (step < promotion) {
        return false;
      }
      // the trial's value at the rung: the first it reported at or past the promotion step (what
      // Optuna records when the trial crosses the rung)
      double own = intermediates.ceilingEntry((int) promotion).getValue();
      if (Double.isNaN(own)) {
        return true;
      }
      if (!promotable(own, rungValues(conditioning, (int) promotion))) {
        return true;
      }
    }
  }

  /** What the finished trials had at a rung's promotion step (those that reached it). */
  private static List<Double> rungValues(List<FinishedTrial> conditioning, int promotion) {
    List<Double> values = new ArrayList<>();
    for (FinishedTrial t : conditioning) {
      if (t.intermediates().isEmpty() || t.intermediates().lastKey() < promotion) {
        continue;
      }
      double v = t.intermediates().ceilingEntry(promotion).getValue();
      if (!Double.isNaN(v)) {
        values.add(v);
      }
    }
    return values;
  }

  /**
   * Optuna's rule: with the trial's own value among the competitors, it goes on when it is within
   * the best {@code 1 / reductionFactor} of them (the best one at least).
   */
  private boolean promotable(double own, List<Double> others) {
    List<Double> competing = new ArrayList<>(others);
    competing.add(own);
    Collections.sort(competing);
    int index = competing.size() / reductionFactor - 1;
    return own <= competing.get(Math.max(0, index));
  }

  @Override
  public String toString() {
    return "Pruner.successiveHalving("
        + minResource
        + ", "
        + reductionFactor
        + ", "
        + minEarlyStoppingRate
        + ")";
  }
}
