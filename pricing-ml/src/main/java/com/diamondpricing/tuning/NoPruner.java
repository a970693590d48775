package com.diamondpricing.tuning;

import java.util.List;
import java.util.NavigableMap;

/** The pruner that never prunes. */
final class NoPruner extends Pruner {

  static final NoPruner INSTANCE = new NoPruner();

  private NoPruner() {}

  @Override
  boolean shouldPrune(
      NavigableMap<Integer, Double> intermediates, List<FinishedTrial> conditioning) {
    return false;
  }

  @Override
  public String toString() {
    return "Pruner.none()";
  }
}
