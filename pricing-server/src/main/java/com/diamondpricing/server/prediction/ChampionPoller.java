package com.diamondpricing.server.prediction;

import com.diamondpricing.server.system.BackgroundWorker;
import com.diamondpricing.server.system.ShutdownOrder;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the champion at start and follows the {@code champion} alias (another server may move it):
 * {@link ServingModels#refresh} every {@code diamonds.serving.poll-interval} ({@link
 * ServingProperties}). The command line's context has none ({@code
 * diamonds.serving.enabled=false}): it loads no model it does not use.
 */
@Component
@ConditionalOnProperty(
    name = ServingProperties.ENABLED,
    havingValue = "true",
    matchIfMissing = true)
class ChampionPoller extends BackgroundWorker {

  private static final Logger log = LoggerFactory.getLogger(ChampionPoller.class);

  private final ServingModels models;
  private final Duration interval;

  ChampionPoller(ServingModels models, ServingProperties properties) {
    super("champion-poller", ShutdownOrder.SERVING, OnStop.INTERRUPT, Duration.ofSeconds(5));
    this.models = models;
    this.interval = properties.pollInterval();
  }

  @Override
  protected boolean turn() throws InterruptedException {
    try {
      models.refresh();
    } catch (RuntimeException e) {
      log.warn("Could not refresh the champion: {}", e.toString());
    }
    pause(interval);
    return !stopping();
  }
}
