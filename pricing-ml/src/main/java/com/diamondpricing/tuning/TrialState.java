package com.diamondpricing.tuning;

/** How a trial ended. */
public enum TrialState {
  /** The objective returned a number (not NaN). */
  COMPLETE,
  /**
   * The objective threw {@link TrialPrunedException}, normally after {@link Trial#shouldPrune()}.
   */
  PRUNED,
  /** The objective threw another exception or returned NaN. */
  FAILED
}
