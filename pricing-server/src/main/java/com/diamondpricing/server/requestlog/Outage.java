package com.diamondpricing.server.requestlog;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's account of a database that fails: after each failure the next attempt waits, a pause
 * that doubles from {@code retry-min} to {@code retry-max}; a warning when the outage starts,
 * another every 30 s while it lasts (with the attempts in between), a line when it ends. Every
 * failure counts as {@code retried}. The writer thread's only.
 */
final class Outage {

  private static final Logger log = LoggerFactory.getLogger(Outage.class);
  private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final long retryMinMillis;
  private final long retryMaxMillis;
  private final RequestLogMetrics metrics;
  private final Path journalDir;

  private boolean down;
  private long since;
  private long retryAt;
  private long backoffMillis;
  private long lastWarning;
  private int failuresSinceWarning;

  /**
   * @param journalDir where the records wait meanwhile (for the warning)
   */
  Outage(long retryMinMillis, long retryMaxMillis, RequestLogMetrics metrics, Path journalDir) {
    this.retryMinMillis = retryMinMillis;
    this.retryMaxMillis = retryMaxMillis;
    this.metrics = metrics;
    this.journalDir = journalDir;
  }

  /** A database call failed: the next one waits. */
  void failed(Exception e) {
    metrics.retried.increment();
    long now = System.nanoTime();
    if (!down) {
      down = true;
      since = now;
      lastWarning = now;
      failuresSinceWarning = 0;
      log.warn(
          "Request log: cannot write to the database ({}); records wait in the journal in {}",
          e.toString(),
          journalDir);
    } else if (now - lastWarning > WARN_EVERY_NANOS) {
      log.warn(
          "Request log: the database is still unavailable after {} s and {} more attempts ({})",
          TimeUnit.NANOSECONDS.toSeconds(now - since),
          failuresSinceWarning,
          e.toString());
      lastWarning = now;
      failuresSinceWarning = 0;
    } else {
      failuresSinceWarning++;
    }
    backoffMillis =
        backoffMillis == 0 ? retryMinMillis : Math.min(retryMaxMillis, backoffMillis * 2);
    retryAt = now + TimeUnit.MILLISECONDS.toNanos(backoffMillis);
  }

  /** A database call succeeded: the outage, if any, is over. */
  void recovered() {
    if (down) {
      log.info(
          "Request log: the database answers again after {} ms",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since));
    }
    down = false;
    backoffMillis = 0;
  }

  /** Whether the last call failed (the next one waits for its time). */
  boolean backingOff() {
    return backoffMillis != 0;
  }

  /** Nanoseconds until the next attempt may be made ({@link System#nanoTime()} at {@code now}). */
  long waitNanos(long now) {
    return backingOff() ? Math.max(0, retryAt - now) : 0;
  }
}
