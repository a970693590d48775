package com.diamondpricing.server.prediction;

import com.diamondpricing.server.problem.Problem;
import java.util.List;

/**
 * 422 {@code unpriceable}: the model's answer for this stone is not a price anyone could use (not a
 * number, zero or less, or more than ten times the dearest stone it was trained on). It happens far
 * outside the training data, where a model on log(price) grows without bound.
 */
public final class UnpriceableProblem extends Problem {

  private static final long serialVersionUID = 1L;

  UnpriceableProblem(String field, String detail) {
    super(Problem.Kind.UNPROCESSABLE, "unpriceable", "Cannot price this stone", detail);
    field(field, List.of());
  }
}
