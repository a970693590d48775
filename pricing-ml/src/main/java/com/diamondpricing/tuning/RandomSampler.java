package com.diamondpricing.tuning;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Independent uniform sampling (A.3): one uniform per numeric parameter in its working range {@code
 * [L, H)} mapped back with exp / rint / clamp, and {@code k} uniforms per categorical parameter of
 * which the first largest wins. Single-valued parameters draw nothing.
 */
final class RandomSampler implements Sampler {

  private final SplittableRandom rng;

  RandomSampler(long seed) {
    this.rng = new SplittableRandom(seed);
  }

  @Override
  public double[] sample(SearchSpace space, List<FinishedTrial> history) {
    List<ParameterSpec> parameters = space.parameters();
    double[] out = new double[parameters.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = sample(parameters.get(i));
    }
    return out;
  }

  double sample(ParameterSpec parameter) {
    if (parameter.isSingleValued()) {
      return parameter.singleInternalValue();
    }
    if (parameter instanceof CategoricalParameter c) {
      int best = 0;
      double bestU = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < c.size(); j++) {
        double u = rng.nextDouble();
        if (u > bestU) {
          bestU = u;
          best = j;
        }
      }
      return best;
    }
    NumericDomain d = domainOf(parameter);
    double lo = d.workingLow();
    double hi = d.workingHigh();
    return d.fromUniform(lo + (hi - lo) * rng.nextDouble());
  }

  static NumericDomain domainOf(ParameterSpec parameter) {
    if (parameter instanceof FloatParameter f) {
      return f.domain();
    }
    if (parameter instanceof IntParameter p) {
      return p.domain();
    }
    throw new IllegalArgumentException("not numeric: " + parameter);
  }
}
