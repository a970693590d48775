package com.diamondpricing.server.prediction;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one client may ask of the pricing endpoints ({@code diamonds.limits.*}; README, "Limits"). A
 * client is the admin (the admin token sent as a bearer) or else the address of the connection (an
 * IPv6 address by its /64 network); an API key will be a third kind. Each has a budget of priced
 * items a minute (a Bucket4j bucket refilled evenly), checked before the stones are priced: an
 * explained item counts as {@code explained-item-cost} items, since its explanation costs that many
 * prices (bench/batch_cost.sh). The caps per request keep one request under about a CPU-second.
 *
 * @param enabled whether the limits apply at all
 * @param anonymousItemsPerMinute the budget of an address, in items a minute; 0: unlimited
 * @param anonymousMaxItems the most diamonds an address may price in one batch
 * @param anonymousMaxExplained the most diamonds an address may have explained in one request
 * @param adminItemsPerMinute the admin's budget, in items a minute (one for every admin request,
 *     wherever it comes from); 0: unlimited
 * @param adminMaxItems the most diamonds the admin may price in one batch (the API takes 10,000)
 * @param adminMaxExplained the most diamonds the admin may have explained in one request
 * @param explainedItemCost how many items an explained diamond counts as in a budget
 * @param maxClients the most client budgets kept in memory (an idle one is forgotten after a
 *     minute, full again by then)
 */
@ConfigurationProperties("diamonds.limits")
record PricingLimitsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("6000") int anonymousItemsPerMinute,
    @DefaultValue("5000") int anonymousMaxItems,
    @DefaultValue("200") int anonymousMaxExplained,
    @DefaultValue("0") int adminItemsPerMinute,
    @DefaultValue("10000") int adminMaxItems,
    @DefaultValue("10000") int adminMaxExplained,
    @DefaultValue("20") int explainedItemCost,
    @DefaultValue("100000") int maxClients) {

  /** How often a budget fills up again. */
  static final Duration PERIOD = Duration.ofMinutes(1);

  PricingLimitsProperties {
    require(anonymousItemsPerMinute >= 0, "anonymous-items-per-minute");
    require(anonymousMaxItems >= 1, "anonymous-max-items");
    require(anonymousMaxExplained >= 0, "anonymous-max-explained");
    require(adminItemsPerMinute >= 0, "admin-items-per-minute");
    require(adminMaxItems >= 1, "admin-max-items");
    require(adminMaxExplained >= 0, "admin-max-explained");
    require(explainedItemCost >= 1, "explained-item-cost");
    require(maxClients >= 1, "max-clients");
    // a request within the caps must fit in a full budget, or it could never be answered
    require(
        fits(anonymousItemsPerMinute, anonymousMaxItems, anonymousMaxExplained, explainedItemCost),
        "anonymous-items-per-minute (smaller than one request within the caps may cost)");
    require(
        fits(adminItemsPerMinute, adminMaxItems, adminMaxExplained, explainedItemCost),
        "admin-items-per-minute (smaller than one request within the caps may cost)");
  }

  private static boolean fits(int perMinute, int maxItems, int maxExplained, int explainedCost) {
    return perMinute == 0
        || (perMinute >= maxItems && perMinute >= (long) maxExplained * explainedCost);
  }

  /** What the client's request of {@code items} diamonds costs in its budget. */
  long cost(int items, boolean explain) {
    return explain ? (long) items * explainedItemCost : items;
  }

  private static void require(boolean ok, String name) {
    if (!ok) {
      throw new IllegalArgumentException("diamonds.limits." + name + " is out of range");
    }
  }
}
