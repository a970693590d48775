package com.diamondpricing.server.prediction;

import com.diamondpricing.server.problem.Problem;

/**
 * 429 {@code rate-limited}: the client has used its budget of priced items for now ({@link
 * PricingLimitsProperties}); {@code Retry-After} says in how many seconds the request would fit,
 * {@code limit} what the budget is a minute. Nothing was priced.
 */
final class RateLimitedProblem extends Problem {

  private static final long serialVersionUID = 1L;

  RateLimitedProblem(long perMinute, long cost, long retryAfterSeconds) {
    super(
        Problem.Kind.TOO_MANY_REQUESTS,
        "rate-limited",
        "Too many priced items",
        "This client may price "
            + perMinute
            + " items a minute (an explained diamond counts as several) and this request, "
            + cost
            + " item(s), is over what is left; try again in "
            + retryAfterSeconds
            + " s.");
    property("limit", perMinute);
    retryAfter(retryAfterSeconds);
  }
}
