package com.diamondpricing.server.prediction;

import com.diamondpricing.server.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * 429 {@code rate-limited}: the client has used its budget of priced items for now ({@link
 * PricingLimits}); {@code Retry-After} says in how many seconds the request would fit, {@code
 * limit} what the budget is a minute. Nothing was priced.
 */
final class RateLimitedProblem extends ApiException {

  private static final long serialVersionUID = 1L;

  RateLimitedProblem(long perMinute, long cost, long retryAfterSeconds) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
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
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
  }
}
