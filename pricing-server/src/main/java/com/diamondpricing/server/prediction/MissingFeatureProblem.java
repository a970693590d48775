package com.diamondpricing.server.prediction;

import com.diamondpricing.model.MissingFeatureException;
import com.diamondpricing.server.problem.BadField;
import com.diamondpricing.server.problem.Problem;
import java.util.List;

/**
 * 422 {@code missing-feature}: the chosen model needs a measurement the diamond lacks (the linear
 * model needs {@code x}). In a batch, the whole batch fails and the field names the item: {@code
 * diamonds[3].x}.
 */
public final class MissingFeatureProblem extends Problem {

  private static final long serialVersionUID = 1L;

  private MissingFeatureProblem(String field, String detail) {
    super(Problem.Kind.UNPROCESSABLE, "missing-feature", "Missing feature", detail);
    field(field, List.of());
    property("errors", List.of(BadField.of(field, "is required by the chosen model")));
  }

  /** The single diamond lacks the feature. */
  static MissingFeatureProblem of(MissingFeatureException e) {
    return new MissingFeatureProblem(e.feature().column(), e.getMessage());
  }

  /** Item {@code index} of a batch lacks the feature. */
  static MissingFeatureProblem inBatch(int index, MissingFeatureProblem e) {
    return new MissingFeatureProblem(
        "diamonds[" + index + "]." + e.field(), "diamonds[" + index + "]: " + e.getMessage());
  }
}
