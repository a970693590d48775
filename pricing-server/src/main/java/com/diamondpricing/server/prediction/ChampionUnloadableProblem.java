package com.diamondpricing.server.prediction;

import com.diamondpricing.server.problem.Problem;

/**
 * 503 {@code champion-unloadable}: the champion that would price the stone is registered but cannot
 * be loaded (its stored artifact is damaged, or the database cannot read it). Unlike {@code
 * no-champion}, waiting does not help: an operator restores the model or promotes another one. The
 * detail names the model and why; {@code modelId} is the champion's id.
 */
final class ChampionUnloadableProblem extends Problem {

  private static final long serialVersionUID = 1L;

  ChampionUnloadableProblem(ChampionLoadFailures.Failure failure) {
    super(
        Problem.Kind.UNAVAILABLE,
        "champion-unloadable",
        "Champion cannot be loaded",
        failure.sentence());
    property("modelId", failure.modelId());
  }
}
