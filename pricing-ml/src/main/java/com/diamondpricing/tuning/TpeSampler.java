package com.diamondpricing.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Optuna's default univariate {@code TPESampler} (reference Part A): random start-up trials from an
 * embedded {@link RandomSampler} with its own stream seeded with the same seed, then per parameter
 * (in search-space order) a below/above split of the COMPLETE and PRUNED history, two Parzen
 * estimators, {@code candidates} draws from the below one (from the TPE stream), and the candidate
 * with the largest {@code log l − log g} (first maximum).
 */
final class TpeSampler implements Sampler {

  private final RandomSampler startup;
  private final SplittableRandom rng;
  private final int startupTrials;
  private final int candidates;

  TpeSampler(long seed, int startupTrials, int candidates) {
    this.startup = new RandomSampler(seed);
    this.rng = new SplittableRandom(seed);
    this.startupTrials = startupTrials;
    this.candidates = candidates;
  }

  @Override
  public double[] sample(SearchSpace space, List<FinishedTrial> history) {
    List<FinishedTrial> usable =
        history.stream()
            .filter(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED)
            .toList();
    if (usable.size() < startupTrials) {
      return startup.sample(space, history);
    }
    Split split = split(usable);
    List<ParameterSpec> parameters = space.parameters();
    double[] out = new double[parameters.size()];
    for (int i = 0; i < out.length; i++) {
      ParameterSpec p = parameters.get(i);
      out[i] =
          p.isSingleValued()
              ? p.singleInternalValue()
              : sampleParameter(p, values(split.below(), i), values(split.above(), i));
    }
    return out;
  }

  private double sampleParameter(ParameterSpec parameter, double[] below, double[] above) {
    if (parameter instanceof CategoricalParameter c) {
      CategoricalEstimator l = new CategoricalEstimator(toIndices(below), c.size(), prior());
      CategoricalEstimator g = new CategoricalEstimator(toIndices(above), c.size(), prior());
      int[] drawn = l.sample(rng, candidates);
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < drawn.length; j++) {
        double score = l.logPmf(drawn[j]) - g.logPmf(drawn[j]);
        if (j == 0 || score > bestScore) {
          bestScore = score;
          best = j;
        }
      }
      return drawn[best];
    }
    NumericDomain domain = RandomSampler.domainOf(parameter);
    ParzenEstimator l = new ParzenEstimator(below, domain, prior());
    ParzenEstimator g = new ParzenEstimator(above, domain, prior());
    double[] drawn = l.sample(rng, candidates);
    return drawn[argmaxScore(l, g, drawn)];
  }

  /** The index of the first candidate with the largest {@code log l − log g}. */
  static int argmaxScore(ParzenEstimator l, ParzenEstimator g, double[] drawn) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < drawn.length; j++) {
      double score = l.logPdf(drawn[j]) - g.logPdf(drawn[j]);
      if (j == 0 || score > bestScore) {
        bestScore = score;
        best = j;
      }
    }
    return best;
  }

  private static double prior() {
    return TpeDefaults.PRIOR_WEIGHT;
  }

  private static int[] toIndices(double[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (int) values[i];
    }
    return out;
  }

  private static double[] values(List<FinishedTrial> trials, int parameterIndex) {
    double[] out = new double[trials.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = trials.get(i).internal()[parameterIndex];
    }
    return out;
  }

  /** The below and above groups, each in trial-number order. */
  record Split(List<FinishedTrial> below, List<FinishedTrial> above) {}

  /**
   * The A.4 split of COMPLETE and PRUNED trials: rank COMPLETE by value, then PRUNED by (later last
   * step first, lower value at it), both stably; the first {@code gamma(n)} are below; both groups
   * re-sorted by trial number.
   */
  static Split split(List<FinishedTrial> usable) {
    List<FinishedTrial> ranked = new ArrayList<>(usable);
    ranked.sort(RANKING); // List.sort is stable
    int nBelow = Math.min(TpeDefaults.gamma(usable.size()), ranked.size());
    Comparator<FinishedTrial> byNumber = Comparator.comparingInt(FinishedTrial::number);
    List<FinishedTrial> below = new ArrayList<>(ranked.subList(0, nBelow));
    List<FinishedTrial> above = new ArrayList<>(ranked.subList(nBelow, ranked.size()));
    below.sort(byNumber);
    above.sort(byNumber);
    return new Split(List.copyOf(below), List.copyOf(above));
  }

  private static final Comparator<FinishedTrial> RANKING =
      (a, b) -> {
        boolean aComplete = a.state() == TrialState.COMPLETE;
        boolean bComplete = b.state() == TrialState.COMPLETE;
        if (aComplete != bComplete) {
          return aComplete ? -1 : 1;
        }
        if (aComplete) {
          return compare(a.result().value(), b.result().value());
        }
        int byStep = compare(prunedStepKey(a), prunedStepKey(b));
        return byStep != 0 ? byStep : compare(prunedLoss(a), prunedLoss(b));
      };

  /** {@code −last_step}; a pruned trial without intermediate values gets 1 (ranks last). */
  private static double prunedStepKey(FinishedTrial t) {
    return t.result().lastStep() < 0 ? 1 : -t.result().lastStep();
  }

  /** The value at the last step, NaN counted as +∞; 0 without intermediate values. */
  private static double prunedLoss(FinishedTrial t) {
    if (t.result().lastStep() < 0) {
      return 0;
    }
    double v = t.result().value();
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  /** Numeric comparison in which −0.0 equals 0.0 (like numpy's sort keys). */
  private static int compare(double a, double b) {
    return a < b ? -1 : (a > b ? 1 : 0);
  }
}
