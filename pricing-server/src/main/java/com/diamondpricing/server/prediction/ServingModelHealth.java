package com.diamondpricing.server.prediction;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: the service is ready once a champion is loaded (before the first training ends
 * there is nothing to serve).
 */
@Component("servingModel")
class ServingModelHealth implements HealthIndicator {

  private final ServingModels models;

  ServingModelHealth(ServingModels models) {
    this.models = models;
  }

  @Override
  public Health health() {
    return models
        .champion()
        .map(
            c ->
                Health.up()
                    .withDetail("modelId", c.entry().id())
                    .withDetail("type", c.entry().type())
                    .withDetail("version", c.entry().version())
                    .build())
        .orElseGet(() -> Health.outOfService().withDetail("reason", "no champion yet").build());
  }
}
