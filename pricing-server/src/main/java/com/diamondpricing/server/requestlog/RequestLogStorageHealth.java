package com.diamondpricing.server.requestlog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: DOWN, with the reason, while nothing can be recorded ({@link StorageGate}), so
 * a load balancer sends traffic elsewhere; each probe checks for room again, so it comes back UP by
 * itself once space returns. UP when requests are not recorded at all.
 */
@Component("requestLogStorage")
class RequestLogStorageHealth implements HealthIndicator {

  private final ObjectProvider<StorageGate> gate;

  RequestLogStorageHealth(ObjectProvider<StorageGate> gate) {
    this.gate = gate;
  }

  @Override
  public Health health() {
    StorageGate g = gate.getIfAvailable();
    if (g == null) {
      return Health.up().withDetail("recording", false).build();
    }
    if (g.open()) {
      return Health.up().withDetail("recording", true).build();
    }
    String reason = g.reason();
    return Health.down().withDetail("reason", reason == null ? "storage full" : reason).build();
  }
}
