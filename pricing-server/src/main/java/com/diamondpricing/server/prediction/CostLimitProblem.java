package com.diamondpricing.server.prediction;

import com.diamondpricing.server.problem.Problem;
import java.util.List;

/**
 * 422 {@code too-many-items}: one request asks for more work than this client may ask for at once
 * ({@link PricingLimitsProperties}): more diamonds explained, or more diamonds in a batch, than its
 * cap. {@code field} names what to shorten ({@code diamonds}), {@code limit} the cap. Nothing was
 * priced, and the client's budget is untouched.
 */
final class CostLimitProblem extends Problem {

  private static final long serialVersionUID = 1L;

  private CostLimitProblem(String detail, int limit) {
    super(Problem.Kind.UNPROCESSABLE, "too-many-items", "Too many items", detail);
    field("diamonds", List.of());
    property("limit", limit);
  }

  /** More diamonds to explain than the cap. */
  static CostLimitProblem explained(int items, int limit) {
    return new CostLimitProblem(
        "explain=true takes at most "
            + limit
            + " diamond(s) a request for this client, and this one has "
            + items
            + ": send fewer, or ask without explain",
        limit);
  }

  /** More diamonds in the batch than the cap. */
  static CostLimitProblem items(int items, int limit) {
    return new CostLimitProblem(
        "a batch takes at most "
            + limit
            + " diamonds for this client, and this one has "
            + items
            + ": split it",
        limit);
  }
}
