package com.diamondpricing.server.apikey;

import com.diamondpricing.server.problem.Problem;

/** 404 {@code key-not-found}: no key with that id. */
public final class ApiKeyNotFoundProblem extends Problem {

  private static final long serialVersionUID = 1L;

  ApiKeyNotFoundProblem(String id) {
    super(
        Problem.Kind.NOT_FOUND,
        "key-not-found",
        "Key not found",
        "No API key has the id " + id + " (GET /api/v1/keys lists them).");
  }
}
