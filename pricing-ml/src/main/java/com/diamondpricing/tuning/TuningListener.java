package com.diamondpricing.tuning;

/**
 * Told about every finished trial. Calls are made one at a time (never concurrently) on the thread
 * that runs {@link Tuner#optimize}, in the order the trials finish (which, with more than one
 * worker, need not be trial-number order). An exception thrown by the listener stops the study and
 * propagates out of {@code optimize}.
 */
@FunctionalInterface
public interface TuningListener {

  /**
   * @param trial the trial that just finished
   * @param finishedCount how many trials have finished so far, this one included
   * @param totalTrials the number of trials the study will run
   * @param bestSoFar the best COMPLETE trial so far (lowest value, earliest number on ties), or
   *     null if none has completed yet
   */
  void onTrialFinished(
      TrialResult trial, int finishedCount, int totalTrials, TrialResult bestSoFar);
}
