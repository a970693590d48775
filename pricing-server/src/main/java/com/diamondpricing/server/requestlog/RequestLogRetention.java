package com.diamondpricing.server.requestlog;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes the records older than {@code diamonds.request-log.retention} every {@code
 * purge-interval} (daily by default; the first purge a minute after the start). No retention: keep
 * everything, and no thread.
 */
final class RequestLogRetention implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RequestLogRetention.class);

  private final RequestLogStore store;
  private final Duration retention;
  private final Duration interval;
  private ScheduledExecutorService scheduler;

  RequestLogRetention(RequestLogStore store, Duration retention, Duration interval) {
    this.store = store;
    this.retention = retention;
    this.interval = interval;
  }

  /** Deletes what is older than the retention; how many records. */
  long purge() {
    if (retention == null) {
      return 0;
    }
    Instant before = Instant.now().minus(retention);
    long n = store.purge(before);
    log.info(
        "Request log: purged {} record(s) received before {} (retention {})", n, before, retention);
    return n;
  }

  private void purgeSafely() {
    try {
      purge();
    } catch (RuntimeException e) {
      log.warn("Request log: the purge failed; trying again in {}: {}", interval, e.toString());
    }
  }

  @Override
  public synchronized void start() {
    if (retention == null || scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "request-log-purge");
              t.setDaemon(true);
              return t;
            });
    long every = interval.toMillis();
    long first = Math.min(every, TimeUnit.MINUTES.toMillis(1));
    scheduler.scheduleWithFixedDelay(this::purgeSafely, first, every, TimeUnit.MILLISECONDS);
    log.info("Request log: records older than {} are purged every {}", retention, interval);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
