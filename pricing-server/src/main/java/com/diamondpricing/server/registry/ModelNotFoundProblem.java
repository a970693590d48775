package com.diamondpricing.server.registry;

import com.diamondpricing.server.problem.Problem;

/** 404 {@code model-not-found}: no model with that id (or no model behind that alias or type). */
public final class ModelNotFoundProblem extends Problem {

  private static final long serialVersionUID = 1L;

  public ModelNotFoundProblem(String detail) {
    super(Problem.Kind.NOT_FOUND, "model-not-found", "Model not found", detail);
  }
}
