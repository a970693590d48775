package com.diamondpricing.server.training;

import com.diamondpricing.server.system.BackgroundWorker;
import com.diamondpricing.server.system.DiamondsProperties;
import com.diamondpricing.server.system.ShutdownOrder;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * This server's taker of queued training runs: one worker that runs the oldest queued run (of any
 * server sharing the database) whenever one waits, woken when a run is queued here and looking
 * every second for runs queued elsewhere. Every half lease it also marks as interrupted the runs
 * whose server died. It stops last ({@link ShutdownOrder#TRAINING}): a run in progress is
 * interrupted and recorded so. The command line's context has none ({@code
 * diamonds.training.dispatch=false}).
 */
@Component
@ConditionalOnProperty(
    name = "diamonds.training.dispatch",
    havingValue = "true",
    matchIfMissing = true)
class RunDispatcher extends BackgroundWorker {

  private static final Logger log = LoggerFactory.getLogger(RunDispatcher.class);
  private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

  private final TrainingPipeline pipeline;
  private final long recoverEveryNanos;
  private long lastRecovery;

  RunDispatcher(TrainingPipeline pipeline, DiamondsProperties properties) {
    super("training", ShutdownOrder.TRAINING, OnStop.INTERRUPT, Duration.ofSeconds(30));
    this.pipeline = pipeline;
    this.recoverEveryNanos = properties.training().lease().toNanos() / 2;
    this.lastRecovery = System.nanoTime() - recoverEveryNanos;
    pipeline.onQueued(this::wake);
  }

  @Override
  protected boolean turn() throws InterruptedException {
    try {
      if (System.nanoTime() - lastRecovery >= recoverEveryNanos) {
        pipeline.recover();
        lastRecovery = System.nanoTime();
      }
      while (!stopping() && pipeline.runNextQueued()) {
        // one run after another while runs wait
      }
    } catch (RuntimeException e) {
      log.warn("Training runs: cannot look for queued runs: {}", e.toString());
    }
    if (stopping()) {
      return false;
    }
    pause(LOOK_EVERY);
    return !stopping();
  }
}
