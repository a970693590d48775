package com.diamondpricing.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A finished trial.
 *
 * @param number the trial's number, from 0, in the order the parameters were drawn
 * @param params the parameters, in search-space order: {@link Integer} for int parameters, {@link
 *     Double} for float ones, the choice object for categorical ones (unmodifiable)
 * @param state how it ended
 * @param value the objective's value when COMPLETE, the last reported intermediate value when
 *     PRUNED (NaN if it reported none), NaN when FAILED
 * @param lastStep the largest step reported with {@link Trial#report}, -1 if none
 * @param seconds wall-clock time of the objective call
 * @param error the failure, as {@code exception.toString()}, when FAILED; otherwise null
 */
public record TrialResult(
    int number,
    Map<String, Object> params,
    TrialState state,
    double value,
    int lastStep,
    double seconds,
    String error) {

  /** Copies {@code params}, keeping their order. */
  public TrialResult {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    Objects.requireNonNull(state, "state");
  }
}
