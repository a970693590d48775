package com.diamondpricing.tuning;

/**
 * Thrown by {@link Tuner#optimize} when the calling thread is interrupted. The interrupt flag is
 * set again before it is thrown; running objective calls have been interrupted (optimize does not
 * wait for them to notice), and {@link #partialStudy()} holds the trials that had finished.
 */
public class TuningInterruptedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Study partialStudy;

  TuningInterruptedException(Study partialStudy) {
    super("tuning interrupted after " + partialStudy.trials().size() + " finished trial(s)");
    this.partialStudy = partialStudy;
  }

  /** The trials that had finished when the study was interrupted (null after deserialisation). */
  public Study partialStudy() {
    return partialStudy;
  }
}
