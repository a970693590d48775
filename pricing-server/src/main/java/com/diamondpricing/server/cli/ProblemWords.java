package com.diamondpricing.server.cli;

import com.diamondpricing.server.problem.Problem;

/**
 * How the command line words a {@link Problem}: the field at fault, if any, then the detail; never
 * the HTTP status the API would answer with. Commands choose their exit codes themselves.
 */
final class ProblemWords {

  private ProblemWords() {}

  /** The problem as one line, e.g. {@code sales[2].actualPrice: must be positive}. */
  static String of(Problem problem) {
    String detail = problem.detail();
    String field = problem.field();
    return field == null ? detail : field + ": " + detail;
  }
}
