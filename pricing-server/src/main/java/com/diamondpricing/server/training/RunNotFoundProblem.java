package com.diamondpricing.server.training;

import com.diamondpricing.server.problem.Problem;

/** 404 {@code run-not-found}: no training run with that id. */
public final class RunNotFoundProblem extends Problem {

  private static final long serialVersionUID = 1L;

  public RunNotFoundProblem(long id) {
    super(
        Problem.Kind.NOT_FOUND,
        "run-not-found",
        "Training run not found",
        "no training run with id " + id);
  }
}
