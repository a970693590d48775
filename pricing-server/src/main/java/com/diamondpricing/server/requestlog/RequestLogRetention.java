package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.system.BackgroundWorker;
import com.diamondpricing.server.system.ShutdownOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the request log and the priced diamonds within their limits: deletes the records older than
 * {@code diamonds.request-log.retention} (and the predictions older than {@code
 * prediction-retention}) every {@code purge-interval} (daily by default; the first purge a minute
 * after the start), and holds both tables to their budget of rows ({@link StorageBudget}) every
 * {@code budget-check-interval}. Nothing to keep: no thread.
 */
final class RequestLogRetention extends BackgroundWorker {

  private static final Logger log = LoggerFactory.getLogger(RequestLogRetention.class);
  private static final Duration FIRST_PURGE_AFTER = Duration.ofMinutes(1);

  private final RequestLogStore store;
  private final Duration retention;
  private final Duration predictionRetention;
  private final Duration interval;
  private final StorageBudget budget;
  private final Duration budgetInterval;
  private final Clock clock;
  private long nextPurge;
  private long nextBudgetCheck;

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
    this(store, retention, predictionRetention, interval, null, interval, clock);
  }

  /**
   * @param budget the tables' budgets of rows, or null for none
   * @param budgetInterval the time between two budget checks
   */
  RequestLogRetention(
      RequestLogStore store,
      Duration retention,
      Duration predictionRetention,
      Duration interval,
      StorageBudget budget,
      Duration budgetInterval,
      Clock clock) {
    super("request-log-purge", ShutdownOrder.INTAKE, OnStop.INTERRUPT, Duration.ofSeconds(5));
    this.store = store;
    this.retention = retention;
    this.predictionRetention = predictionRetention;
    this.interval = interval;
    this.budget = budget != null && budget.enabled() ? budget : null;
    this.budgetInterval = budgetInterval;
    this.clock = clock;
    long start = System.nanoTime();
    this.nextPurge = start + first(interval).toNanos();
    this.nextBudgetCheck = start + first(budgetInterval).toNanos();
  }

  private static Duration first(Duration interval) {
    return interval.compareTo(FIRST_PURGE_AFTER) < 0 ? interval : FIRST_PURGE_AFTER;
  }

  /** Deletes what is older than the retentions; how many request records. */
  long purge() {
    long predictions = 0;
    if (predictionRetention != null) {
      Instant before = clock.instant().minus(predictionRetention);
      predictions = store.purgePredictions(before);
      log.info(
          "Predictions: purged {} made before {} (retention {})",
          predictions,
          before,
          predictionRetention);
    }
    long n = 0;
    if (retention != null) {
      Instant before = clock.instant().minus(retention);
      n = store.purge(before);
      log.info(
          "Request log: purged {} record(s) received before {} (retention {})",
          n,
          before,
          retention);
    }
    if (budget != null) {
      budget.expired(n, predictions);
    }
    return n;
  }

  @Override
  protected boolean hasWork() {
    return retention != null || predictionRetention != null || budget != null;
  }

  @Override
  protected boolean turn() throws InterruptedException {
    long now = System.nanoTime();
    boolean ages = retention != null || predictionRetention != null;
    long next = ages ? nextPurge : Long.MAX_VALUE;
    if (budget != null && nextBudgetCheck - next < 0) {
      next = nextBudgetCheck;
    }
    if (next - now > 0) {
      pauseNanos(next - now);
    }
    if (stopping()) {
      return false;
    }
    now = System.nanoTime();
    if (ages && nextPurge - now <= 0) {
      nextPurge = now + interval.toNanos();
      try {
        purge();
      } catch (RuntimeException e) {
        log.warn("Request log: the purge failed; trying again in {}: {}", interval, e.toString());
      }
    }
    if (budget != null && nextBudgetCheck - now <= 0) {
      nextBudgetCheck = now + budgetInterval.toNanos();
      try {
        budget.enforce();
      } catch (RuntimeException e) {
        log.warn(
            "Request log: the budget check failed; trying again in {}: {}",
            budgetInterval,
            e.toString());
      }
    }
    return true;
  }
}
