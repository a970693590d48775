package com.diamondpricing.server.requestlog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ceiling on the rows the request log ({@code diamonds.request-log.max-rows}) and the priced
 * diamonds ({@code max-prediction-rows}) keep, whatever their retention: over it, the oldest rows
 * are deleted (first in, first out). A WARN line says when a table passes {@code budget-warn-at} of
 * its budget (once a crossing) and each time rows are deleted for room. Meters: {@code
 * diamonds.requestlog.rows} and {@code diamonds.requestlog.rows.max} (per {@code table}, as of the
 * last check) and {@code diamonds.requestlog.purged} (per {@code table} and {@code reason}: {@code
 * budget} or {@code retention}). A budget of 0 is none.
 */
final class StorageBudget {

  private static final Logger log = LoggerFactory.getLogger(StorageBudget.class);

  static final String REQUESTS = "request_log";
  static final String PREDICTIONS = "prediction";

  /** A table as the last check found it: its rows, its budget, and the rows it purged. */
  record Usage(String table, long rows, long max, long purged) {}

  private final Ceiling requests;
  private final Ceiling predictions;
  private final Counter requestsExpired;
  private final Counter predictionsExpired;

  /**
   * @param maxRequests the most request log rows, or 0
   * @param maxPredictions the most prediction rows, or 0
   * @param warnAt the share of a budget (0 to 1) past which a WARN line says so
   */
  StorageBudget(
      RequestLogStore store,
      long maxRequests,
      long maxPredictions,
      double warnAt,
      MeterRegistry meters) {
    this.requests =
        new Ceiling(
            REQUESTS,
            "max-rows",
            maxRequests,
            warnAt,
            store::requests,
            store::purgeOldestRequests,
            meters);
    this.predictions =
        new Ceiling(
            PREDICTIONS,
            "max-prediction-rows",
            maxPredictions,
            warnAt,
            store::predictions,
            store::purgeOldestPredictions,
            meters);
    this.requestsExpired = purged(meters, REQUESTS, "retention");
    this.predictionsExpired = purged(meters, PREDICTIONS, "retention");
  }

  /** Whether either table has a budget. */
  boolean enabled() {
    return requests.max > 0 || predictions.max > 0;
  }

  /** Counts both tables, purges the oldest rows of a table over its budget; what it found. */
  List<Usage> enforce() {
    return List.of(requests.enforce(), predictions.enforce());
  }

  /** Counts rows the retention purge deleted. */
  void expired(long requestRows, long predictionRows) {
    requestsExpired.increment(requestRows);
    predictionsExpired.increment(predictionRows);
  }

  private static Counter purged(MeterRegistry meters, String table, String reason) {
    return Counter.builder("diamonds.requestlog.purged")
        .description("rows deleted from the request log's tables, by reason")
        .tag("table", table)
        .tag("reason", reason)
        .register(meters);
  }

  /** One table's budget. */
  private static final class Ceiling {
    final String table;
    final String setting;
    final long max;
    final double warnAt;
    final LongSupplier count;
    final LongUnaryOperator purgeOldest;
    final AtomicLong rows = new AtomicLong();
    final Counter purged;
    boolean near;

    Ceiling(
        String table,
        String setting,
        long max,
        double warnAt,
        LongSupplier count,
        LongUnaryOperator purgeOldest,
        MeterRegistry meters) {
      this.table = table;
      this.setting = setting;
      this.max = max;
      this.warnAt = warnAt;
      this.count = count;
      this.purgeOldest = purgeOldest;
      this.purged = purged(meters, table, "budget");
      Gauge.builder("diamonds.requestlog.rows", rows, AtomicLong::get)
          .description("rows in the table, as of the last budget check")
          .tag("table", table)
          .strongReference(true)
          .register(meters);
      Gauge.builder("diamonds.requestlog.rows.max", () -> max)
          .description("the table's budget of rows (0: none)")
          .tag("table", table)
          .strongReference(true)
          .register(meters);
    }

    Usage enforce() {
      if (max <= 0) {
        return new Usage(table, rows.get(), max, 0);
      }
      long found = count.getAsLong();
      long deleted = 0;
      if (found > max) {
        deleted = purgeOldest.applyAsLong(found - max);
        purged.increment(deleted);
        log.warn(
            "Storage budget: {} had {} rows, over its budget of {}"
                + " (diamonds.request-log.{}): deleted the {} oldest",
            table,
            found,
            max,
            setting,
            deleted);
      }
      long now = found - deleted;
      rows.set(now);
      boolean nearNow = now >= warnAt * max;
      if (nearNow && !near && deleted == 0) {
        log.warn(
            "Storage budget: {} holds {} rows, {}% of its budget of {}"
                + " (diamonds.request-log.{}); past it the oldest rows are deleted",
            table, now, Math.round(100.0 * now / max), max, setting);
      }
      near = nearNow;
      return new Usage(table, now, max, deleted);
    }
  }
}
