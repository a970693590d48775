package com.diamondpricing.server.cli;

import com.diamondpricing.model.TrialRecord;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * How a model's tuning study went, from the trials its provenance records: how many trials
 * completed, were pruned or failed, and the seconds they took in all (summed over the trials, so
 * more than the study's wall time when trials run at once). What tells pruners apart.
 *
 * @param trials the trials run
 * @param complete trials that ran to the end
 * @param pruned trials the pruner stopped
 * @param failed trials that failed
 * @param trialSeconds the trials' seconds, summed
 */
record TuningSummary(
    int trials,
    int complete,
    int pruned,
    int failed,
    @JsonProperty("trial_seconds") double trialSeconds) {

  /** The summary of these trials, or null when there are none (a model type that does not tune). */
  static TuningSummary of(List<TrialRecord> trials) {
    if (trials == null || trials.isEmpty()) {
      return null;
    }
    int complete = 0;
    int pruned = 0;
    double seconds = 0;
    for (TrialRecord t : trials) {
      complete += "COMPLETE".equals(t.state()) ? 1 : 0;
      pruned += "PRUNED".equals(t.state()) ? 1 : 0;
      seconds += t.seconds();
    }
    return new TuningSummary(
        trials.size(), complete, pruned, trials.size() - complete - pruned, seconds);
  }

  /** One line for people. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "%d trials: %d complete, %d pruned, %d failed; %.1f trial-seconds",
        trials,
        complete,
        pruned,
        failed,
        trialSeconds);
  }
}
