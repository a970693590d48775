package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.system.BackgroundWorker;
import com.diamondpricing.server.system.ShutdownOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the records older than {@code diamonds.request-log.retention} every {@code
 * purge-interval} (daily by default; the first purge a minute after the start). No retention: keep
 * everything, and no thread.
 */
final class RequestLogRetention extends BackgroundWorker {

  private static final Logger log = LoggerFactory.getLogger(RequestLogRetention.class);
  private static final Duration FIRST_PURGE_AFTER = Duration.ofMinutes(1);

  private final RequestLogStore store;
  private final Duration retention;
  private final Duration predictionRetention;
  private final Duration interval;
  private final Clock clock;
  private boolean purgedOnce;

  /**
   * @param retention how long records are kept, or null for good
   * @param interval the time between two purges
   */
  RequestLogRetention(RequestLogStore store, Duration retention, Duration interval, Clock clock) {
    this(store, retention, null, interval, clock);
  }

  /**
   * @param predictionRetention how long the priced diamonds are kept, or null for good
   */
  RequestLogRetention(
      RequestLogStore store,
      Duration retention,
      Duration predictionRetention,
      Duration interval,
      Clock clock) {
    super("request-log-purge", ShutdownOrder.INTAKE, OnStop.INTERRUPT, Duration.ofSeconds(5));
    this.store = store;
    this.retention = retention;
    this.predictionRetention = predictionRetention;
    this.interval = interval;
    this.clock = clock;
  }

  /** Deletes what is older than the retentions; how many request records. */
  long purge() {
    if (predictionRetention != null) {
      Instant before = clock.instant().minus(predictionRetention);
      long n = store.purgePredictions(before);
      log.info(
          "Predictions: purged {} made before {} (retention {})", n, before, predictionRetention);
    }
    if (retention == null) {
      return 0;
    }
    Instant before = clock.instant().minus(retention);
    long n = store.purge(before);
    log.info(
        "Request log: purged {} record(s) received before {} (retention {})", n, before, retention);
    return n;
  }

  @Override
  protected boolean hasWork() {
    return retention != null || predictionRetention != null;
  }

  @Override
  protected boolean turn() throws InterruptedException {
    pause(purgedOnce || interval.compareTo(FIRST_PURGE_AFTER) < 0 ? interval : FIRST_PURGE_AFTER);
    if (stopping()) {
      return false;
    }
    purgedOnce = true;
    try {
      purge();
    } catch (RuntimeException e) {
      log.warn("Request log: the purge failed; trying again in {}: {}", interval, e.toString());
    }
    return true;
  }
}
