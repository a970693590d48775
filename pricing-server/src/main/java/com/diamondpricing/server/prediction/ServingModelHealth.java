package com.diamondpricing.server.prediction;

import com.diamondpricing.model.FeatureSet;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: the service is ready once a champion is loaded (before the first training ends
 * there is nothing to serve), and not while a feature set's champion cannot be loaded with none
 * serving in its place: then the reason names the model and why (as its 503 does).
 */
@Component("servingModel")
class ServingModelHealth implements HealthIndicator {

  private final ServingModels models;

  ServingModelHealth(ServingModels models) {
    this.models = models;
  }

  @Override
  public Health health() {
    List<String> unloadable = new ArrayList<>();
    List<String> servingOn = new ArrayList<>();
    for (FeatureSet set : FeatureSet.values()) {
      models
          .loadFailure(set)
          .ifPresent(
              f -> (models.champion(set).isPresent() ? servingOn : unloadable).add(f.sentence()));
    }
    if (!unloadable.isEmpty()) {
      return Health.outOfService().withDetail("reason", String.join("; ", unloadable)).build();
    }
    return models
        .champion()
        .map(
            c -> {
              Health.Builder up =
                  Health.up()
                      .withDetail("modelId", c.entry().id())
                      .withDetail("type", c.entry().type())
                      .withDetail("version", c.entry().version());
              if (!servingOn.isEmpty()) {
                up.withDetail("previousChampionServes", String.join("; ", servingOn));
              }
              return up.build();
            })
        .orElseGet(() -> Health.outOfService().withDetail("reason", "no champion yet").build());
  }
}
