package com.diamondpricing.server.prediction;

import com.diamondpricing.server.system.AdminToken;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Admits pricing requests by their cost ({@link PricingLimitsProperties}): a cap per request on the
 * diamonds explained and priced, then the client's budget of items a minute, a Bucket4j bucket per
 * client (Caffeine forgets a client idle for a minute: its bucket would be full again). Both are
 * checked before anything is priced, and a refused request takes nothing from the budget. Time is
 * the application's clock, so that tests can move it.
 */
final class PricingBudgets {

  /** The request's client, as {@link #precheck} found it: one token check per request. */
  private static final String CLIENT = PricingBudgets.class.getName() + ".client";

  private final PricingLimitsProperties limits;
  private final AdminToken token;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;
  private final Counter rateLimited;
  private final Counter overCap;

  PricingBudgets(
      PricingLimitsProperties limits, AdminToken token, Clock clock, MeterRegistry meters) {
    this.limits = limits;
    this.token = token;
    this.time = new ClockTime(clock);
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(limits.maxClients())
            .expireAfterAccess(PricingLimitsProperties.PERIOD)
            .build();
    this.rateLimited = refused(meters, "rate-limited");
    this.overCap = refused(meters, "too-many-items");
    Gauge.builder("diamonds.limits.clients", buckets, Cache::estimatedSize)
        .description("clients with a pricing budget in memory")
        .strongReference(true)
        .register(meters);
  }

  private static Counter refused(MeterRegistry meters, String code) {
    return Counter.builder("diamonds.limits.refused")
        .description("pricing requests refused by the limits, unpriced")
        .tag("code", code)
        .register(meters);
  }

  /**
   * Refuses, before its body is read, a request from a client whose budget is empty (429): what a
   * client over its budget sends costs almost nothing.
   */
  void precheck(HttpServletRequest request) {
    if (!limits.enabled()) {
      return;
    }
    PricingClient client = PricingClient.of(request, token);
    request.setAttribute(CLIENT, client); // the controller's admit() reads it again
    Bucket bucket = bucket(client);
    if (bucket != null && bucket.getAvailableTokens() < 1) {
      EstimationProbe probe = bucket.estimateAbilityToConsume(1);
      throw limited(client, 1, probe.getNanosToWaitForRefill());
    }
  }

  /**
   * Admits a request for {@code items} diamonds, explained or not: 422 over a cap, 429 over the
   * budget (nothing taken from it), else takes their cost from the budget.
   */
  void admit(HttpServletRequest request, int items, boolean explain) {
    if (!limits.enabled()) {
      return;
    }
    PricingClient client =
        request.getAttribute(CLIENT) instanceof PricingClient known
            ? known
            : PricingClient.of(request, token);
    int maxExplained = client.admin() ? limits.adminMaxExplained() : limits.anonymousMaxExplained();
    if (explain && items > maxExplained) {
      overCap.increment();
      throw CostLimitProblem.explained(items, maxExplained);
    }
    int maxItems = client.admin() ? limits.adminMaxItems() : limits.anonymousMaxItems();
    if (items > maxItems) {
      overCap.increment();
      throw CostLimitProblem.items(items, maxItems);
    }
    Bucket bucket = bucket(client);
    if (bucket == null) {
      return;
    }
    long cost = limits.cost(items, explain);
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(cost);
    if (!probe.isConsumed()) {
      throw limited(client, cost, probe.getNanosToWaitForRefill());
    }
  }

  private RateLimitedProblem limited(PricingClient client, long cost, long nanosToWait) {
    rateLimited.increment();
    long seconds = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
    return new RateLimitedProblem(perMinute(client), cost, seconds);
  }

  /** The client's bucket, or null when its budget is unlimited. */
  private Bucket bucket(PricingClient client) {
    long perMinute = perMinute(client);
    if (perMinute == 0) {
      return null;
    }
    return buckets.get(
        client.key(),
        key ->
            Bucket.builder()
                .addLimit(
                    l ->
                        l.capacity(perMinute)
                            .refillGreedy(perMinute, PricingLimitsProperties.PERIOD))
                .withCustomTimePrecision(time)
                .build());
  }

  private long perMinute(PricingClient client) {
    return client.admin() ? limits.adminItemsPerMinute() : limits.anonymousItemsPerMinute();
  }

  /** Bucket4j's time, read from the application's clock. */
  private record ClockTime(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
