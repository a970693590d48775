package com.diamondpricing.server.prediction;

import com.diamondpricing.server.problem.Problem;

/** 503 {@code no-champion}: no champion is loaded yet (the first training has not finished). */
public final class NoChampionProblem extends Problem {

  private static final long serialVersionUID = 1L;

  public NoChampionProblem() {
    super(
        Problem.Kind.UNAVAILABLE,
        "no-champion",
        "No model serving yet",
        "no model is serving yet: the first training has not finished");
  }
}
