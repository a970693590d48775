package com.diamondpricing.server.registry;

import com.diamondpricing.server.problem.Problem;
import java.util.List;

/**
 * 400 {@code invalid-parameter}: a model type or a trial count that {@link ModelChoice} refuses,
 * naming the field and the values it takes. The API answers it as it is; the command line prints
 * its message as a bad argument.
 */
public final class InvalidChoiceProblem extends Problem {

  private static final long serialVersionUID = 1L;

  InvalidChoiceProblem(String field, String detail, List<String> allowedValues) {
    super(Problem.Kind.INVALID_INPUT, "invalid-parameter", "Invalid parameter", detail);
    field(field, allowedValues);
  }
}
