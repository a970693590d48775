package com.diamondpricing.tuning;

/**
 * Thrown by an objective to stop its trial early, normally when {@link Trial#shouldPrune()} said
 * so; the trial is then recorded as {@link TrialState#PRUNED}.
 */
public class TrialPrunedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A pruned-trial signal without a message. */
  public TrialPrunedException() {
    super("trial pruned");
  }

  /** A pruned-trial signal with a message. */
  public TrialPrunedException(String message) {
    super(message);
  }
}
